// The integration repository, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { IntegrationListOptions, IntegrationRecord, IntegrationRepository, JsonValue, Page, PageRequest, Scope } from '../ports.js';
import type { Database, IntegrationsTable } from '../schema.js';
import { inScope, pageFetchSize, toMillis, toPage } from './rows.js';

export class KyselyIntegrationRepository implements IntegrationRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async put(scope: Scope, record: IntegrationRecord): Promise<void> {
    const definition = JSON.stringify(record.definition);
    const hidden = record.hidden ? 1 : 0;
    const updatedAt = toMillis(record.lastUpdatedAt);
    await this.#db
      .insertInto('integrations')
      .values({
        ...inScope(scope),
        domain_name: record.domainName,
        uri: record.uri,
        definition_json: definition,
        hidden,
        created_at: toMillis(record.createdAt),
        last_updated_at: updatedAt,
      })
      .onConflict((conflict) =>
        conflict.columns(['account_id', 'region', 'domain_name', 'uri']).doUpdateSet({ definition_json: definition, hidden, last_updated_at: updatedAt }),
      )
      .execute();
  }

  async get(scope: Scope, domainName: string, uri: string): Promise<IntegrationRecord | undefined> {
    const row = await this.#db
      .selectFrom('integrations')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, uri }))
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async delete(scope: Scope, domainName: string, uri: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('integrations')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, uri }))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(scope: Scope, domainName: string, options: IntegrationListOptions, page: PageRequest): Promise<Page<IntegrationRecord>> {
    let query = this.#db
      .selectFrom('integrations')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('uri')
      .limit(pageFetchSize(page));
    if (!options.includeHidden) query = query.where('hidden', '=', 0);
    if (page.after !== undefined) query = query.where('uri', '>', page.after);
    return toPage(await query.execute(), page, toRecord, (record) => record.uri);
  }

  async listByUri(scope: Scope, uri: string, options: IntegrationListOptions, page: PageRequest): Promise<Page<IntegrationRecord>> {
    let query = this.#db
      .selectFrom('integrations')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), uri }))
      .orderBy('domain_name')
      .limit(pageFetchSize(page));
    if (!options.includeHidden) query = query.where('hidden', '=', 0);
    if (page.after !== undefined) query = query.where('domain_name', '>', page.after);
    return toPage(await query.execute(), page, toRecord, (record) => record.domainName);
  }

  async deleteAllInDomain(scope: Scope, domainName: string): Promise<void> {
    await this.#db
      .deleteFrom('integrations')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .execute();
  }
}

function toRecord(row: Selectable<IntegrationsTable>): IntegrationRecord {
  return {
    domainName: row.domain_name,
    uri: row.uri,
    definition: JSON.parse(row.definition_json) as JsonValue,
    hidden: Number(row.hidden) === 1,
    createdAt: new Date(Number(row.created_at)),
    lastUpdatedAt: new Date(Number(row.last_updated_at)),
  };
}
