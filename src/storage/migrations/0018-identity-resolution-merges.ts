// Migration 0018: what an identity-resolution job reports beyond its stats — the AutoMerging settings it
// applied and where it exported its match groups (spec §3.9, GetIdentityResolutionJob).
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, _types: ColumnTypes): Promise<void> {
  // One column per statement: SQLite adds a single column per ALTER TABLE.
  await db.schema.alterTable('identity_resolution_jobs').addColumn('auto_merging_json', 'text').execute();
  await db.schema.alterTable('identity_resolution_jobs').addColumn('export_bucket', 'text').execute();
  await db.schema.alterTable('identity_resolution_jobs').addColumn('export_key', 'text').execute();
}
