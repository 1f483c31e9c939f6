// The connector-profile repository, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { Scope } from '../ports.js';
import type { ConnectorProfileRecord, ConnectorProfileRepository } from '../workflow-ports.js';
import type { Database } from '../schema.js';
import type { ConnectorProfilesTable } from '../workflow-schema.js';
import { inScope, present, toMillis } from './rows.js';

export class KyselyConnectorProfileRepository implements ConnectorProfileRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async put(scope: Scope, record: ConnectorProfileRecord): Promise<void> {
    const values = {
      connector_type: record.connectorType,
      instance_url: record.instanceUrl ?? null,
      sealed_credentials: record.sealedCredentials,
      buckets: record.buckets === undefined ? null : record.buckets.join(','),
      last_updated_at: toMillis(record.lastUpdatedAt),
    };
    await this.#db
      .insertInto('connector_profiles')
      .values({ ...inScope(scope), name: record.name, ...values, created_at: toMillis(record.createdAt) })
      .onConflict((conflict) => conflict.columns(['account_id', 'region', 'name']).doUpdateSet(values))
      .execute();
  }

  async get(scope: Scope, name: string): Promise<ConnectorProfileRecord | undefined> {
    const row = await this.#db.selectFrom('connector_profiles').selectAll().where((eb) => eb.and({ ...inScope(scope), name })).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(scope: Scope): Promise<ConnectorProfileRecord[]> {
    const rows = await this.#db.selectFrom('connector_profiles').selectAll().where((eb) => eb.and(inScope(scope))).orderBy('name').execute();
    return rows.map(toRecord);
  }

  async delete(scope: Scope, name: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('connector_profiles').where((eb) => eb.and({ ...inScope(scope), name })).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toRecord(row: Selectable<ConnectorProfilesTable>): ConnectorProfileRecord {
  return {
    name: row.name,
    connectorType: row.connector_type,
    ...present('instanceUrl', row.instance_url),
    sealedCredentials: row.sealed_credentials,
    ...present('buckets', row.buckets === null ? null : row.buckets.split(',')),
    createdAt: new Date(Number(row.created_at)),
    lastUpdatedAt: new Date(Number(row.last_updated_at)),
  };
}
