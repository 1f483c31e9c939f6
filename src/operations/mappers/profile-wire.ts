// Wire (PascalCase) <-> domain (camelCase) forms of the standard profile, shared by the profile
// operations. Member names differ only in the case of their first letter.
import type {
  ContactPreference as WireContactPreference,
  CreateProfileRequest,
  EngagementPreferences as WireEngagementPreferences,
  FieldSourceProfileIds,
  Profile as WireProfile,
  UpdateProfileRequest,
} from '../../generated/shapes.js';
import type { FieldChoices, MergeableField } from '../../domain/profiles/merge-fields.js';
import { MERGEABLE_FIELDS } from '../../domain/profiles/merge-fields.js';
import type { SearchKey } from '../../domain/profiles/profile-search.js';
import {
  ADDRESS_FIELDS,
  ADDRESS_LINES,
  SCALAR_FIELDS,
  type ContactPreference,
  type EngagementPreferences,
  type Profile,
  type ProfileChanges,
} from '../../domain/profiles/profile.js';

type WireRecord = Readonly<Record<string, unknown>>;

function wireName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The wire's "" means delete (UpdateProfile; CreateProfile's validators reject ""). */
function cleared(value: string): string | null {
  return value === '' ? null : value;
}

export function changesFromWire(input: CreateProfileRequest | UpdateProfileRequest): ProfileChanges {
  const wire = input as unknown as WireRecord;
  const changes: Record<string, unknown> = {};
  for (const name of SCALAR_FIELDS) {
    const value = wire[wireName(name)];
    if (typeof value === 'string') changes[name] = cleared(value);
  }
  for (const name of ADDRESS_FIELDS) {
    const address = wire[wireName(name)] as WireRecord | undefined;
    if (address === undefined) continue;
    const lines: Record<string, string | null> = {};
    for (const line of ADDRESS_LINES) {
      const value = address[wireName(line)];
      if (typeof value === 'string') lines[line] = cleared(value);
    }
    changes[name] = lines;
  }
  if (input.Attributes !== undefined) {
    changes['attributes'] = Object.fromEntries(Object.entries(input.Attributes).map(([key, value]) => [key, cleared(value)]));
  }
  if (input.EngagementPreferences !== undefined) changes['engagementPreferences'] = preferencesFromWire(input.EngagementPreferences);
  return changes as ProfileChanges;
}

function preferencesFromWire(wire: WireEngagementPreferences): EngagementPreferences {
  const toDomain = (item: WireContactPreference): ContactPreference => ({
    ...(item.KeyName !== undefined && { keyName: item.KeyName }),
    ...(item.KeyValue !== undefined && { keyValue: item.KeyValue }),
    ...(item.ProfileId !== undefined && { profileId: item.ProfileId }),
    ...(item.ContactType !== undefined && { contactType: item.ContactType }),
  });
  return {
    ...(wire.Phone !== undefined && { phone: wire.Phone.map(toDomain) }),
    ...(wire.Email !== undefined && { email: wire.Email.map(toDomain) }),
  };
}

function preferencesToWire(preferences: EngagementPreferences): WireEngagementPreferences {
  const toWire = (item: ContactPreference) =>
    ({ KeyName: item.keyName, KeyValue: item.keyValue, ProfileId: item.profileId, ContactType: item.contactType }) as WireContactPreference;
  return { Phone: preferences.phone?.map(toWire), Email: preferences.email?.map(toWire) };
}

export function profileToWire(profile: Profile, foundBy?: readonly SearchKey[]): WireProfile {
  const { fields } = profile;
  const wire: Record<string, unknown> = { ProfileId: profile.profileId };
  for (const name of SCALAR_FIELDS) if (fields[name] !== undefined) wire[wireName(name)] = fields[name];
  for (const name of ADDRESS_FIELDS) {
    const address = fields[name];
    if (address !== undefined) wire[wireName(name)] = Object.fromEntries(Object.entries(address).map(([line, value]) => [wireName(line), value]));
  }
  if (fields.attributes !== undefined) wire['Attributes'] = fields.attributes;
  if (fields.engagementPreferences !== undefined) wire['EngagementPreferences'] = preferencesToWire(fields.engagementPreferences);
  if (foundBy !== undefined && foundBy.length > 0) wire['FoundByItems'] = foundBy.map((key) => ({ KeyName: key.keyName, Values: [...key.values] }));
  return wire as WireProfile;
}

export function choicesFromWire(wire: FieldSourceProfileIds | undefined): FieldChoices {
  const fields: Partial<Record<MergeableField, string>> = {};
  if (wire === undefined) return { fields, attributes: {} };
  const record = wire as unknown as WireRecord;
  for (const name of MERGEABLE_FIELDS) {
    const id = record[wireName(name)];
    if (typeof id === 'string') fields[name] = id;
  }
  return { fields, attributes: { ...wire.Attributes } };
}
