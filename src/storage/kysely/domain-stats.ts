// GetDomain's Stats as counters: every write that changes them records its change in the transaction's
// ledger, which adds the sum to one of the domain's shard rows just before the transaction commits.
import type { Kysely } from 'kysely';
import type { DomainStats, DomainStatsRepository, Scope } from '../ports.js';
import type { Database } from '../schema.js';
import { runCompiled } from './compiled-cache.js';
import { chunks, IN_LIST_CHUNK, inScope } from './rows.js';

/**
 * Rows per domain that transactions spread their changes over. A transaction holds its row's lock from its
 * flush to its commit, so on PostgreSQL only commits that picked the same row wait for one another.
 */
export const STATS_SHARDS = 32;

export interface StatsChange {
  readonly profiles?: number;
  readonly objects?: number;
  readonly bytes?: number;
  readonly metering?: number;
}

interface Pending {
  readonly scope: Scope;
  readonly domainName: string;
  profiles: number;
  objects: number;
  bytes: number;
  metering: number;
}

/** A profile's part of MeteringProfileCount beyond its first: one per started 100 objects (spec §3.1). */
export function meteringExtra(objects: number): number {
  return objects > 100 ? Math.ceil(objects / 100) - 1 : 0;
}

/** What MeteringProfileCount changes by when profiles now holding `after` objects each changed by `change`. */
export function meteringChange(after: ReadonlyMap<string, number>, change: ReadonlyMap<string, number>): number {
  let delta = 0;
  for (const [profileId, by] of change) {
    const now = after.get(profileId) ?? 0;
    delta += meteringExtra(now) - meteringExtra(now - by);
  }
  return delta;
}

/** The counters' changes made by one transaction (or one savepoint of a shared one), not yet written. */
export class StatsLedger {
  readonly #shard = Math.floor(Math.random() * STATS_SHARDS);
  readonly #pending = new Map<string, Pending>();

  add(scope: Scope, domainName: string, change: StatsChange): void {
    const id = `${scope.accountId}\u0000${scope.region}\u0000${domainName}`;
    let pending = this.#pending.get(id);
    if (!pending) this.#pending.set(id, (pending = { scope, domainName, profiles: 0, objects: 0, bytes: 0, metering: 0 }));
    pending.profiles += change.profiles ?? 0;
    pending.objects += change.objects ?? 0;
    pending.bytes += change.bytes ?? 0;
    pending.metering += change.metering ?? 0;
  }

  /** Drops the changes counted for a domain whose counter rows this transaction removes. */
  discard(scope: Scope, domainName: string): void {
    this.#pending.delete(`${scope.accountId}\u0000${scope.region}\u0000${domainName}`);
  }

  /** Adds the changes to this ledger's shard row of each domain; run last, just before the commit. */
  async flush(db: Kysely<Database>): Promise<void> {
    // In key order, so two transactions touching the same domains take the rows' locks in one order.
    for (const id of [...this.#pending.keys()].sort()) {
      const pending = this.#pending.get(id)!;
      if (pending.profiles === 0 && pending.objects === 0 && pending.bytes === 0 && pending.metering === 0) continue;
      const { scope, domainName } = pending;
      const values = [scope.accountId, scope.region, domainName, this.#shard, pending.profiles, pending.objects, pending.bytes, pending.metering];
      // Compiled once: this runs with nearly every write (PutProfileObject's among them).
      await runCompiled(db, 'domainStats.add', values, (slot) =>
        db
          .insertInto('domain_stats')
          .values({
            account_id: slot(0),
            region: slot(1),
            domain_name: slot(2),
            shard: slot(3),
            profile_count: slot(4),
            object_count: slot(5),
            total_size: slot(6),
            metering_profile_count: slot(7),
          })
          .onConflict((oc) =>
            oc.columns(['account_id', 'region', 'domain_name', 'shard']).doUpdateSet((eb) => ({
              profile_count: eb('domain_stats.profile_count', '+', eb.ref('excluded.profile_count')),
              object_count: eb('domain_stats.object_count', '+', eb.ref('excluded.object_count')),
              total_size: eb('domain_stats.total_size', '+', eb.ref('excluded.total_size')),
              metering_profile_count: eb('domain_stats.metering_profile_count', '+', eb.ref('excluded.metering_profile_count')),
            })),
          ),
      );
    }
    this.#pending.clear();
  }
}

/**
 * Runs a write that changes the counters. Repositories bound to a transaction pass its ledger, flushed
 * by the store before the commit; the store's own repositories (outside any transaction) run the write
 * and its counters in a transaction of their own, so the two never disagree.
 */
export function countedWrite<T>(db: Kysely<Database>, ledger: StatsLedger | undefined, work: (db: Kysely<Database>, ledger: StatsLedger) => Promise<T>): Promise<T> {
  if (ledger) return work(db, ledger);
  return db.transaction().execute(async (trx) => {
    const own = new StatsLedger();
    const result = await work(trx, own);
    await own.flush(trx);
    return result;
  });
}

/** How many objects each of these profiles holds now (profiles holding none are absent). */
export async function objectCountsOf(db: Kysely<Database>, scope: Scope, domainName: string, profileIds: Iterable<string>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const ids = [...new Set(profileIds)];
  if (ids.length === 1) {
    // One profile (a PutProfileObject): a compiled query, as this runs with every new object.
    const { rows } = await runCompiled(db, 'domainStats.objectCount', [scope.accountId, scope.region, domainName, ids[0]], (slot) =>
      db
        .selectFrom('profile_objects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), profile_id: slot(3) })),
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) counts.set(ids[0]!, n);
    return counts;
  }
  for (const chunk of chunks(ids, IN_LIST_CHUNK)) {
    const rows = await db
      .selectFrom('profile_objects')
      .select((eb) => ['profile_id', eb.fn.countAll<number>().as('n')])
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .where('profile_id', 'in', chunk)
      .groupBy('profile_id')
      .execute();
    for (const row of rows) counts.set(row.profile_id, Number(row.n));
  }
  return counts;
}

/** MeteringProfileCount's change for profiles whose object counts changed by `change` (zeros ignored). */
export async function meteringChangeOf(db: Kysely<Database>, scope: Scope, domainName: string, change: ReadonlyMap<string, number>): Promise<number> {
  const changed = new Map([...change].filter(([, by]) => by !== 0));
  if (changed.size === 0) return 0;
  return meteringChange(await objectCountsOf(db, scope, domainName, changed.keys()), changed);
}

/**
 * Takes the row locks of these profiles (sorted, so lockers of overlapping sets wait instead of
 * deadlocking) without changing them. Every writer that adds objects to a profile holds its lock, so
 * while this transaction holds it the profile's objects change only here and its counts stay exact.
 */
export async function lockProfileRows(db: Kysely<Database>, scope: Scope, domainName: string, profileIds: Iterable<string>): Promise<string[]> {
  const locked: string[] = [];
  for (const chunk of chunks([...new Set(profileIds)].sort(), IN_LIST_CHUNK)) {
    const rows = await db
      .updateTable('profiles')
      .set((eb) => ({ version: eb.ref('version') }))
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .where('profile_id', 'in', chunk)
      .returning('profile_id')
      .execute();
    locked.push(...rows.map((row) => row.profile_id));
  }
  return locked;
}

/** Removes a domain's counter rows and what this transaction counted for it (its data is being removed). */
export async function clearStats(db: Kysely<Database>, ledger: StatsLedger, scope: Scope, domainName: string): Promise<void> {
  ledger.discard(scope, domainName);
  await db.deleteFrom('domain_stats').where((eb) => eb.and({ ...inScope(scope), domain_name: domainName })).execute();
}

export class KyselyDomainStatsRepository implements DomainStatsRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async get(scope: Scope, domainName: string): Promise<DomainStats> {
    const row = await this.#db
      .selectFrom('domain_stats')
      .select((eb) => [
        eb.fn.sum<number>('profile_count').as('profiles'),
        eb.fn.sum<number>('object_count').as('objects'),
        eb.fn.sum<number>('total_size').as('bytes'),
        eb.fn.sum<number>('metering_profile_count').as('metering'),
      ])
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .executeTakeFirstOrThrow();
    // PostgreSQL sums bigint to numeric, which pg returns as text; no rows sum to NULL.
    return {
      profileCount: Number(row.profiles ?? 0),
      objectCount: Number(row.objects ?? 0),
      totalSize: Number(row.bytes ?? 0),
      meteringProfileCount: Number(row.metering ?? 0),
    };
  }
}
