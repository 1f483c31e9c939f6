// Migration 0013: identity-resolution jobs (spec §3.9) and the match groups of each domain's latest job.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('identity_resolution_jobs')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('job_id', types.key, (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('message', 'text')
    .addColumn('job_start_time', 'bigint')
    .addColumn('job_end_time', 'bigint')
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addColumn('job_expiration_time', 'bigint', (col) => col.notNull())
    .addColumn('profiles_reviewed', 'bigint', (col) => col.notNull())
    .addColumn('matches_found', 'bigint', (col) => col.notNull())
    .addColumn('merges_done', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('identity_resolution_jobs_pk', ['account_id', 'region', 'domain_name', 'job_id'])
    .execute();
  await db.schema
    .createTable('match_groups')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('match_id', types.key, (col) => col.notNull())
    .addColumn('job_id', types.key, (col) => col.notNull())
    .addColumn('profile_ids_json', 'text', (col) => col.notNull())
    .addColumn('confidence_score', 'double precision', (col) => col.notNull())
    .addColumn('generated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('match_groups_pk', ['account_id', 'region', 'domain_name', 'match_id'])
    .execute();
}
