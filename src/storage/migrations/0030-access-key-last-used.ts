// Migration 0030: when, for which service and in which region an access key last signed a request
// (GetAccessKeyLastUsed); written at most once a minute per key.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('access_keys').addColumn('last_used_at', 'bigint').execute();
  await db.schema.alterTable('access_keys').addColumn('last_used_service', 'text').execute();
  await db.schema.alterTable('access_keys').addColumn('last_used_region', 'text').execute();
}
