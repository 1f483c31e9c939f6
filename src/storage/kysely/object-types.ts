// The object-type repository, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { JsonValue, ObjectTypeRecord, ObjectTypeRepository, Page, PageRequest, Scope } from '../ports.js';
import type { Database, ObjectTypesTable } from '../schema.js';
import { inScope, pageFetchSize, toMillis, toPage } from './rows.js';
import { runCompiled } from './compiled-cache.js';

export class KyselyObjectTypeRepository implements ObjectTypeRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async put(scope: Scope, record: ObjectTypeRecord): Promise<void> {
    const definition = JSON.stringify(record.definition);
    const updatedAt = toMillis(record.lastUpdatedAt);
    await this.#db
      .insertInto('object_types')
      .values({
        ...inScope(scope),
        domain_name: record.domainName,
        name: record.name,
        definition_json: definition,
        created_at: toMillis(record.createdAt),
        last_updated_at: updatedAt,
      })
      .onConflict((conflict) =>
        conflict.columns(['account_id', 'region', 'domain_name', 'name']).doUpdateSet({ definition_json: definition, last_updated_at: updatedAt }),
      )
      .execute();
  }

  async get(scope: Scope, domainName: string, name: string): Promise<ObjectTypeRecord | undefined> {
    const { rows } = await runCompiled(this.#db, 'objectTypes.get', [scope.accountId, scope.region, domainName, name], (slot) =>
      this.#db.selectFrom('object_types').selectAll().where((eb) => eb.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), name: slot(3) })),
    );
    const row = rows[0];
    return row && toRecord(row);
  }

  async delete(scope: Scope, domainName: string, name: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('object_types')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, name }))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(scope: Scope, domainName: string, page: PageRequest): Promise<Page<ObjectTypeRecord>> {
    let query = this.#db
      .selectFrom('object_types')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('name')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('name', '>', page.after);
    return toPage(await query.execute(), page, toRecord, (record) => record.name);
  }

  async listAll(scope: Scope, domainName: string): Promise<ObjectTypeRecord[]> {
    const rows = await this.#db
      .selectFrom('object_types')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('name')
      .execute();
    return rows.map(toRecord);
  }

  async deleteAllInDomain(scope: Scope, domainName: string): Promise<void> {
    await this.#db
      .deleteFrom('object_types')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .execute();
  }
}

function toRecord(row: Selectable<ObjectTypesTable>): ObjectTypeRecord {
  return {
    domainName: row.domain_name,
    name: row.name,
    definition: JSON.parse(row.definition_json) as JsonValue,
    createdAt: new Date(row.created_at),
    lastUpdatedAt: new Date(row.last_updated_at),
  };
}
