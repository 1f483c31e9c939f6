// The profile-key repository (search index), one SQL code path for both backends.
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { KeyCriterion, KeyOrigin, Page, PageRequest, ProfileKey, ProfileKeyRepository, Scope } from '../ports.js';
import type { Database, ProfileKeysTable } from '../schema.js';
import { runCompiled } from './compiled-cache.js';
import { insertRows } from './multi-row-insert.js';
import { chunks, IN_LIST_CHUNK, inScope, pageFetchSize, toPage } from './rows.js';

const KEY_COLUMNS = ['account_id', 'region', 'domain_name', 'key_name', 'key_value', 'profile_id', 'origin'] as const;

export class KyselyProfileKeyRepository implements ProfileKeyRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async add(scope: Scope, domainName: string, keys: readonly ProfileKey[]): Promise<void> {
    const values: unknown[] = [];
    for (const key of keys) values.push(scope.accountId, scope.region, domainName, key.keyName, key.value, key.profileId, key.origin);
    await insertRows(this.#db, 'profile_keys', KEY_COLUMNS, values, 'keep', (oc) => oc.doNothing());
  }

  async remove(scope: Scope, domainName: string, keys: readonly ProfileKey[]): Promise<void> {
    for (const key of keys) await this.#db.deleteFrom('profile_keys').where((eb) => eb.and(toKeyRow(scope, domainName, key))).execute();
  }

  async removeValues(scope: Scope, domainName: string, profileId: string, keyName: string, values: readonly string[]): Promise<number> {
    let removed = 0;
    for (const chunk of chunks([...new Set(values)], IN_LIST_CHUNK)) {
      const result = await this.#db
        .deleteFrom('profile_keys')
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, profile_id: profileId, key_name: keyName }))
        .where('key_value', 'in', chunk)
        .executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    return removed;
  }

  async listForProfile(scope: Scope, domainName: string, profileId: string): Promise<ProfileKey[]> {
    const { rows } = await runCompiled(this.#db, 'profileKeys.listForProfile', [scope.accountId, scope.region, domainName, profileId], (slot) =>
      this.#db
        .selectFrom('profile_keys')
        .selectAll()
        .where((eb) => eb.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), profile_id: slot(3) }))
        .orderBy('key_name')
        .orderBy('key_value')
        .orderBy('origin'),
    );
    return rows.map(toKey);
  }

  async search(scope: Scope, domainName: string, all: readonly KeyCriterion[], mode: 'AND' | 'OR', page: PageRequest): Promise<Page<string>> {
    const criteria = all.filter((criterion) => criterion.values.length > 0);
    if (criteria.length === 0 || (mode === 'AND' && criteria.length < all.length)) return { items: [] };
    const only = criteria.length === 1 && criteria[0]!.values.length === 1 && page.after === undefined ? criteria[0]! : undefined;
    if (only !== undefined) {
      // One value of one key (ingestion's profile lookup): the hot case, compiled once.
      const values = [scope.accountId, scope.region, domainName, only.keyName, only.values[0], pageFetchSize(page)];
      const { rows } = await runCompiled(this.#db, 'profileKeys.searchOne', values, (slot) =>
        this.#db
          .selectFrom('profile_keys')
          .select('profile_id')
          .where((eb) => eb.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), key_name: slot(3), key_value: slot(4) }))
          .groupBy('profile_id')
          .orderBy('profile_id')
          .limit(slot(5)),
      );
      return toPage(rows, page, (row) => row.profile_id, (id) => id);
    }
    let query = this.#db
      .selectFrom('profile_keys')
      .select('profile_id')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .where((eb) => eb.or(criteria.map((criterion) => matchesCriterion(eb, criterion))))
      .groupBy('profile_id')
      .orderBy('profile_id')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('profile_id', '>', page.after);
    if (mode === 'AND' && criteria.length > 1) {
      // Every criterion must be met by some key row of the profile (two criteria may share a key name).
      query = query.having((eb) =>
        eb.and(criteria.map((criterion) => eb(eb.fn.max(eb.case().when(matchesCriterion(eb, criterion)).then(1).else(0).end()), '=', 1))),
      );
    }
    return toPage(await query.execute(), page, (row) => row.profile_id, (id) => id);
  }
}

/** A key row meets the criterion: its name, and one of the values. */
export function matchesCriterion(eb: ExpressionBuilder<Database, 'profile_keys'>, criterion: KeyCriterion) {
  return eb.and([eb('key_name', '=', criterion.keyName), eb('key_value', 'in', [...criterion.values])]);
}

/** The row a key is stored as; exported for bulk loaders (bench/) that must store exactly what the API does. */
export function toKeyRow(scope: Scope, domainName: string, key: ProfileKey): Selectable<ProfileKeysTable> {
  return { ...inScope(scope), domain_name: domainName, key_name: key.keyName, key_value: key.value, profile_id: key.profileId, origin: key.origin };
}

function toKey(row: Selectable<ProfileKeysTable>): ProfileKey {
  // Written only from the typed ProfileKey above, so the text is one of the union's members.
  return { keyName: row.key_name, value: row.key_value, profileId: row.profile_id, origin: row.origin as KeyOrigin };
}
