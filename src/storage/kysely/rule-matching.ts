// The rule-based matching repository (state, rule keys, groups), one SQL path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { JsonObject, Page, PageRequest, Scope } from '../ports.js';
import type { RuleGroupChange, RuleKey, RuleMatchGroup, RuleMatchingRepository, RuleMatchingState, RuleMatchingStatus, RuleProfileRow } from '../rule-matching-ports.js';
import type { Database, RuleMatchGroupsTable, RuleMatchingStateTable } from '../schema.js';
import { IN_LIST_CHUNK, chunks, fromJsonText, inScope, pageFetchSize, toMillis, toPage } from './rows.js';

const INSERT_CHUNK = 200;

export class KyselyRuleMatchingRepository implements RuleMatchingRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async getState(scope: Scope, domainName: string): Promise<RuleMatchingState | undefined> {
    const row = await this.#db
      .selectFrom('rule_matching_state')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .executeTakeFirst();
    return row && toState(row);
  }

  async putState(scope: Scope, state: RuleMatchingState): Promise<void> {
    const row = {
      ...inScope(scope),
      domain_name: state.domainName,
      generation: state.generation,
      status: state.status,
      config_json: JSON.stringify(state.config),
      watermark: state.watermark === undefined ? null : toMillis(state.watermark),
      updated_at: toMillis(state.updatedAt),
    };
    const { account_id: _a, region: _r, domain_name: _d, ...changes } = row;
    await this.#db
      .insertInto('rule_matching_state')
      .values(row)
      .onConflict((conflict) => conflict.columns(['account_id', 'region', 'domain_name']).doUpdateSet(changes))
      .execute();
  }

  async updateState(
    scope: Scope,
    domainName: string,
    generation: string,
    changes: { status?: RuleMatchingStatus; watermark?: Date; updatedAt: Date },
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable('rule_matching_state')
      .set({
        ...(changes.status === undefined ? {} : { status: changes.status }),
        ...(changes.watermark === undefined ? {} : { watermark: toMillis(changes.watermark) }),
        updated_at: toMillis(changes.updatedAt),
      })
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, generation }))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async clearMatches(scope: Scope, domainName: string): Promise<void> {
    for (const table of ['rule_match_keys', 'rule_match_profiles', 'rule_match_groups'] as const) {
      await this.#db
        .deleteFrom(table)
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
        .execute();
    }
  }

  async deleteAllInDomain(scope: Scope, domainName: string): Promise<void> {
    await this.clearMatches(scope, domainName);
    await this.#db
      .deleteFrom('rule_matching_state')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .execute();
  }

  async profiles(scope: Scope, domainName: string, page: PageRequest): Promise<Page<RuleProfileRow>> {
    let query = this.#db
      .selectFrom('profiles')
      .select(['profile_id', 'fields_json', 'version'])
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('profile_id')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('profile_id', '>', page.after);
    return toPage(await query.execute(), page, toProfileRow, (row) => row.profileId);
  }

  async changedProfiles(scope: Scope, domainName: string, since: Date, limit: number): Promise<RuleProfileRow[]> {
    const rows = await this.#db
      .selectFrom('profiles as p')
      .leftJoin('rule_match_profiles as r', (join) =>
        join
          .onRef('r.account_id', '=', 'p.account_id')
          .onRef('r.region', '=', 'p.region')
          .onRef('r.domain_name', '=', 'p.domain_name')
          .onRef('r.profile_id', '=', 'p.profile_id'),
      )
      .select(['p.profile_id', 'p.fields_json', 'p.version'])
      .where('p.account_id', '=', scope.accountId)
      .where('p.region', '=', scope.region)
      .where('p.domain_name', '=', domainName)
      .where('p.last_updated_at', '>=', toMillis(since))
      .where((eb) => eb.or([eb('r.version', 'is', null), eb('r.version', '<>', eb.ref('p.version'))]))
      .orderBy('p.last_updated_at')
      .orderBy('p.profile_id')
      .limit(limit)
      .execute();
    return rows.map(toProfileRow);
  }

  async putKeys(
    scope: Scope,
    domainName: string,
    entries: ReadonlyArray<{ readonly profileId: string; readonly version: number; readonly keys: readonly RuleKey[] }>,
  ): Promise<void> {
    const where = { ...inScope(scope), domain_name: domainName };
    for (const chunk of chunks(entries, IN_LIST_CHUNK)) {
      const ids = chunk.map((entry) => entry.profileId);
      // Only profiles that still exist: the rows reference their profile.
      const existing = new Set(
        (
          await this.#db
            .selectFrom('profiles')
            .select('profile_id')
            .where((eb) => eb.and(where))
            .where('profile_id', 'in', ids)
            .execute()
        ).map((row) => row.profile_id),
      );
      const live = chunk.filter((entry) => existing.has(entry.profileId));
      await this.#db
        .deleteFrom('rule_match_keys')
        .where((eb) => eb.and(where))
        .where('profile_id', 'in', ids)
        .execute();
      const keyRows = live.flatMap((entry) => [...new Map(entry.keys.map((key) => [`${key.level}\u0000${key.key}`, key])).values()].map((key) => ({ ...where, level: key.level, match_key: key.key, profile_id: entry.profileId })));
      for (const rows of chunks(keyRows, INSERT_CHUNK)) await this.#db.insertInto('rule_match_keys').values(rows).execute();
      for (const rows of chunks(live, INSERT_CHUNK)) {
        await this.#db
          .insertInto('rule_match_profiles')
          .values(rows.map((entry) => ({ ...where, profile_id: entry.profileId, version: entry.version, match_id: null })))
          .onConflict((conflict) => conflict.columns(['account_id', 'region', 'domain_name', 'profile_id']).doUpdateSet((eb) => ({ version: eb.ref('excluded.version') })))
          .execute();
      }
    }
  }

  async keysOf(scope: Scope, domainName: string, profileIds: readonly string[], maxLevel: number): Promise<Map<string, RuleKey[]>> {
    const result = new Map<string, RuleKey[]>();
    for (const ids of chunks(profileIds, IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('rule_match_keys')
        .select(['profile_id', 'level', 'match_key'])
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
        .where('profile_id', 'in', ids)
        .execute();
      for (const row of rows) {
        // Filtered here: a level condition in SQL lets the planner prefer the primary key's level range.
        if (Number(row.level) > maxLevel) continue;
        const list = result.get(row.profile_id) ?? [];
        list.push({ level: Number(row.level), key: row.match_key });
        result.set(row.profile_id, list);
      }
    }
    return result;
  }

  async holders(scope: Scope, domainName: string, key: RuleKey, limit: number): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('rule_match_keys')
      .select('profile_id')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, level: key.level, match_key: key.key }))
      .orderBy('profile_id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.profile_id);
  }

  async matchIdsOf(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const ids of chunks(profileIds, IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('rule_match_profiles')
        .select(['profile_id', 'match_id'])
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
        .where('profile_id', 'in', ids)
        .where('match_id', 'is not', null)
        .execute();
      for (const row of rows) if (row.match_id !== null) result.set(row.profile_id, row.match_id);
    }
    return result;
  }

  async getGroups(scope: Scope, domainName: string, matchIds: readonly string[]): Promise<RuleMatchGroup[]> {
    const groups: RuleMatchGroup[] = [];
    for (const ids of chunks(matchIds, IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('rule_match_groups')
        .selectAll()
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
        .where('match_id', 'in', ids)
        .execute();
      groups.push(...rows.map(toGroup));
    }
    return groups;
  }

  async replaceGroups(scope: Scope, domainName: string, change: RuleGroupChange): Promise<void> {
    const where = { ...inScope(scope), domain_name: domainName };
    if (change.all) {
      await this.#db.deleteFrom('rule_match_groups').where((eb) => eb.and(where)).execute();
      await this.#db.updateTable('rule_match_profiles').set({ match_id: null }).where((eb) => eb.and(where)).where('match_id', 'is not', null).execute();
    }
    for (const ids of chunks(change.removed, IN_LIST_CHUNK)) {
      await this.#db.deleteFrom('rule_match_groups').where((eb) => eb.and(where)).where('match_id', 'in', ids).execute();
    }
    for (const ids of chunks(change.profileIds, IN_LIST_CHUNK)) {
      await this.#db.updateTable('rule_match_profiles').set({ match_id: null }).where((eb) => eb.and(where)).where('profile_id', 'in', ids).execute();
    }
    for (const rows of chunks(change.added, INSERT_CHUNK)) {
      await this.#db
        .insertInto('rule_match_groups')
        .values(
          rows.map((group) => ({
            ...where,
            match_id: group.matchId,
            rule_level: group.ruleLevel,
            profile_ids_json: JSON.stringify(group.profileIds),
            updated_at: toMillis(group.updatedAt),
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['account_id', 'region', 'domain_name', 'match_id']).doUpdateSet((eb) => ({
            rule_level: eb.ref('excluded.rule_level'),
            profile_ids_json: eb.ref('excluded.profile_ids_json'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    for (const group of change.added) {
      for (const ids of chunks(group.profileIds, IN_LIST_CHUNK)) {
        await this.#db.updateTable('rule_match_profiles').set({ match_id: group.matchId }).where((eb) => eb.and(where)).where('profile_id', 'in', ids).execute();
      }
    }
  }

  async listGroups(scope: Scope, domainName: string, page: PageRequest): Promise<Page<RuleMatchGroup>> {
    let query = this.#db
      .selectFrom('rule_match_groups')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('match_id')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('match_id', '>', page.after);
    return toPage(await query.execute(), page, toGroup, (group) => group.matchId);
  }

}

function toState(row: Selectable<RuleMatchingStateTable>): RuleMatchingState {
  return {
    domainName: row.domain_name,
    generation: row.generation,
    status: row.status as RuleMatchingStatus,
    config: fromJsonText(row.config_json) ?? null,
    ...(row.watermark === null ? {} : { watermark: new Date(Number(row.watermark)) }),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function toProfileRow(row: { profile_id: string; fields_json: string; version: number }): RuleProfileRow {
  return { profileId: row.profile_id, fields: JSON.parse(row.fields_json) as JsonObject, version: Number(row.version) };
}

function toGroup(row: Selectable<RuleMatchGroupsTable>): RuleMatchGroup {
  return {
    matchId: row.match_id,
    ruleLevel: Number(row.rule_level),
    profileIds: JSON.parse(row.profile_ids_json) as string[],
    updatedAt: new Date(Number(row.updated_at)),
  };
}
