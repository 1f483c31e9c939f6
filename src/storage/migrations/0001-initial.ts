// Migration 0001: accounts, access keys, domains and tags.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('account_id', types.key, (col) => col.primaryKey())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('access_keys')
    .addColumn('access_key_id', types.key, (col) => col.primaryKey())
    .addColumn('account_id', types.key, (col) => col.notNull().references('accounts.account_id'))
    .addColumn('principal_kind', 'text', (col) => col.notNull())
    .addColumn('principal_name', types.key, (col) => col.notNull())
    .addColumn('sealed_secret', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('session_token', 'text')
    .addColumn('expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('access_keys_principal_idx')
    .on('access_keys')
    .columns(['account_id', 'principal_kind', 'principal_name'])
    .execute();

  await db.schema
    .createTable('domains')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('name', types.key, (col) => col.notNull())
    .addColumn('default_expiration_days', 'integer', (col) => col.notNull())
    .addColumn('default_encryption_key', 'text')
    .addColumn('dead_letter_queue_url', 'text')
    .addColumn('matching_json', 'text')
    .addColumn('rule_based_matching_json', 'text')
    .addColumn('data_store_json', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('domains_pk', ['account_id', 'region', 'name'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('resource_arn', types.key, (col) => col.notNull())
    .addColumn('tag_key', types.key, (col) => col.notNull())
    .addColumn('tag_value', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('tags_pk', ['account_id', 'region', 'resource_arn', 'tag_key'])
    .execute();
}
