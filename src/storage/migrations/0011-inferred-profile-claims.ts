// Migration 0011: transient claims that serialise concurrent creation of inferred profiles for the same key values.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  // Rows live only inside an ingestion transaction; the primary key is what makes a second claimer wait.
  await db.schema
    .createTable('inferred_profile_claims')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('key_name', types.key, (col) => col.notNull())
    .addColumn('key_value', types.key, (col) => col.notNull())
    .addPrimaryKeyConstraint('inferred_profile_claims_pk', ['account_id', 'region', 'domain_name', 'key_name', 'key_value'])
    .execute();
}
