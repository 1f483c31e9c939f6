// Kysely table types for ingested profile objects, their key index, the dead-letter store (migration 0006)
// and inferred-profile claims (migration 0011).

export interface ProfileObjectsTable {
  account_id: string;
  region: string;
  domain_name: string;
  object_type_name: string;
  /** The ProfileObjectUniqueKey: deterministic per (object type, UNIQUE value). */
  object_key: string;
  profile_id: string;
  /** The whole document exactly as PutProfileObject received it. */
  object_json: string;
  /** UTF-8 bytes of object_json (GetDomain Stats TotalSize). */
  size_bytes: number;
  created_at: number;
  last_updated_at: number;
  expires_at: number;
  /** Standard-object records only: JSON map of member path → the source that wrote it (field-precedence.ts). */
  sources_json: string | null;
}

/** The normalized key values of one object, for ListProfileObjects' ObjectFilter. */
export interface ProfileObjectKeysTable {
  account_id: string;
  region: string;
  domain_name: string;
  object_type_name: string;
  object_key: string;
  key_name: string;
  key_value: string;
}

export interface DeadLettersTable {
  account_id: string;
  region: string;
  domain_name: string;
  dead_letter_id: string;
  object_type_name: string;
  object_json: string;
  reason: string;
  created_at: number;
}

/** Transient claims on PROFILE key values while an ingestion creates an inferred profile (migration 0011). */
export interface InferredProfileClaimsTable {
  account_id: string;
  region: string;
  domain_name: string;
  key_name: string;
  key_value: string;
}

export interface ObjectTables {
  profile_objects: ProfileObjectsTable;
  profile_object_keys: ProfileObjectKeysTable;
  dead_letters: DeadLettersTable;
  inferred_profile_claims: InferredProfileClaimsTable;
}
