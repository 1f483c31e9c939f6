// Migration 0022: a value sealed with the master key the database was first served with, so that a server
// started with another key refuses to start instead of failing on every secret it cannot open.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('master_key_check')
    .addColumn('name', types.key, (col) => col.primaryKey())
    .addColumn('sealed_value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
}
