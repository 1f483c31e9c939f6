// The Kysely table types of the storage schema: snake_case tables and columns, epoch-ms times, JSON as text.
//
// These describe rows as the repositories read and write them. Both backends return
// the same JS types: times are numbers (the PostgreSQL pool parses int8 to number, see
// postgres/dialect.ts) and JSON columns are text that the repositories parse.
import type { IamTables } from './iam-schema.js';
import type { ObjectTables } from './object-schema.js';
import type { WorkflowTables } from './workflow-schema.js';
import type { CalculatedAttributeTables } from './calculated-attribute-schema.js';

export interface AccountsTable {
  account_id: string;
  created_at: number;
}

export interface AccessKeysTable {
  access_key_id: string;
  account_id: string;
  principal_kind: string;
  principal_name: string;
  sealed_secret: string;
  status: string;
  /** Lower-case hex SHA-256 of a temporary key's session token (migration 0021). */
  session_token_sha256: string | null;
  expires_at: number | null;
  session_tags_json: string | null;
  session_policy: string | null;
  created_at: number;
  last_used_at: number | null;
  last_used_service: string | null;
  last_used_region: string | null;
}

export interface DomainsTable {
  account_id: string;
  region: string;
  name: string;
  default_expiration_days: number;
  default_encryption_key: string | null;
  dead_letter_queue_url: string | null;
  matching_json: string | null;
  rule_based_matching_json: string | null;
  data_store_json: string | null;
  created_at: number;
  last_updated_at: number;
}

export interface TagsTable {
  account_id: string;
  region: string;
  resource_arn: string;
  tag_key: string;
  tag_value: string;
}

export interface ProfilesTable {
  account_id: string;
  region: string;
  domain_name: string;
  profile_id: string;
  /** The standard members, as the domain layer's JSON document. */
  fields_json: string;
  /** Field path -> where its value came from ("manual" for CreateProfile/UpdateProfile). */
  sources_json: string;
  /** Bumped by every write; a write takes the row lock by bumping it first. */
  version: number;
  created_at: number;
  last_updated_at: number;
}

export interface ProfileKeysTable {
  account_id: string;
  region: string;
  domain_name: string;
  key_name: string;
  /** Normalized for matching (domain/keys/normalize.ts). */
  key_value: string;
  profile_id: string;
  /** Why the profile holds this key: derived from its fields, added by AddProfileKey, carried over by a merge. */
  origin: string;
}

export interface ObjectTypesTable {
  account_id: string;
  region: string;
  domain_name: string;
  name: string;
  definition_json: string;
  created_at: number;
  last_updated_at: number;
}

export interface IntegrationsTable {
  account_id: string;
  region: string;
  domain_name: string;
  uri: string;
  definition_json: string;
  /** 0 or 1: integer on both backends. */
  hidden: number;
  created_at: number;
  last_updated_at: number;
}

export interface S3IntegrationObjectsTable {
  account_id: string;
  region: string;
  domain_name: string;
  uri: string;
  object_key: string;
  etag: string;
  records_done: number;
  ingested: number;
  rejected: number;
  /** 0 or 1. */
  completed: number;
  last_error: string | null;
  updated_at: number;
}

export interface ImportCheckpointsTable {
  account_id: string;
  region: string;
  import_id: string;
  domain_name: string;
  position: number;
  imported: number;
  rejected: number;
  updated_at: number;
}

export interface JobsTable {
  id: string;
  account_id: string;
  region: string;
  kind: string;
  payload_json: string;
  status: string;
  run_at: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  attempts: number;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: number;
  updated_at: number;
}

export interface IdentityResolutionJobsTable {
  account_id: string;
  region: string;
  domain_name: string;
  job_id: string;
  status: string;
  message: string | null;
  job_start_time: number | null;
  job_end_time: number | null;
  last_updated_at: number;
  job_expiration_time: number;
  profiles_reviewed: number;
  matches_found: number;
  merges_done: number;
  created_at: number;
  auto_merging_json: string | null;
  export_bucket: string | null;
  export_key: string | null;
}

export interface MatchGroupsTable {
  account_id: string;
  region: string;
  domain_name: string;
  match_id: string;
  job_id: string;
  profile_ids_json: string;
  confidence_score: number;
  generated_at: number;
}

export interface CurrentMatchJobsTable {
  account_id: string;
  region: string;
  domain_name: string;
  job_id: string;
}

export interface RuleMatchingStateTable {
  account_id: string;
  region: string;
  domain_name: string;
  /** Changes with every new rule configuration; work of an older one is discarded. */
  generation: string;
  status: string;
  config_json: string;
  /** Profiles last updated at or after this time (epoch ms) are looked at by the next run. */
  watermark: number | null;
  updated_at: number;
}

export interface RuleMatchProfilesTable {
  account_id: string;
  region: string;
  domain_name: string;
  profile_id: string;
  /** The profile version whose rule keys are stored. */
  version: number;
  match_id: string | null;
}

export interface RuleMatchKeysTable {
  account_id: string;
  region: string;
  domain_name: string;
  level: number;
  match_key: string;
  profile_id: string;
}

export interface RuleMatchGroupsTable {
  account_id: string;
  region: string;
  domain_name: string;
  match_id: string;
  rule_level: number;
  profile_ids_json: string;
  updated_at: number;
}

/** One of a domain's counter rows (migration 0020); GetDomain's Stats are the sums over its rows. */
export interface DomainStatsTable {
  account_id: string;
  region: string;
  domain_name: string;
  shard: number;
  profile_count: number;
  object_count: number;
  /** UTF-8 bytes of the stored object documents. */
  total_size: number;
  metering_profile_count: number;
}

/** The value sealed with the master key the database was first served with (migration 0022). */
export interface MasterKeyCheckTable {
  name: string;
  sealed_value: string;
  created_at: number;
}

export interface Database extends IamTables, ObjectTables, WorkflowTables, CalculatedAttributeTables {
  accounts: AccountsTable;
  access_keys: AccessKeysTable;
  master_key_check: MasterKeyCheckTable;
  domains: DomainsTable;
  domain_stats: DomainStatsTable;
  tags: TagsTable;
  profiles: ProfilesTable;
  profile_keys: ProfileKeysTable;
  object_types: ObjectTypesTable;
  integrations: IntegrationsTable;
  jobs: JobsTable;
  import_checkpoints: ImportCheckpointsTable;
  s3_integration_objects: S3IntegrationObjectsTable;
  identity_resolution_jobs: IdentityResolutionJobsTable;
  match_groups: MatchGroupsTable;
  current_match_jobs: CurrentMatchJobsTable;
  rule_matching_state: RuleMatchingStateTable;
  rule_match_profiles: RuleMatchProfilesTable;
  rule_match_keys: RuleMatchKeysTable;
  rule_match_groups: RuleMatchGroupsTable;
}
