// Wire form of object types and templates: the mapping members by their model names.
import type { ContentType, FieldMapping, KeyDefinition, Mapping } from '../../domain/object-types/definition.js';
import type { ObjectTypeView } from '../../domain/object-types/object-type-service.js';
import type { Template } from '../../domain/templates/template.js';
import type { FieldContentType, ObjectTypeField, ObjectTypeKey, StandardIdentifier } from '../../generated/shapes.js';
import { tagsOutput } from './tags-output.js';

export function fieldsFromWire(fields: Record<string, ObjectTypeField> | undefined): Record<string, FieldMapping> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, { source: field.Source ?? '', target: field.Target, contentType: field.ContentType as ContentType | undefined }]),
  );
}

export function keysFromWire(keys: Record<string, ObjectTypeKey[]> | undefined): Record<string, KeyDefinition[]> | undefined {
  if (!keys) return undefined;
  return Object.fromEntries(
    Object.entries(keys).map(([name, defs]) => [name, defs.map((def) => ({ standardIdentifiers: def.StandardIdentifiers, fieldNames: def.FieldNames ?? [] }))]),
  );
}

function fieldToWire(field: FieldMapping): ObjectTypeField {
  return { Source: field.source, Target: field.target, ContentType: field.contentType as FieldContentType | undefined };
}

function mappingToWire(mapping: Mapping) {
  return {
    AllowProfileCreation: mapping.allowProfileCreation,
    SourceLastUpdatedTimestampFormat: mapping.sourceLastUpdatedTimestampFormat,
    Fields: Object.fromEntries(Object.entries(mapping.fields).map(([name, field]) => [name, fieldToWire(field)])),
    Keys: Object.fromEntries(
      Object.entries(mapping.keys).map(([name, defs]) => [
        name,
        defs.map((def) => ({ StandardIdentifiers: def.standardIdentifiers && ([...def.standardIdentifiers] as StandardIdentifier[]), FieldNames: [...def.fieldNames] })),
      ]),
    ),
  };
}

export function objectTypeOutput(type: ObjectTypeView) {
  return {
    ObjectTypeName: type.name,
    Description: type.description,
    TemplateId: type.templateId,
    ExpirationDays: type.expirationDays,
    EncryptionKey: type.encryptionKey,
    MaxProfileObjectCount: type.maxProfileObjectCount,
    MaxAvailableProfileObjectCount: type.maxAvailableProfileObjectCount,
    SourcePriority: type.sourcePriority,
    ...mappingToWire(type),
    CreatedAt: type.createdAt,
    LastUpdatedAt: type.lastUpdatedAt,
    Tags: tagsOutput(type.tags),
  };
}

export function objectTypeListItem(type: ObjectTypeView) {
  return {
    ObjectTypeName: type.name,
    Description: type.description,
    CreatedAt: type.createdAt,
    LastUpdatedAt: type.lastUpdatedAt,
    MaxProfileObjectCount: type.maxProfileObjectCount,
    MaxAvailableProfileObjectCount: type.maxAvailableProfileObjectCount,
    SourcePriority: type.sourcePriority,
    Tags: tagsOutput(type.tags),
  };
}

export function templateOutput(template: Template) {
  return { TemplateId: template.templateId, SourceName: template.sourceName, SourceObject: template.sourceObject, ...mappingToWire(template) };
}
