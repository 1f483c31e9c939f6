// The domain repository, one SQL code path for both backends.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DomainPatch, DomainRecord, DomainRepository, Page, PageRequest, Scope } from '../ports.js';
import type { Database, DomainsTable } from '../schema.js';
import { fromJsonText, inScope, pageFetchSize, present, toJsonText, toMillis, toPage } from './rows.js';
import { runCompiled } from './compiled-cache.js';
import type { StatsLedger } from './domain-stats.js';

export class KyselyDomainRepository implements DomainRepository {
  readonly #db: Kysely<Database>;
  readonly #ledger: StatsLedger | undefined;

  constructor(db: Kysely<Database>, ledger?: StatsLedger) {
    this.#db = db;
    this.#ledger = ledger;
  }

  async create(scope: Scope, domain: DomainRecord): Promise<void> {
    await this.#db
      .insertInto('domains')
      .values({
        ...inScope(scope),
        name: domain.name,
        default_expiration_days: domain.defaultExpirationDays,
        default_encryption_key: domain.defaultEncryptionKey ?? null,
        dead_letter_queue_url: domain.deadLetterQueueUrl ?? null,
        matching_json: toJsonText(domain.matching),
        rule_based_matching_json: toJsonText(domain.ruleBasedMatching),
        data_store_json: toJsonText(domain.dataStore),
        created_at: toMillis(domain.createdAt),
        last_updated_at: toMillis(domain.lastUpdatedAt),
      })
      .execute();
  }

  async get(scope: Scope, name: string): Promise<DomainRecord | undefined> {
    const { rows } = await runCompiled(this.#db, 'domains.get', [scope.accountId, scope.region, name], (slot) =>
      this.#db.selectFrom('domains').selectAll().where((eb) => eb.and({ account_id: slot(0), region: slot(1) })).where('name', '=', slot(2)),
    );
    const row = rows[0];
    return row && toRecord(row);
  }

  async update(scope: Scope, name: string, patch: DomainPatch): Promise<DomainRecord | undefined> {
    const row = await this.#db
      .updateTable('domains')
      .set(toChanges(patch))
      .where((eb) => eb.and(inScope(scope)))
      .where('name', '=', name)
      .returningAll()
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async delete(scope: Scope, name: string): Promise<boolean> {
    // The domain's counter rows go with it (foreign key cascade); nothing this transaction counted may follow.
    this.#ledger?.discard(scope, name);
    const result = await this.#db
      .deleteFrom('domains')
      .where((eb) => eb.and(inScope(scope)))
      .where('name', '=', name)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(scope: Scope, page: PageRequest): Promise<Page<DomainRecord>> {
    let query = this.#db
      .selectFrom('domains')
      .selectAll()
      .where((eb) => eb.and(inScope(scope)))
      .orderBy('name')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('name', '>', page.after);
    return toPage(await query.execute(), page, toRecord, (domain) => domain.name);
  }

  async count(scope: Scope): Promise<number> {
    const row = await this.#db
      .selectFrom('domains')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.and(inScope(scope)))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** Absent fields keep their value; `null` clears (see DomainPatch). */
function toChanges(patch: DomainPatch): Updateable<DomainsTable> {
  const changes: Updateable<DomainsTable> = { last_updated_at: toMillis(patch.lastUpdatedAt) };
  if (patch.defaultExpirationDays !== undefined) changes.default_expiration_days = patch.defaultExpirationDays;
  if (patch.defaultEncryptionKey !== undefined) changes.default_encryption_key = patch.defaultEncryptionKey;
  if (patch.deadLetterQueueUrl !== undefined) changes.dead_letter_queue_url = patch.deadLetterQueueUrl;
  if (patch.matching !== undefined) changes.matching_json = toJsonText(patch.matching);
  if (patch.ruleBasedMatching !== undefined) changes.rule_based_matching_json = toJsonText(patch.ruleBasedMatching);
  if (patch.dataStore !== undefined) changes.data_store_json = toJsonText(patch.dataStore);
  return changes;
}

function toRecord(row: Selectable<DomainsTable>): DomainRecord {
  return {
    name: row.name,
    defaultExpirationDays: row.default_expiration_days,
    ...present('defaultEncryptionKey', row.default_encryption_key),
    ...present('deadLetterQueueUrl', row.dead_letter_queue_url),
    ...present('matching', fromJsonText(row.matching_json)),
    ...present('ruleBasedMatching', fromJsonText(row.rule_based_matching_json)),
    ...present('dataStore', fromJsonText(row.data_store_json)),
    createdAt: new Date(row.created_at),
    lastUpdatedAt: new Date(row.last_updated_at),
  };
}
