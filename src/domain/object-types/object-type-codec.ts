// Object types as stored JSON, and back: the stored form is the definition without name and times.
import type { JsonValue, ObjectTypeRecord } from '../../storage/ports.js';
import type { ObjectTypeDefinition, StoredObjectType } from './definition.js';

export function toStoredDefinition(definition: ObjectTypeDefinition): JsonValue {
  const { name: _name, ...rest } = definition;
  return JSON.parse(JSON.stringify(rest)) as JsonValue;
}

export function fromRecord(record: ObjectTypeRecord): StoredObjectType {
  const definition = record.definition as unknown as Omit<ObjectTypeDefinition, 'name'>;
  return { ...definition, name: record.name, createdAt: record.createdAt, lastUpdatedAt: record.lastUpdatedAt };
}
