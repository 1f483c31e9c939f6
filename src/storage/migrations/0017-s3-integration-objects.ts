// Migration 0017: the S3 objects an s3:// integration has ingested (or is ingesting), by key and ETag,
// with how many of their records are in, so a restart neither ingests an object twice nor skips one.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('s3_integration_objects')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('uri', types.key, (col) => col.notNull())
    .addColumn('object_key', types.key, (col) => col.notNull())
    .addColumn('etag', 'text', (col) => col.notNull())
    .addColumn('records_done', 'bigint', (col) => col.notNull())
    .addColumn('ingested', 'bigint', (col) => col.notNull())
    .addColumn('rejected', 'bigint', (col) => col.notNull())
    /** 0 or 1. */
    .addColumn('completed', 'integer', (col) => col.notNull())
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('s3_integration_objects_pk', ['account_id', 'region', 'domain_name', 'uri', 'object_key'])
    .execute();
}
