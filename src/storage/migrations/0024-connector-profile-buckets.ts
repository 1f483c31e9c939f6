// Migration 0024: the buckets an S3 connector profile serves (comma-separated; null: any bucket of its
// account not named by another of its profiles), so an operator maps S3 credentials to accounts per bucket.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('connector_profiles').addColumn('buckets', 'text').execute();
}
