// Migration 0002: profiles and their search keys.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  // The foreign key to domains makes a profile insert wait for (and fail after) a concurrent
  // DeleteDomain instead of leaving an orphan; PostgreSQL's KEY SHARE lock for it does not
  // block UpdateDomain.
  await db.schema
    .createTable('profiles')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('profile_id', types.key, (col) => col.notNull())
    .addColumn('fields_json', 'text', (col) => col.notNull())
    .addColumn('sources_json', 'text', (col) => col.notNull())
    .addColumn('version', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('profiles_pk', ['account_id', 'region', 'domain_name', 'profile_id'])
    .addForeignKeyConstraint('profiles_domain_fk', ['account_id', 'region', 'domain_name'], 'domains', ['account_id', 'region', 'name'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  // The primary key is the search index: key name, normalized value, then profile id, so a
  // search by one value reads its profiles already in page order.
  await db.schema
    .createTable('profile_keys')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('key_name', types.key, (col) => col.notNull())
    .addColumn('key_value', types.key, (col) => col.notNull())
    .addColumn('profile_id', types.key, (col) => col.notNull())
    .addColumn('origin', types.key, (col) => col.notNull())
    .addPrimaryKeyConstraint('profile_keys_pk', ['account_id', 'region', 'domain_name', 'key_name', 'key_value', 'profile_id', 'origin'])
    .addForeignKeyConstraint(
      'profile_keys_profile_fk',
      ['account_id', 'region', 'domain_name', 'profile_id'],
      'profiles',
      ['account_id', 'region', 'domain_name', 'profile_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('profile_keys_profile_idx')
    .on('profile_keys')
    .columns(['account_id', 'region', 'domain_name', 'profile_id'])
    .execute();
}
