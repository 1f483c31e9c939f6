// Migration 0016: integration workflows (spec §3.12) with their steps (one per historical batch or
// incremental run, each holding the position of its last committed page), and connector profiles
// (a source's location and sealed credentials, named by ConnectorProfileName).
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('workflows')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('workflow_id', types.key, (col) => col.notNull())
    .addColumn('workflow_type', 'text', (col) => col.notNull())
    .addColumn('object_type_name', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('error_description', 'text')
    .addColumn('config_json', 'text', (col) => col.notNull())
    .addColumn('integration_uri', 'text', (col) => col.notNull())
    .addColumn('records_processed', 'bigint', (col) => col.notNull())
    .addColumn('steps_completed', 'bigint', (col) => col.notNull())
    .addColumn('total_steps', 'bigint', (col) => col.notNull())
    .addColumn('start_date', 'bigint')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('workflows_pk', ['account_id', 'region', 'domain_name', 'workflow_id'])
    .execute();
  await db.schema
    .createTable('workflow_steps')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('domain_name', types.key, (col) => col.notNull())
    .addColumn('workflow_id', types.key, (col) => col.notNull())
    .addColumn('step_no', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('flow_name', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('execution_message', 'text', (col) => col.notNull())
    .addColumn('records_processed', 'bigint', (col) => col.notNull())
    .addColumn('window_start', 'bigint')
    .addColumn('window_end', 'bigint')
    .addColumn('cursor', 'text')
    .addColumn('pages_done', 'integer', (col) => col.notNull())
    .addColumn('watermark', 'bigint')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('workflow_steps_pk', ['account_id', 'region', 'domain_name', 'workflow_id', 'step_no'])
    .execute();
  await db.schema
    .createTable('connector_profiles')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('region', types.key, (col) => col.notNull())
    .addColumn('name', types.key, (col) => col.notNull())
    .addColumn('connector_type', 'text', (col) => col.notNull())
    .addColumn('instance_url', 'text')
    .addColumn('sealed_credentials', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('connector_profiles_pk', ['account_id', 'region', 'name'])
    .execute();
}
