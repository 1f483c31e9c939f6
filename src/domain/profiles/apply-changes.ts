// Applies a ProfileChanges set to a profile's fields and records the source of every value it sets
// (spec §3.2: absent keeps, null deletes, a value sets — per member, per address line, per attribute).
import {
  ADDRESS_FIELDS,
  ADDRESS_LINES,
  SCALAR_FIELDS,
  type AddressFields,
  type EngagementPreferences,
  type FieldSources,
  type ProfileChanges,
  type ProfileFields,
} from './profile.js';

export interface SourcedFields {
  readonly fields: ProfileFields;
  readonly sources: FieldSources;
}

export function applyChanges(current: SourcedFields, changes: ProfileChanges, source: string): SourcedFields {
  const fields: ProfileFields = { ...current.fields };
  const sources = new Map(Object.entries(current.sources));
  /** A cleared value has no source; a written one has this write's. */
  const mark = (path: string, cleared: boolean): void => {
    if (cleared) sources.delete(path);
    else sources.set(path, source);
  };

  for (const name of SCALAR_FIELDS) {
    const change = changes[name];
    if (change === undefined) continue;
    if (change === null) delete fields[name];
    else fields[name] = change;
    mark(name, change === null);
  }

  for (const name of ADDRESS_FIELDS) {
    const change = changes[name];
    if (change === undefined) continue;
    const address: AddressFields = { ...fields[name] };
    for (const line of ADDRESS_LINES) {
      const value = change[line];
      if (value === undefined) continue;
      if (value === null) delete address[line];
      else address[line] = value;
      mark(`${name}.${line}`, value === null);
    }
    if (Object.keys(address).length > 0) fields[name] = address;
    else delete fields[name];
  }

  if (changes.attributes !== undefined) {
    // A Map, not an object, so an attribute named "__proto__" stays an ordinary attribute.
    const attributes = new Map(Object.entries(fields.attributes ?? {}));
    for (const [key, value] of Object.entries(changes.attributes)) {
      if (value === null) attributes.delete(key);
      else attributes.set(key, value);
      mark(`attributes.${key}`, value === null);
    }
    if (attributes.size > 0) fields.attributes = Object.fromEntries(attributes);
    else delete fields.attributes;
  }

  if (changes.engagementPreferences !== undefined) {
    const preferences: { -readonly [K in keyof EngagementPreferences]: EngagementPreferences[K] } = { ...fields.engagementPreferences };
    for (const list of ['phone', 'email'] as const) {
      const sent = changes.engagementPreferences[list];
      if (sent === undefined) continue;
      if (sent.length > 0) preferences[list] = sent;
      else delete preferences[list];
      mark(`engagementPreferences.${list}`, sent.length === 0);
    }
    if (Object.keys(preferences).length > 0) fields.engagementPreferences = preferences;
    else delete fields.engagementPreferences;
  }

  return { fields, sources: Object.fromEntries(sources) };
}
