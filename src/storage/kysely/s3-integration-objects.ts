// The repository of S3 objects seen by s3:// integrations, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { S3IntegrationObject, S3IntegrationObjectRepository, Scope } from '../ports.js';
import type { Database, S3IntegrationObjectsTable } from '../schema.js';
import { IN_LIST_CHUNK, chunks, inScope, present, toMillis } from './rows.js';

function toRecord(row: Selectable<S3IntegrationObjectsTable>): S3IntegrationObject {
  return {
    domainName: row.domain_name,
    uri: row.uri,
    objectKey: row.object_key,
    etag: row.etag,
    recordsDone: Number(row.records_done),
    ingested: Number(row.ingested),
    rejected: Number(row.rejected),
    completed: Number(row.completed) === 1,
    ...present('lastError', row.last_error),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

export class KyselyS3IntegrationObjectRepository implements S3IntegrationObjectRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async getMany(scope: Scope, domainName: string, uri: string, objectKeys: readonly string[]): Promise<Map<string, S3IntegrationObject>> {
    const found = new Map<string, S3IntegrationObject>();
    for (const keys of chunks([...new Set(objectKeys)], IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('s3_integration_objects')
        .selectAll()
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, uri }))
        .where('object_key', 'in', keys)
        .execute();
      for (const row of rows) found.set(row.object_key, toRecord(row));
    }
    return found;
  }

  async put(scope: Scope, record: S3IntegrationObject): Promise<void> {
    const values = {
      etag: record.etag,
      records_done: record.recordsDone,
      ingested: record.ingested,
      rejected: record.rejected,
      completed: record.completed ? 1 : 0,
      last_error: record.lastError ?? null,
      updated_at: toMillis(record.updatedAt),
    };
    await this.#db
      .insertInto('s3_integration_objects')
      .values({ ...inScope(scope), domain_name: record.domainName, uri: record.uri, object_key: record.objectKey, ...values })
      .onConflict((conflict) => conflict.columns(['account_id', 'region', 'domain_name', 'uri', 'object_key']).doUpdateSet(values))
      .execute();
  }

  async deleteIntegration(scope: Scope, domainName: string, uri: string): Promise<void> {
    await this.#db
      .deleteFrom('s3_integration_objects')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, uri }))
      .execute();
  }

  async deleteAllInDomain(scope: Scope, domainName: string): Promise<void> {
    await this.#db
      .deleteFrom('s3_integration_objects')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .execute();
  }
}
