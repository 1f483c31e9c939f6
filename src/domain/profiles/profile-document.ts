// The profile's fields as the JSON document storage keeps opaquely, and back.
import type { JsonObject, ProfileRecord } from '../../storage/ports.js';
import type { Profile, ProfileFields } from './profile.js';

/** ProfileFields is plain JSON (strings, nested objects, arrays of objects), so it stores as is. */
export function toDocument(fields: ProfileFields): JsonObject {
  return fields as unknown as JsonObject;
}

/** Documents are written only through toDocument, so they read back as ProfileFields. */
export function fromDocument(document: JsonObject): ProfileFields {
  return document as unknown as ProfileFields;
}

export function toProfile(record: ProfileRecord): Profile {
  return { profileId: record.profileId, fields: fromDocument(record.fields) };
}
