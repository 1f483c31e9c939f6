// The model's constraints on every value a mapping writes (spec §3.4 steps 7–9, §3.15), read from the
// generated validators rather than typed again: a value bound for a profile member or attribute is
// checked as that member of a CreateProfileRequest, a key value as one of AddProfileKey's Values.
// Standard objects other than the profile have no shapes in the model: their Attributes and address
// lines take the profile's rules, a member the profile also has takes its rule, any other the
// longest value a profile member takes.
import { inputValidators } from '../../generated/validators.js';
import { schema } from '../../generated/schema.js';
import { codePoints } from '../../generated/validation-runtime.js';
import type { Violation } from '../../generated/validators.js';
import type { Mapping } from '../object-types/definition.js';
import { keyValueRefused, mappedValueRefused } from '../errors.js';
import type { FieldValues } from './field-values.js';
import type { ObjectKey } from './key-values.js';

const PROFILE_REQUEST = 'CreateProfileRequest';
const validateProfile = validatorOf(PROFILE_REQUEST);
const validateKey = validatorOf('AddProfileKeyRequest');
/** Stand-ins for the members a probe needs but does not test. */
const DOMAIN = 'd';
const PROFILE_ID = '0'.repeat(32);

function validatorOf(shape: string): (value: unknown) => Violation[] {
  const validator = inputValidators[shape];
  if (validator === undefined) throw new Error(`the generated validators lack ${shape}`);
  return validator;
}

function profileMembers(): ReadonlyMap<string, string> {
  const shape = schema[PROFILE_REQUEST];
  if (shape?.kind !== 'structure') throw new Error(`${PROFILE_REQUEST} is not a structure`);
  return new Map(Object.entries(shape.members).filter(([, member]) => member.location === undefined).map(([name, member]) => [name, member.target]));
}

const MEMBERS = profileMembers();
const ADDRESS_LINES = new Set(Object.keys(schema['Address']?.kind === 'structure' ? schema['Address'].members : {}));

/** The CreateProfileRequest a value for `member` makes (absent when the profile has no such string member). */
function probe(member: string, value: string, line?: string): Record<string, unknown> | undefined {
  const target = MEMBERS.get(member);
  const kind = target === undefined ? undefined : schema[target]?.kind;
  if (kind === 'map' && line !== undefined) return { DomainName: DOMAIN, [member]: { [line]: value } };
  if (kind === 'structure' && line !== undefined && target === 'Address' && ADDRESS_LINES.has(line)) return { DomainName: DOMAIN, [member]: { [line]: value } };
  if (kind === 'string' && line === undefined) return { DomainName: DOMAIN, [member]: value };
  return undefined;
}

/**
 * The longest value any target takes: the largest maxLength the validators give a profile member,
 * found by validating a value longer than any of them in every string member, line and attribute.
 */
function longestTargetValue(): number {
  const long = 'x'.repeat(65_536);
  const request: Record<string, unknown> = { DomainName: DOMAIN };
  for (const [member, target] of MEMBERS) {
    const kind = schema[target]?.kind;
    if (kind === 'string') request[member] = long;
    else if (kind === 'map' && member === 'Attributes') request[member] = { a: long };
    else if (target === 'Address') request[member] = Object.fromEntries([...ADDRESS_LINES].map((line) => [line, long]));
  }
  const limits = validateProfile(request).flatMap((violation) => (violation.rule === 'maxLength' ? [violation.limit] : []));
  if (limits.length === 0) throw new Error('no profile member has a maximum length');
  return Math.max(...limits);
}

/** No target takes a longer value; templates stop producing output past it. */
export const LONGEST_TARGET_VALUE = longestTargetValue();

/** Violations of the model's rule for `value` written to `target`; enum members are not checked (a value outside them is not written). */
export function targetViolations(target: string, value: string): Violation[] {
  const [object, member, line, ...rest] = target.split('.');
  if (member === undefined || rest.length > 0) return [];
  let request = probe(member, value, line);
  if (request === undefined && object !== '_profile') {
    if (line !== undefined && ADDRESS_LINES.has(line)) request = { DomainName: DOMAIN, Address: { [line]: value } };
    else {
      const path = line === undefined ? member : `${member}.${line}`;
      return codePoints(value) > LONGEST_TARGET_VALUE ? [{ path, rule: 'maxLength', limit: LONGEST_TARGET_VALUE }] : [];
    }
  }
  // Profile targets ingestion does not write (SourceLastUpdatedTimestamp, EngagementPreferences) have no rule here.
  if (request === undefined) return [];
  return validateProfile(request).filter((violation) => violation.rule !== 'enum' && violation.path !== 'DomainName');
}

/**
 * Refuses (400, naming the field and the target) an object whose mapping would write a value the model
 * does not allow there; checked before anything is written, on every value the mapping may write:
 * targeted values, the inferred profile's e-mail and phone (step 9), and the stored key values.
 */
export function checkMappedValues(mapping: Mapping, values: FieldValues, keys: readonly ObjectKey[]): void {
  for (const [name, field] of Object.entries(mapping.fields)) {
    const value = values[name];
    if (value === undefined || field.target === undefined) continue;
    const [violation] = targetViolations(field.target, value);
    if (violation) throw mappedValueRefused(name, field.target, violation);
  }
  for (const [contentType, member] of [['EMAIL_ADDRESS', 'EmailAddress'], ['PHONE_NUMBER', 'PhoneNumber']] as const) {
    const first = Object.entries(mapping.fields).find(([name, field]) => field.target === undefined && field.contentType === contentType && values[name] !== undefined);
    if (!first) continue;
    const [violation] = targetViolations(`_profile.${member}`, values[first[0]]!);
    if (violation) throw mappedValueRefused(first[0], `_profile.${member}`, violation);
  }
  for (const key of keys) {
    const [violation] = validateKey({ DomainName: DOMAIN, ProfileId: PROFILE_ID, KeyName: key.name, Values: [key.value] }).filter((found) => found.path.startsWith('Values'));
    if (violation) throw keyValueRefused(key.name, violation);
  }
}
