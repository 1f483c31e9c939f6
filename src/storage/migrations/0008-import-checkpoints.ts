// Migration 0008: bulk-import checkpoints.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('import_checkpoints')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('import_id', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('position', 'bigint', (col) => col.notNull())
    .addColumn('imported', 'bigint', (col) => col.notNull())
    .addColumn('rejected', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('import_checkpoints_pk', ['account_id', 'region', 'import_id'])
    .execute();
}
