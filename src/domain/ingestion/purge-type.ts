// DeleteProfileObjectType's data side (spec, DeleteProfileObjectType): the type's objects go, and the
// standard-profile values it wrote are scrubbed from the profiles that hold its objects.
import type { Repositories, Scope } from '../../storage/ports.js';
import { applyChanges } from '../profiles/apply-changes.js';
import { fromDocument, toDocument } from '../profiles/profile-document.js';
import { ADDRESS_FIELDS, SCALAR_FIELDS, type AddressField, type AddressLine, type ProfileChanges, type ScalarField } from '../profiles/profile.js';
import { normalizeOptions } from '../profiles/profile-service.js';
import { syncStandardKeys } from '../profiles/sync-keys.js';
import { decodeSource } from './field-precedence.js';

/** Changes that delete every value whose recorded source is `objectTypeName`. */
export function scrubChanges(sources: Readonly<Record<string, string>>, objectTypeName: string): ProfileChanges {
  const changes: { -readonly [K in keyof ProfileChanges]: ProfileChanges[K] } = {};
  const attributes: Record<string, null> = {};
  for (const [path, recorded] of Object.entries(sources)) {
    if (decodeSource(recorded)?.objectTypeName !== objectTypeName) continue;
    const dot = path.indexOf('.');
    const head = dot < 0 ? path : path.slice(0, dot);
    const rest = path.slice(dot + 1);
    if (dot < 0 && (SCALAR_FIELDS as readonly string[]).includes(head)) changes[head as ScalarField] = null;
    else if (head === 'attributes') attributes[rest] = null;
    else if ((ADDRESS_FIELDS as readonly string[]).includes(head)) changes[head as AddressField] = { ...changes[head as AddressField], [rest as AddressLine]: null };
  }
  if (Object.keys(attributes).length > 0) changes.attributes = attributes;
  return changes;
}

/** Removes the type's objects and scrubs its values; returns how many objects went. Profiles are locked in id order. */
export async function purgeObjectType(repos: Repositories, scope: Scope, domainName: string, objectTypeName: string, now: Date): Promise<number> {
  for (const profileId of await repos.profileObjects.profileIdsOfType(scope, domainName, objectTypeName)) {
    const record = await repos.profiles.lock(scope, domainName, profileId);
    if (!record) continue;
    const changes = scrubChanges(record.sources, objectTypeName);
    if (Object.keys(changes).length === 0) continue;
    const next = applyChanges({ fields: fromDocument(record.fields), sources: record.sources }, changes, '');
    await repos.profiles.update(scope, domainName, { ...record, fields: toDocument(next.fields), sources: next.sources, lastUpdatedAt: now });
    await syncStandardKeys(repos, scope, domainName, profileId, next.fields, normalizeOptions(scope));
  }
  return repos.profileObjects.deleteAllOfType(scope, domainName, objectTypeName);
}
