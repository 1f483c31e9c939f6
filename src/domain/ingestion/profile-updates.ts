// Turns an object's targeted field values into a change set for the standard profile (spec §3.4 steps 7
// and 9): only non-empty values, only where the value's recorded source may be overwritten.
import type { Mapping } from '../object-types/definition.js';
import type { SourcedFields } from '../profiles/apply-changes.js';
import { ADDRESS_FIELDS, ADDRESS_LINES, SCALAR_FIELDS, type AddressField, type AddressLine, type ProfileChanges, type ScalarField } from '../profiles/profile.js';
import type { FieldValues } from './field-values.js';
import { mayOverwrite, type ObjectSource } from './field-precedence.js';

export const SOURCE_TIMESTAMP_TARGET = '_profile.SourceLastUpdatedTimestamp';

/** Enum members take only their model values; anything else is not written (the *String members take free text). */
const ENUMS: Partial<Record<ScalarField, readonly string[]>> = {
  gender: ['MALE', 'FEMALE', 'UNSPECIFIED'],
  partyType: ['INDIVIDUAL', 'BUSINESS', 'OTHER'],
  profileType: ['ACCOUNT_PROFILE', 'PROFILE'],
};

type Destination =
  | { kind: 'scalar'; field: ScalarField }
  | { kind: 'address'; field: AddressField; line: AddressLine }
  | { kind: 'attribute'; name: string };

const camel = (member: string) => member.charAt(0).toLowerCase() + member.slice(1);

/** Where `_profile.<Member>[.<line>]` writes; undefined for targets ingestion does not write (other objects, preferences). */
export function profileDestination(target: string): Destination | undefined {
  if (!target.startsWith('_profile.')) return undefined;
  const [member = '', ...rest] = target.slice('_profile.'.length).split('.');
  if (member === 'Attributes' && rest.length > 0) return { kind: 'attribute', name: rest.join('.') };
  const field = camel(member);
  if (rest.length === 0) return (SCALAR_FIELDS as readonly string[]).includes(field) ? { kind: 'scalar', field: field as ScalarField } : undefined;
  const line = camel(rest[0] ?? '');
  if (rest.length === 1 && (ADDRESS_FIELDS as readonly string[]).includes(field) && (ADDRESS_LINES as readonly string[]).includes(line)) {
    return { kind: 'address', field: field as AddressField, line: line as AddressLine };
  }
  return undefined;
}

function pathOf(destination: Destination): string {
  if (destination.kind === 'scalar') return destination.field;
  if (destination.kind === 'address') return `${destination.field}.${destination.line}`;
  return `attributes.${destination.name}`;
}

/**
 * The changes this object may make. For a profile this ingestion created (`inferred`), the first non-empty
 * EMAIL_ADDRESS and PHONE_NUMBER fields without a Target also fill EmailAddress and PhoneNumber (step 9).
 */
export function profileChanges(mapping: Mapping, values: FieldValues, current: SourcedFields, incoming: ObjectSource, inferred: boolean): ProfileChanges {
  const changes: { -readonly [K in keyof ProfileChanges]: ProfileChanges[K] } = {};
  const addresses: Partial<Record<AddressField, Partial<Record<AddressLine, string>>>> = {};
  const attributes = new Map<string, string>();
  const write = (destination: Destination, value: string) => {
    if (!mayOverwrite(incoming, current.sources[pathOf(destination)])) return;
    if (destination.kind === 'scalar') {
      const allowed = ENUMS[destination.field];
      if (allowed && !allowed.includes(value.toUpperCase())) return;
      changes[destination.field] = allowed ? value.toUpperCase() : value;
    } else if (destination.kind === 'address') {
      addresses[destination.field] = { ...addresses[destination.field], [destination.line]: value };
    } else {
      attributes.set(destination.name, value);
    }
  };
  for (const [name, field] of Object.entries(mapping.fields)) {
    const value = values[name];
    const destination = field.target === undefined ? undefined : profileDestination(field.target);
    if (value !== undefined && destination) write(destination, value);
  }
  if (inferred) {
    for (const [contentType, member] of [['EMAIL_ADDRESS', 'emailAddress'], ['PHONE_NUMBER', 'phoneNumber']] as const) {
      if (changes[member] !== undefined || current.fields[member] !== undefined) continue;
      const first = Object.entries(mapping.fields).find(([name, field]) => field.target === undefined && field.contentType === contentType && values[name] !== undefined);
      if (first) write({ kind: 'scalar', field: member }, values[first[0]]!);
    }
  }
  for (const [field, lines] of Object.entries(addresses)) changes[field as AddressField] = lines;
  if (attributes.size > 0) changes.attributes = Object.fromEntries(attributes);
  return changes;
}

/** The object's SourceLastUpdatedTimestamp as epoch ms, when the type maps one and it parses. */
export function sourceTimestampField(mapping: Mapping): string | undefined {
  return Object.entries(mapping.fields).find(([, field]) => field.target === SOURCE_TIMESTAMP_TARGET)?.[0];
}
