// Migration 0012: integrations (spec §3.11), keyed by domain and Uri, with an index for the account-wide lookup by Uri.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('integrations')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('uri', types.key, (col) => col.notNull())
    .addColumn('definition_json', 'text', (col) => col.notNull())
    .addColumn('hidden', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('integrations_pk', ['account_id', 'region', 'domain_name', 'uri'])
    .execute();
  await db.schema.createIndex('integrations_by_uri').on('integrations').columns(['account_id', 'region', 'uri', 'domain_name']).execute();
}
