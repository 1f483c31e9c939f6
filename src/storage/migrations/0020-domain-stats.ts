// Migration 0020: GetDomain's Stats as counters kept by the writes (a few shard rows per domain, summed on
// read) instead of counting a domain's profiles and objects on every call. Existing domains are counted
// once here: their profiles into shard 0, their objects into shard 1, the metering beyond one per profile
// into shard 2.
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('domain_stats')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('shard', 'integer', (col) => col.notNull())
    .addColumn('profile_count', 'bigint', (col) => col.notNull())
    .addColumn('object_count', 'bigint', (col) => col.notNull())
    .addColumn('total_size', 'bigint', (col) => col.notNull())
    .addColumn('metering_profile_count', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('domain_stats_pk', ['account_id', 'region', 'domain_name', 'shard'])
    .addForeignKeyConstraint('domain_stats_domain_fk', ['account_id', 'region', 'domain_name'], 'domains', ['account_id', 'region', 'name'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await sql`insert into domain_stats (account_id, region, domain_name, shard, profile_count, object_count, total_size, metering_profile_count)
    select account_id, region, domain_name, 0, count(*), 0, 0, count(*) from profiles group by account_id, region, domain_name`.execute(db);
  await sql`insert into domain_stats (account_id, region, domain_name, shard, profile_count, object_count, total_size, metering_profile_count)
    select account_id, region, domain_name, 1, 0, count(*), sum(size_bytes), 0 from profile_objects group by account_id, region, domain_name`.execute(db);
  // A profile holding n > 100 objects meters ceil(n / 100) times: (n + 99) / 100 in integer division.
  await sql`insert into domain_stats (account_id, region, domain_name, shard, profile_count, object_count, total_size, metering_profile_count)
    select account_id, region, domain_name, 2, 0, 0, 0, sum((n + 99) / 100 - 1)
    from (select account_id, region, domain_name, count(*) as n from profile_objects group by account_id, region, domain_name, profile_id having count(*) > 100) large
    group by account_id, region, domain_name`.execute(db);
}
