// SearchProfiles in one statement: the page of matching profile ids (a CTE over the key index), joined
// to the profiles and to the key rows that matched them, so a search is a single round trip; compiled
// once per query shape (compiled-cache.ts).
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import type { FoundProfileRecord, KeyCriterion, Page, PageRequest, Scope } from '../ports.js';
import type { Database } from '../schema.js';
import type { CompiledQueryCache } from './compiled-cache.js';
import { pageFetchSize, toPage } from './rows.js';
import { matchesCriterion as matches } from './profile-keys.js';
import { toProfileRecord } from './profiles.js';

/**
 * The page size as an expression, not a bare parameter. SQLite (3.53, in better-sqlite3 12) reads a
 * bare `LIMIT ?`'s bound value while planning and marks the statement to be planned again whenever
 * that parameter is bound again — which is every call: parsing and planning then cost three times
 * what running the search does. An expression is planned once, with the same plan.
 */
function unplannedLimit(limit: unknown): RawBuilder<number> {
  return sql<number>`cast(${limit} as integer)`;
}

export async function searchProfiles(
  db: Kysely<Database>,
  cache: CompiledQueryCache,
  scope: Scope,
  domainName: string,
  all: readonly KeyCriterion[],
  mode: 'AND' | 'OR',
  page: PageRequest,
): Promise<Page<FoundProfileRecord>> {
  const criteria = all.filter((criterion) => criterion.values.length > 0);
  if (criteria.length === 0 || (mode === 'AND' && criteria.length < all.length)) return { items: [] };
  // values: account, region, domain, limit, after?, then each criterion's name and values.
  const values: unknown[] = [scope.accountId, scope.region, domainName, pageFetchSize(page), page.after];
  const slotted = criteria.map((criterion) => {
    const name = values.push(criterion.keyName) - 1;
    const first = values.length;
    values.push(...criterion.values);
    return { name, values: criterion.values.map((_, offset) => first + offset) };
  });
  const shape = `${mode}|${page.after === undefined ? '' : 'after'}|${criteria.map((criterion) => criterion.values.length).join(',')}`;
  const { rows } = await cache.execute(db, shape, values, (slot) => {
    const [account, region, domain] = [slot(0), slot(1), slot(2)];
    const slotCriteria: KeyCriterion[] = slotted.map((entry) => ({ keyName: slot(entry.name), values: entry.values.map(slot) }));
    return db
      .with('page', (qb) => {
        let ids = qb
          .selectFrom('profile_keys')
          .select('profile_id')
          .where((eb) => eb.and({ account_id: account, region, domain_name: domain }))
          .where((eb) => eb.or(slotCriteria.map((criterion) => matches(eb, criterion))))
          .groupBy('profile_id')
          .orderBy('profile_id')
          .limit(unplannedLimit(slot(3)));
        if (page.after !== undefined) ids = ids.where('profile_id', '>', slot(4));
        if (mode === 'AND' && slotCriteria.length > 1) {
          // Every criterion must be met by some key row of the profile (two criteria may share a key name).
          ids = ids.having((eb) =>
            eb.and(slotCriteria.map((criterion) => eb(eb.fn.max(eb.case().when(matches(eb, criterion)).then(1).else(0).end()), '=', 1))),
          );
        }
        return ids;
      })
      // Cross joins with the join conditions in WHERE: valid on both backends, and on SQLite they fix
      // the loop order (page first, already in id order, then one index probe per profile), so a
      // value shared by many profiles never drives the scan and no sort is needed.
      .selectFrom('page')
      .crossJoin('profiles')
      .crossJoin('profile_keys')
      .whereRef('profiles.profile_id', '=', 'page.profile_id')
      .where((eb) => eb.and({ 'profiles.account_id': account, 'profiles.region': region, 'profiles.domain_name': domain }))
      .whereRef('profile_keys.profile_id', '=', 'page.profile_id')
      .where((eb) => eb.and({ 'profile_keys.account_id': account, 'profile_keys.region': region, 'profile_keys.domain_name': domain }))
      .where((eb) => eb.or(slotCriteria.map((criterion) => matches(eb as unknown as ExpressionBuilder<Database, 'profile_keys'>, criterion))))
      .selectAll('profiles')
      .select(['profile_keys.key_name', 'profile_keys.key_value'])
      .orderBy('page.profile_id');
  });
  const found: Array<{ profile: FoundProfileRecord['profile']; matched: Array<{ keyName: string; value: string }> }> = [];
  for (const row of rows) {
    let last = found.at(-1);
    if (last?.profile.profileId !== row.profile_id) {
      last = { profile: toProfileRecord(row), matched: [] };
      found.push(last);
    }
    last.matched.push({ keyName: row.key_name, value: row.key_value });
  }
  return toPage(found, page, (item) => item, (item) => item.profile.profileId);
}
