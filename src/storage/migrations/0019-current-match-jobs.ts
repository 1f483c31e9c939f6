// Migration 0019: which job's match groups a domain currently shows. A job writes its groups beside the
// previous job's, a chunk at a time, then points the domain at them in one statement and removes the old
// ones a chunk at a time: readers see either set whole, and no write holds the database for long.
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('current_match_jobs')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('job_id', types.key, (col) => col.notNull())
    .addPrimaryKeyConstraint('current_match_jobs_pk', ['account_id', 'region', 'domain_name'])
    .execute();
  // The groups of one job, to remove a replaced set without scanning the current one.
  await db.schema.createIndex('match_groups_job_idx').on('match_groups').columns(['account_id', 'region', 'domain_name', 'job_id']).execute();
  // Until now a domain held the groups of one job only.
  await sql`insert into current_match_jobs (account_id, region, domain_name, job_id)
    select account_id, region, domain_name, max(job_id) from match_groups group by account_id, region, domain_name`.execute(db);
}
