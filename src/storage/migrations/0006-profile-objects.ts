// Migration 0006: profile objects (with their key index) and the dead-letter store.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  // An object belongs to a profile: DeleteProfile and DeleteDomain remove it by cascade.
  await db.schema
    .createTable('profile_objects')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('object_type_name', types.key, (col) => col.notNull())
    .addColumn('object_key', types.key, (col) => col.notNull())
    .addColumn('profile_id', types.key, (col) => col.notNull())
    .addColumn('object_json', 'text', (col) => col.notNull())
    .addColumn('size_bytes', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('profile_objects_pk', ['account_id', 'region', 'domain_name', 'object_type_name', 'object_key'])
    .addForeignKeyConstraint(
      'profile_objects_profile_fk',
      ['account_id', 'region', 'domain_name', 'profile_id'],
      'profiles',
      ['account_id', 'region', 'domain_name', 'profile_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // ListProfileObjects reads one profile's objects of one type, newest first.
  await db.schema
    .createIndex('profile_objects_profile_idx')
    .on('profile_objects')
    .columns(['account_id', 'region', 'domain_name', 'profile_id', 'object_type_name', 'last_updated_at', 'object_key'])
    .execute();

  await db.schema
    .createTable('profile_object_keys')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('object_type_name', types.key, (col) => col.notNull())
    .addColumn('object_key', types.key, (col) => col.notNull())
    .addColumn('key_name', types.key, (col) => col.notNull())
    .addColumn('key_value', types.key, (col) => col.notNull())
    .addPrimaryKeyConstraint('profile_object_keys_pk', ['account_id', 'region', 'domain_name', 'object_type_name', 'object_key', 'key_name', 'key_value'])
    .addForeignKeyConstraint(
      'profile_object_keys_object_fk',
      ['account_id', 'region', 'domain_name', 'object_type_name', 'object_key'],
      'profile_objects',
      ['account_id', 'region', 'domain_name', 'object_type_name', 'object_key'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('dead_letters')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('dead_letter_id', types.key, (col) => col.notNull())
    .addColumn('object_type_name', types.key, (col) => col.notNull())
    .addColumn('object_json', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('dead_letters_pk', ['account_id', 'region', 'domain_name', 'dead_letter_id'])
    .addForeignKeyConstraint('dead_letters_domain_fk', ['account_id', 'region', 'domain_name'], 'domains', ['account_id', 'region', 'name'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
}
