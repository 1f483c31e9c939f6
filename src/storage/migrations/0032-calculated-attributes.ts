// Migration 0032: calculated attribute definitions (spec api-behaviour-2a §2.1, §3) and the index of the objects
// that feed them: one entry per (definition, object) whose object passes the definition's filter, written in the
// object's transaction. Entries go with their object (and so with its profile and domain) by foreign key; deleting
// a definition deletes its entries (no foreign key to it: every entry written would pay for its check); a merge
// moves them with the objects (ProfileObjectRepository.reassign).
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('calculated_attribute_definitions')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('name', types.key, (col) => col.notNull())
    .addColumn('object_type_name', types.key, (col) => col.notNull())
    .addColumn('definition_json', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('progress_percentage', 'integer', (col) => col.notNull())
    .addColumn('readiness_message', 'text')
    .addColumn('timestamp_floor', 'bigint')
    // Where the UseHistoricalData backfill stands: the last object key done, how many, of how many.
    .addColumn('backfill_after', types.key)
    .addColumn('backfill_done', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('backfill_total', 'bigint')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('calculated_attribute_definitions_pk', ['account_id', 'region', 'domain_name', 'name'])
    .addForeignKeyConstraint('calculated_attribute_definitions_domain_fk', ['account_id', 'region', 'domain_name'], 'domains', ['account_id', 'region', 'name'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  // Every object write asks which definitions read its type.
  await db.schema
    .createIndex('calculated_attribute_definitions_type_idx')
    .on('calculated_attribute_definitions')
    .columns(['account_id', 'region', 'domain_name', 'object_type_name'])
    .execute();

  await db.schema
    .createTable('calculated_attribute_entries')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('object_type_name', types.key, (col) => col.notNull())
    .addColumn('object_key', types.key, (col) => col.notNull())
    .addColumn('attribute_name', types.key, (col) => col.notNull())
    .addColumn('profile_id', types.key, (col) => col.notNull())
    /** The object's time for the window: its TimestampSource, else its ingestion time (epoch ms). */
    .addColumn('ts', 'bigint', (col) => col.notNull())
    .addColumn('ingested_at', 'bigint', (col) => col.notNull())
    .addColumn('value_text', 'text')
    .addColumn('value_number', 'double precision')
    .addPrimaryKeyConstraint('calculated_attribute_entries_pk', ['account_id', 'region', 'domain_name', 'object_type_name', 'object_key', 'attribute_name'])
    .addForeignKeyConstraint(
      'calculated_attribute_entries_object_fk',
      ['account_id', 'region', 'domain_name', 'object_type_name', 'object_key'],
      'profile_objects',
      ['account_id', 'region', 'domain_name', 'object_type_name', 'object_key'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // A read takes one profile's entries of one definition, newest first; a merge moves a profile's entries one
  // definition at a time through the same index (no index of its own, which every write would pay for).
  await db.schema
    .createIndex('calculated_attribute_entries_read_idx')
    .on('calculated_attribute_entries')
    .columns(['account_id', 'region', 'domain_name', 'attribute_name', 'profile_id', 'ts'])
    .execute();
}
