// The index of objects feeding calculated attributes, one SQL code path for both backends.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Scope } from '../ports.js';
import type { CalculatedAttributeEntry, CalculatedAttributeEntryRepository, EntryWindow } from '../calculated-attribute-ports.js';
import type { CalculatedAttributeEntriesTable } from '../calculated-attribute-schema.js';
import type { Database } from '../schema.js';
import { insertRows } from './multi-row-insert.js';
import { runCompiled } from './compiled-cache.js';
import { inScope, present, toMillis } from './rows.js';

const COLUMNS = [
  'account_id', 'region', 'domain_name', 'object_type_name', 'object_key', 'attribute_name', 'profile_id', 'ts', 'ingested_at', 'value_text', 'value_number',
] as const;

function toEntry(row: Selectable<CalculatedAttributeEntriesTable>): CalculatedAttributeEntry {
  return {
    attributeName: row.attribute_name,
    objectTypeName: row.object_type_name,
    objectKey: row.object_key,
    profileId: row.profile_id,
    ts: new Date(Number(row.ts)),
    ingestedAt: new Date(Number(row.ingested_at)),
    ...present('valueText', row.value_text),
    ...present('valueNumber', row.value_number === null ? null : Number(row.value_number)),
  };
}

export class KyselyCalculatedAttributeEntryRepository implements CalculatedAttributeEntryRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** An entry never gives way to one of an older version of its object (a backfill racing a re-ingestion). */
  async put(scope: Scope, domainName: string, entries: readonly CalculatedAttributeEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values = entries.flatMap((entry) => [
      scope.accountId, scope.region, domainName, entry.objectTypeName, entry.objectKey, entry.attributeName, entry.profileId,
      toMillis(entry.ts), toMillis(entry.ingestedAt), entry.valueText ?? null, entry.valueNumber ?? null,
    ]);
    await insertRows(this.#db, 'calculated_attribute_entries', COLUMNS, values, 'replace', (conflict) =>
      conflict.columns(['account_id', 'region', 'domain_name', 'object_type_name', 'object_key', 'attribute_name']).doUpdateSet((eb) => ({
        profile_id: eb.ref('excluded.profile_id'),
        ts: eb.ref('excluded.ts'),
        ingested_at: eb.ref('excluded.ingested_at'),
        value_text: eb.ref('excluded.value_text'),
        value_number: eb.ref('excluded.value_number'),
      })).where((eb) => eb(eb.ref('excluded.ingested_at'), '>=', eb.ref('calculated_attribute_entries.ingested_at'))),
    );
  }

  async remove(scope: Scope, domainName: string, keys: readonly { attributeName: string; objectTypeName: string; objectKey: string }[]): Promise<void> {
    for (const key of keys) {
      await this.#db
        .deleteFrom('calculated_attribute_entries')
        .where((eb) =>
          eb.and({ ...inScope(scope), domain_name: domainName, object_type_name: key.objectTypeName, object_key: key.objectKey, attribute_name: key.attributeName }),
        )
        .execute();
    }
  }

  async removeDefinition(scope: Scope, domainName: string, attributeName: string): Promise<void> {
    await this.#db
      .deleteFrom('calculated_attribute_entries')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, attribute_name: attributeName }))
      .execute();
  }

  async read(scope: Scope, domainName: string, attributeName: string, profileIds: readonly string[], window: EntryWindow, perProfile: number): Promise<CalculatedAttributeEntry[]> {
    if (profileIds.length === 0) return [];
    if (profileIds.length === 1) return this.readOne(scope, domainName, attributeName, profileIds[0]!, window, perProfile);
    let query = this.#db
      .selectFrom('calculated_attribute_entries')
      .selectAll()
      .select(sql<number>`row_number() over (partition by profile_id order by ts desc, ingested_at desc, object_key desc)`.as('rank'))
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, attribute_name: attributeName }))
      .where('profile_id', 'in', [...profileIds]);
    if (window.from !== undefined) query = query.where('ts', '>=', toMillis(window.from));
    if (window.to !== undefined) query = query.where('ts', '<=', toMillis(window.to));
    const rows = await this.#db
      .selectFrom(query.as('ranked'))
      .selectAll()
      .where('rank', '<=', perProfile)
      .orderBy('profile_id')
      .orderBy('ts', 'desc')
      .orderBy('ingested_at', 'desc')
      .orderBy('object_key', 'desc')
      .execute();
    return rows.map(toEntry);
  }

  /** The read of every single-profile operation: one index range, compiled once per window shape. */
  private async readOne(scope: Scope, domainName: string, attributeName: string, profileId: string, window: EntryWindow, limit: number): Promise<CalculatedAttributeEntry[]> {
    const shape = `calculated_attribute_entries.read:${window.from ? 'from' : ''}:${window.to ? 'to' : ''}`;
    const values = [scope.accountId, scope.region, domainName, attributeName, profileId, window.from && toMillis(window.from), window.to && toMillis(window.to), limit];
    const { rows } = await runCompiled(this.#db, shape, values, (slot) => {
      let query = this.#db
        .selectFrom('calculated_attribute_entries')
        .selectAll()
        .where((eb) => eb.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), attribute_name: slot(3), profile_id: slot(4) }));
      if (window.from) query = query.where('ts', '>=', slot(5));
      if (window.to) query = query.where('ts', '<=', slot(6));
      return query.orderBy('ts', 'desc').orderBy('ingested_at', 'desc').orderBy('object_key', 'desc').limit(slot(7));
    });
    return rows.map(toEntry);
  }
}
