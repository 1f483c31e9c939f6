// The calculated attribute definition repository, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { Page, PageRequest, Scope } from '../ports.js';
import type {
  BackfillProgress, CalculatedAttributeDefinitionRecord, CalculatedAttributeDefinitionRepository, DefinitionVersion, ReadinessChange, ReadinessStatus,
} from '../calculated-attribute-ports.js';
import type { CalculatedAttributeDefinitionsTable } from '../calculated-attribute-schema.js';
import type { Database } from '../schema.js';
import { runCompiled } from './compiled-cache.js';
import { fromJsonText, inScope, pageFetchSize, present, toMillis, toPage } from './rows.js';

function toRecord(row: Selectable<CalculatedAttributeDefinitionsTable>): CalculatedAttributeDefinitionRecord {
  return {
    domainName: row.domain_name,
    name: row.name,
    objectTypeName: row.object_type_name,
    definition: fromJsonText(row.definition_json) ?? {},
    status: row.status as ReadinessStatus,
    progressPercentage: Number(row.progress_percentage),
    ...present('readinessMessage', row.readiness_message),
    ...present('timestampFloor', row.timestamp_floor === null ? null : new Date(Number(row.timestamp_floor))),
    ...(row.backfill_total !== null && {
      backfill: { ...present('after', row.backfill_after), done: Number(row.backfill_done), total: Number(row.backfill_total) },
    }),
    createdAt: new Date(Number(row.created_at)),
    lastUpdatedAt: new Date(Number(row.last_updated_at)),
  };
}

function toColumns(record: CalculatedAttributeDefinitionRecord) {
  return {
    object_type_name: record.objectTypeName,
    definition_json: JSON.stringify(record.definition),
    status: record.status,
    progress_percentage: record.progressPercentage,
    readiness_message: record.readinessMessage ?? null,
    timestamp_floor: record.timestampFloor === undefined ? null : toMillis(record.timestampFloor),
    ...backfillColumns(record.backfill),
    created_at: toMillis(record.createdAt),
    last_updated_at: toMillis(record.lastUpdatedAt),
  };
}

function backfillColumns(backfill: BackfillProgress | undefined) {
  return { backfill_after: backfill?.after ?? null, backfill_done: backfill?.done ?? 0, backfill_total: backfill?.total ?? null };
}

export class KyselyCalculatedAttributeDefinitionRepository implements CalculatedAttributeDefinitionRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(scope: Scope, record: CalculatedAttributeDefinitionRecord): Promise<void> {
    await this.#db
      .insertInto('calculated_attribute_definitions')
      .values({ ...inScope(scope), domain_name: record.domainName, name: record.name, ...toColumns(record) })
      .execute();
  }

  async setReadiness(scope: Scope, domainName: string, name: string, change: ReadinessChange): Promise<void> {
    await this.#db
      .updateTable('calculated_attribute_definitions')
      .set({
        status: change.status,
        progress_percentage: change.progressPercentage,
        readiness_message: change.readinessMessage ?? null,
        ...backfillColumns(change.backfill),
      })
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, name }))
      .execute();
  }

  async update(scope: Scope, record: CalculatedAttributeDefinitionRecord): Promise<boolean> {
    const result = await this.#db
      .updateTable('calculated_attribute_definitions')
      .set(toColumns(record))
      .where((eb) => eb.and({ ...inScope(scope), domain_name: record.domainName, name: record.name }))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async get(scope: Scope, domainName: string, name: string): Promise<CalculatedAttributeDefinitionRecord | undefined> {
    const { rows } = await runCompiled(this.#db, 'calculated_attribute_definitions.get', [scope.accountId, scope.region, domainName, name], (slot) =>
      this.#db
        .selectFrom('calculated_attribute_definitions')
        .selectAll()
        .where((eb) => eb.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), name: slot(3) })),
    );
    return rows[0] && toRecord(rows[0]);
  }

  async delete(scope: Scope, domainName: string, name: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('calculated_attribute_definitions')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, name }))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(scope: Scope, domainName: string, page: PageRequest): Promise<Page<CalculatedAttributeDefinitionRecord>> {
    let query = this.#db
      .selectFrom('calculated_attribute_definitions')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('name')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('name', '>', page.after);
    return toPage(await query.execute(), page, toRecord, (record) => record.name);
  }

  async count(scope: Scope, domainName: string): Promise<number> {
    const row = await this.#db
      .selectFrom('calculated_attribute_definitions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listForObjectType(scope: Scope, domainName: string, objectTypeName: string): Promise<DefinitionVersion[]> {
    // On every object write, also where no definition reads the type: compiled once.
    const { rows } = await runCompiled(this.#db, 'calculated_attribute_definitions.of_type', [scope.accountId, scope.region, domainName, objectTypeName], (slot) =>
      this.#db
        .selectFrom('calculated_attribute_definitions')
        .select(['name', 'created_at', 'last_updated_at', 'definition_json'])
        .where((eb) => eb.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), object_type_name: slot(3) }))
        .orderBy('name'),
    );
    return rows.map((row) => ({
      name: row.name,
      createdAt: new Date(Number(row.created_at)),
      lastUpdatedAt: new Date(Number(row.last_updated_at)),
      definitionJson: row.definition_json,
    }));
  }

  async deleteAllInDomain(scope: Scope, domainName: string): Promise<void> {
    await this.#db
      .deleteFrom('calculated_attribute_definitions')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .execute();
  }
}
