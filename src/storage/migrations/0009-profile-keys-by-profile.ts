// Migration 0009: the per-profile key index also covers the listing order (key name, value, origin).
// Without it SQLite's planner preferred the primary key (every key of the domain, then a sort) for
// "the keys of one profile", which made each ingestion slower as the domain grew.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, _types: ColumnTypes): Promise<void> {
  await db.schema
    .createIndex('profile_keys_by_profile_idx')
    .on('profile_keys')
    .columns(['account_id', 'region', 'domain_name', 'profile_id', 'key_name', 'key_value', 'origin'])
    .execute();
  await db.schema.dropIndex('profile_keys_profile_idx').execute();
}
