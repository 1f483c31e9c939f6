// Migration 0012: integrations (spec §3.11), keyed by domain and Uri; a Uri belongs to one domain of a scope,
// which the unique index enforces (also under concurrent writers) and the account-wide lookup by Uri uses.
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
  await db.schema.createIndex('integrations_uri_unique').on('integrations').columns(['account_id', 'region', 'uri']).unique().execute();
}
