// The profile repository, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { FoundProfileRecord, JsonObject, KeyCriterion, Page, PageRequest, ProfileRecord, ProfileRepository, Scope } from '../ports.js';
import type { Database, ProfilesTable } from '../schema.js';
import { CompiledQueryCache, runCompiled } from './compiled-cache.js';
import { clearStats, countedWrite, lockProfileRows, meteringExtra, type StatsLedger } from './domain-stats.js';
import { insertRows } from './multi-row-insert.js';
import { searchProfiles } from './profile-search.js';
import { chunks, IN_LIST_CHUNK, inScope, toMillis } from './rows.js';

const PROFILE_COLUMNS = ['account_id', 'region', 'domain_name', 'profile_id', 'fields_json', 'sources_json', 'version', 'created_at', 'last_updated_at'] as const;

export class KyselyProfileRepository implements ProfileRepository {
  readonly #db: Kysely<Database>;
  readonly #ledger: StatsLedger | undefined;
  readonly #compiled = new CompiledQueryCache();

  constructor(db: Kysely<Database>, ledger?: StatsLedger) {
    this.#db = db;
    this.#ledger = ledger;
  }

  async create(scope: Scope, domainName: string, profile: ProfileRecord): Promise<void> {
    const row = toProfileRow(scope, domainName, profile);
    await countedWrite(this.#db, this.#ledger, async (db, ledger) => {
      await insertRows(db, 'profiles', PROFILE_COLUMNS, PROFILE_COLUMNS.map((column) => row[column]), 'plain');
      ledger.add(scope, domainName, { profiles: 1, metering: 1 });
    });
  }

  async get(scope: Scope, domainName: string, profileId: string): Promise<ProfileRecord | undefined> {
    const row = await this.#db
      .selectFrom('profiles')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, profile_id: profileId }))
      .executeTakeFirst();
    return row && toProfileRecord(row);
  }

  async exists(scope: Scope, domainName: string, profileId: string): Promise<boolean> {
    const { rows } = await runCompiled(this.#db, 'profiles.exists', [scope.accountId, scope.region, domainName, profileId], (slot) =>
      this.#db
        .selectFrom('profiles')
        .select('profile_id')
        .where((eb) => eb.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), profile_id: slot(3) })),
    );
    return rows.length > 0;
  }

  async getMany(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<ProfileRecord[]> {
    const records: ProfileRecord[] = [];
    for (const chunk of chunks([...new Set(profileIds)], IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('profiles')
        .selectAll()
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
        .where('profile_id', 'in', chunk)
        .execute();
      records.push(...rows.map(toProfileRecord));
    }
    return records;
  }

  async lock(scope: Scope, domainName: string, profileId: string): Promise<ProfileRecord | undefined> {
    // An UPDATE takes the row lock on both backends (FOR UPDATE does not exist in SQLite, whose
    // BEGIN IMMEDIATE already serialises writers); on PostgreSQL a second locker waits here and
    // then reads the row as the first one committed it.
    const { rows } = await runCompiled(this.#db, 'profiles.lock', [scope.accountId, scope.region, domainName, profileId], (slot) =>
      this.#db
        .updateTable('profiles')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where((eb) => eb.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), profile_id: slot(3) }))
        .returningAll(),
    );
    const row = rows[0];
    return row && toProfileRecord(row);
  }

  async update(scope: Scope, domainName: string, profile: ProfileRecord): Promise<void> {
    const { fields_json, sources_json, version, last_updated_at } = toProfileRow(scope, domainName, profile);
    const values = [fields_json, sources_json, version, last_updated_at, scope.accountId, scope.region, domainName, profile.profileId];
    await runCompiled(this.#db, 'profiles.update', values, (slot) =>
      this.#db
        .updateTable('profiles')
        .set({ fields_json: slot(0), sources_json: slot(1), version: slot(2), last_updated_at: slot(3) })
        .where((eb) => eb.and({ account_id: slot(4), region: slot(5), domain_name: slot(6), profile_id: slot(7) })),
    );
  }

  async delete(scope: Scope, domainName: string, profileId: string): Promise<boolean> {
    return countedWrite(this.#db, this.#ledger, async (db, ledger) => {
      // Locked first: an object being added meanwhile is then either counted below or never added.
      if ((await lockProfileRows(db, scope, domainName, [profileId])).length === 0) return false;
      const where = { ...inScope(scope), domain_name: domainName, profile_id: profileId };
      const held = await db
        .selectFrom('profile_objects')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('size_bytes').as('bytes')])
        .where((eb) => eb.and(where))
        .executeTakeFirstOrThrow();
      await db.deleteFrom('profile_keys').where((eb) => eb.and(where)).execute();
      // Its objects go by cascade.
      await db.deleteFrom('profiles').where((eb) => eb.and(where)).execute();
      const objects = Number(held.n);
      ledger.add(scope, domainName, { profiles: -1, objects: -objects, bytes: -Number(held.bytes ?? 0), metering: -1 - meteringExtra(objects) });
      return true;
    });
  }

  async deleteAllInDomain(scope: Scope, domainName: string): Promise<void> {
    await countedWrite(this.#db, this.#ledger, async (db, ledger) => {
      // The counters go first: a write that committed its counts meanwhile has its rows seen by the deletes below.
      await clearStats(db, ledger, scope, domainName);
      const where = { ...inScope(scope), domain_name: domainName };
      await db.deleteFrom('profile_keys').where((eb) => eb.and(where)).execute();
      await db.deleteFrom('profiles').where((eb) => eb.and(where)).execute();
    });
  }

  search(scope: Scope, domainName: string, criteria: readonly KeyCriterion[], mode: 'AND' | 'OR', page: PageRequest): Promise<Page<FoundProfileRecord>> {
    return searchProfiles(this.#db, this.#compiled, scope, domainName, criteria, mode, page);
  }

  async count(scope: Scope, domainName: string): Promise<number> {
    const row = await this.#db
      .selectFrom('profiles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** The row a profile is stored as; exported for bulk loaders (bench/) that must store exactly what the API does. */
export function toProfileRow(scope: Scope, domainName: string, profile: ProfileRecord): Selectable<ProfilesTable> {
  return {
    ...inScope(scope),
    domain_name: domainName,
    profile_id: profile.profileId,
    fields_json: JSON.stringify(profile.fields),
    sources_json: JSON.stringify(profile.sources),
    version: profile.version,
    created_at: toMillis(profile.createdAt),
    last_updated_at: toMillis(profile.lastUpdatedAt),
  };
}

export function toProfileRecord(row: Selectable<ProfilesTable>): ProfileRecord {
  return {
    profileId: row.profile_id,
    fields: JSON.parse(row.fields_json) as JsonObject,
    sources: JSON.parse(row.sources_json) as Record<string, string>,
    version: Number(row.version),
    createdAt: new Date(Number(row.created_at)),
    lastUpdatedAt: new Date(Number(row.last_updated_at)),
  };
}
