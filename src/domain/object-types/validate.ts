// The ten validation rules of an object type (spec §3.3), each failing with a message naming the rule.
import type { KeyDefinition, Mapping } from './definition.js';
import { MAX_FIELDS_PER_OBJECT_TYPE, MAX_KEYS_PER_OBJECT_TYPE } from './definition.js';
import { checkTarget } from './standard-objects.js';
import { LOOKUP_ONLY_KEYS, PREDEFINED_KEYS } from './standard-keys.js';
import { sourceProblem, type HandlebarsRuntime } from './field-source.js';
import { objectTypeRuleBroken } from '../errors.js';

const has = (key: KeyDefinition, identifier: string) => (key.standardIdentifiers ?? []).includes(identifier);

/** Content types of a key's fields, in field order: what makes two uses of a key name "the same key". */
export function keyContentTypes(mapping: Mapping, key: KeyDefinition): string {
  return key.fieldNames.map((name) => mapping.fields[name]?.contentType ?? 'STRING').join(',');
}

/** Throws BadRequestException naming the first broken rule. `otherKeys` are the key content types the rest of the domain uses. */
export function validateMapping(mapping: Mapping, otherKeys: ReadonlyMap<string, string>, handlebars: HandlebarsRuntime): void {
  const fail = (rule: number, detail: string): never => {
    throw objectTypeRuleBroken(rule, detail);
  };
  const keys = Object.entries(mapping.keys).flatMap(([name, definitions]) => definitions.map((definition) => ({ name, definition })));
  const fieldNames = Object.keys(mapping.fields);

  const unique = keys.filter(({ definition }) => has(definition, 'UNIQUE'));
  if (unique.length !== 1) fail(1, `exactly one key must carry UNIQUE; found ${unique.length}`);
  const profileKeys = keys.filter(({ definition }) => has(definition, 'PROFILE'));
  if (profileKeys.length === 0) fail(2, 'at least one key must carry PROFILE');
  const storable = profileKeys.filter(({ name, definition }) => name !== '_profileId' && !has(definition, 'LOOKUP_ONLY') && !has(definition, 'NEW_ONLY'));
  if (mapping.allowProfileCreation && storable.length === 0) {
    fail(3, 'with AllowProfileCreation, at least one PROFILE key must be neither LOOKUP_ONLY nor NEW_ONLY');
  }
  for (const { name, definition } of unique) {
    if (has(definition, 'LOOKUP_ONLY') || has(definition, 'NEW_ONLY')) fail(4, `the UNIQUE key ${name} cannot be LOOKUP_ONLY or NEW_ONLY`);
  }
  for (const { name, definition } of keys) {
    if (has(definition, 'SECONDARY') && !has(definition, 'PROFILE')) fail(4, `key ${name}: SECONDARY is only used together with PROFILE`);
  }

  const identifiers = new Set(keys.flatMap(({ definition }) => definition.standardIdentifiers ?? []));
  const targets = new Map<string, string>();
  for (const [fieldName, field] of Object.entries(mapping.fields)) {
    const problem = sourceProblem(field.source, handlebars);
    if (problem) fail(9, `field ${fieldName}: ${problem}`);
    if (field.target === undefined) continue;
    const checked = checkTarget(field.target);
    if (!checked.ok) fail(8, `field ${fieldName}: ${checked.reason}`);
    else {
      if (checked.object.identifier && !identifiers.has(checked.object.identifier)) {
        fail(5, `field ${fieldName} targets ${checked.object.name}, so a key must carry the ${checked.object.identifier} identifier`);
      }
      targets.set(field.target, fieldName);
    }
  }
  for (const [a, b] of [['_profile.Gender', '_profile.GenderString'], ['_profile.PartyType', '_profile.PartyTypeString']] as const) {
    if (targets.has(a) && targets.has(b)) fail(8, `fields may not target both ${a} and ${b}`);
  }

  for (const { name, definition } of keys) {
    if (name.startsWith('_') && !PREDEFINED_KEYS.has(name)) fail(6, `${name} is not a predefined key; key names starting with _ are reserved`);
    if (name === 'Tags' || name === 'tags') fail(6, `${name} cannot be a key name`);
    if (LOOKUP_ONLY_KEYS.has(name) && !has(definition, 'LOOKUP_ONLY')) fail(6, `the reserved key ${name} must be LOOKUP_ONLY`);
    if (definition.fieldNames.length === 0) fail(7, `key ${name} has no FieldNames`);
    for (const field of definition.fieldNames) {
      if (!(field in mapping.fields)) fail(7, `key ${name} names field ${field}, which this object type does not define`);
    }
  }

  if (fieldNames.length > MAX_FIELDS_PER_OBJECT_TYPE) fail(9, `at most ${MAX_FIELDS_PER_OBJECT_TYPE} fields; found ${fieldNames.length}`);
  for (const name of fieldNames) if (name === 'Tags' || name === 'tags') fail(9, `${name} cannot be a field name`);
  if (keys.length > MAX_KEYS_PER_OBJECT_TYPE) fail(9, `at most ${MAX_KEYS_PER_OBJECT_TYPE} key definitions; found ${keys.length}`);
  for (const { name, definition } of keys) {
    const mine = keyContentTypes(mapping, definition);
    const theirs = otherKeys.get(name);
    if (theirs !== undefined && theirs !== mine) fail(9, `key ${name} is used elsewhere in the domain with content types [${theirs}], not [${mine}]`);
  }

  if (targets.has('_profile.SourceLastUpdatedTimestamp') && !mapping.sourceLastUpdatedTimestampFormat) {
    fail(10, 'SourceLastUpdatedTimestampFormat is required when a field targets _profile.SourceLastUpdatedTimestamp');
  }
}
