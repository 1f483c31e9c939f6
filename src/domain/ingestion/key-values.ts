// The key values an object carries (spec §3.3 "Keys"): each key definition's fields, normalized by their
// content types. A key over several fields joins its normalized values with one space (as _fullName does);
// a key with any of its fields absent has no value.
import type { Mapping, KeyDefinition } from '../object-types/definition.js';
import { normalizeValue, type NormalizeOptions } from '../keys/normalize.js';
import type { FieldValues } from './field-values.js';

export interface ObjectKey {
  readonly name: string;
  readonly definition: KeyDefinition;
  readonly value: string;
}

export function keyValue(mapping: Mapping, definition: KeyDefinition, values: FieldValues, options: NormalizeOptions): string | undefined {
  const parts: string[] = [];
  for (const fieldName of definition.fieldNames) {
    const raw = values[fieldName];
    if (raw === undefined) return undefined;
    parts.push(normalizeValue(mapping.fields[fieldName]?.contentType ?? 'STRING', raw, options));
  }
  return parts.join(' ');
}

/** Every key definition of the mapping that has a value for this object, in definition order. */
export function objectKeys(mapping: Mapping, values: FieldValues, options: NormalizeOptions): ObjectKey[] {
  const keys: ObjectKey[] = [];
  for (const [name, definitions] of Object.entries(mapping.keys)) {
    for (const definition of definitions) {
      const value = keyValue(mapping, definition, values, options);
      if (value !== undefined) keys.push({ name, definition, value });
    }
  }
  return keys;
}
