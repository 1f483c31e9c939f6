// What an object type is, in the domain's own terms (spec §3.3).
export type ContentType = 'STRING' | 'NUMBER' | 'PHONE_NUMBER' | 'EMAIL_ADDRESS' | 'NAME';

export interface FieldMapping {
  /** `_source.<path>` or a Handlebars template over `_source`. */
  readonly source: string;
  readonly target?: string;
  /** Absent when the caller gave none: read as STRING, echoed as absent. */
  readonly contentType?: ContentType;
}

export interface KeyDefinition {
  /** Absent when the caller gave none (a key with no standard role), echoed as absent. */
  readonly standardIdentifiers?: readonly string[];
  readonly fieldNames: readonly string[];
}

/** The mapping part: what a template supplies and what PutProfileObjectType may give instead. */
export interface Mapping {
  readonly allowProfileCreation: boolean;
  readonly sourceLastUpdatedTimestampFormat?: string;
  readonly fields: Readonly<Record<string, FieldMapping>>;
  readonly keys: Readonly<Record<string, readonly KeyDefinition[]>>;
}

export interface ObjectTypeDefinition extends Mapping {
  readonly name: string;
  readonly description: string;
  readonly templateId?: string;
  readonly expirationDays?: number;
  readonly encryptionKey?: string;
  readonly maxProfileObjectCount?: number;
  readonly sourcePriority?: number;
}

export interface StoredObjectType extends ObjectTypeDefinition {
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

/** Per-profile object budget shared by all object types of a domain (spec §3.15: objects per profile). */
export const OBJECTS_PER_PROFILE = 1000;
export const MAX_FIELDS_PER_OBJECT_TYPE = 250;
export const MAX_KEYS_PER_OBJECT_TYPE = 10;
export const MAX_OBJECT_TYPES_PER_DOMAIN = 100;
