// Migration 0015: rule-based matching (spec §3.10): each domain's rule state, the rule keys of every
// evaluated profile (profiles sharing a key at a level match at that level), the profiles' evaluated
// versions and match groups, and the groups themselves. Key and profile rows go with their profile
// (ON DELETE CASCADE), so a deleted or merged-away profile never links two others.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

const PROFILE_COLUMNS = ['account_id', 'region', 'domain_name', 'profile_id'] as const;

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('rule_matching_state')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('generation', types.key, (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('config_json', 'text', (col) => col.notNull())
    .addColumn('watermark', 'bigint')
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('rule_matching_state_pk', ['account_id', 'region', 'domain_name'])
    .execute();

  await db.schema
    .createTable('rule_match_profiles')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('profile_id', types.key, (col) => col.notNull())
    .addColumn('version', 'bigint', (col) => col.notNull())
    .addColumn('match_id', types.key)
    .addPrimaryKeyConstraint('rule_match_profiles_pk', ['account_id', 'region', 'domain_name', 'profile_id'])
    .addForeignKeyConstraint('rule_match_profiles_profile_fk', [...PROFILE_COLUMNS], 'profiles', [...PROFILE_COLUMNS], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('rule_match_profiles_match_idx').on('rule_match_profiles').columns(['account_id', 'region', 'domain_name', 'match_id']).execute();

  await db.schema
    .createTable('rule_match_keys')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('level', 'integer', (col) => col.notNull())
    .addColumn('match_key', types.key, (col) => col.notNull())
    .addColumn('profile_id', types.key, (col) => col.notNull())
    .addPrimaryKeyConstraint('rule_match_keys_pk', ['account_id', 'region', 'domain_name', 'level', 'match_key', 'profile_id'])
    .addForeignKeyConstraint('rule_match_keys_profile_fk', [...PROFILE_COLUMNS], 'profiles', [...PROFILE_COLUMNS], (fk) => fk.onDelete('cascade'))
    .execute();
  // A profile's keys, read without touching the table (the primary key serves "who holds this key").
  await db.schema
    .createIndex('rule_match_keys_profile_idx')
    .on('rule_match_keys')
    .columns([...PROFILE_COLUMNS, 'level', 'match_key'])
    .execute();

  await db.schema
    .createTable('rule_match_groups')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('match_id', types.key, (col) => col.notNull())
    .addColumn('rule_level', 'integer', (col) => col.notNull())
    .addColumn('profile_ids_json', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('rule_match_groups_pk', ['account_id', 'region', 'domain_name', 'match_id'])
    .execute();

  // The rule engine reads the profiles written since its watermark.
  await db.schema.createIndex('profiles_updated_idx').on('profiles').columns(['account_id', 'region', 'domain_name', 'last_updated_at']).execute();
}
