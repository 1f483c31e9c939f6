// Migration 0032: calculated attribute definitions (spec api-behaviour-2a §2.1, §3), keyed by domain and name.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('calculated_attribute_definitions')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('name', types.key, (col) => col.notNull())
    .addColumn('definition_json', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('progress_percentage', 'integer', (col) => col.notNull())
    .addColumn('readiness_message', 'text')
    .addColumn('timestamp_floor', 'bigint')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('calculated_attribute_definitions_pk', ['account_id', 'region', 'domain_name', 'name'])
    .execute();
}
