// Deletes expired data a domain at a time, one SQL code path for both backends.
import type { Kysely } from 'kysely';
import type { ExpiryRepository, Scope } from '../ports.js';
import type { Database } from '../schema.js';
import { countedWrite, lockProfileRows, type StatsLedger } from './domain-stats.js';
import { countRemoved } from './profile-objects.js';
import { chunks, IN_LIST_CHUNK, inScope, toMillis } from './rows.js';

export class KyselyExpiryRepository implements ExpiryRepository {
  readonly #db: Kysely<Database>;
  readonly #ledger: StatsLedger | undefined;

  constructor(db: Kysely<Database>, ledger?: StatsLedger) {
    this.#db = db;
    this.#ledger = ledger;
  }

  async deleteExpiredObjects(scope: Scope, domainName: string, now: Date): Promise<number> {
    return countedWrite(this.#db, this.#ledger, async (db, ledger) => {
      const where = { ...inScope(scope), domain_name: domainName };
      const at = toMillis(now);
      // Their profiles are locked first, as every writer of a profile's objects does, so the counts stay exact.
      const owners = await db.selectFrom('profile_objects').select('profile_id').distinct().where((eb) => eb.and(where)).where('expires_at', '<=', at).execute();
      await lockProfileRows(db, scope, domainName, owners.map((row) => row.profile_id));
      const expiredKeys = db
        .selectFrom('profile_objects')
        .select('object_key')
        .where((eb) => eb.and(where))
        .where('expires_at', '<=', at);
      await db.deleteFrom('profile_object_keys').where((eb) => eb.and(where)).where('object_key', 'in', expiredKeys).execute();
      const gone = await db.deleteFrom('profile_objects').where((eb) => eb.and(where)).where('expires_at', '<=', at).returning(['profile_id', 'size_bytes']).execute();
      await countRemoved(db, ledger, scope, domainName, gone);
      return gone.length;
    });
  }

  async deleteIdleProfiles(scope: Scope, domainName: string, updatedBefore: Date): Promise<number> {
    return countedWrite(this.#db, this.#ledger, async (db, ledger) => {
      const before = toMillis(updatedBefore);
      const idle = (profileIds?: readonly string[]) => {
        let query = db
          .selectFrom('profiles as p')
          .select('p.profile_id')
          .where((eb) => eb.and({ 'p.account_id': scope.accountId, 'p.region': scope.region, 'p.domain_name': domainName }))
          .where('p.last_updated_at', '<', before)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('profile_objects as o')
                  .select('o.object_key')
                  .whereRef('o.account_id', '=', 'p.account_id')
                  .whereRef('o.region', '=', 'p.region')
                  .whereRef('o.domain_name', '=', 'p.domain_name')
                  .whereRef('o.profile_id', '=', 'p.profile_id'),
              ),
            ),
          );
        if (profileIds !== undefined) query = query.where('p.profile_id', 'in', profileIds);
        return query;
      };
      const candidates = (await idle().execute()).map((row) => row.profile_id).sort();
      let deleted = 0;
      for (const chunk of chunks(candidates, IN_LIST_CHUNK)) {
        // Locked, then looked at again: a profile given an object meanwhile (its writer held the lock) stays.
        const locked = await lockProfileRows(db, scope, domainName, chunk);
        if (locked.length === 0) continue;
        const still = (await idle(locked).execute()).map((row) => row.profile_id);
        if (still.length === 0) continue;
        const where = { ...inScope(scope), domain_name: domainName };
        await db.deleteFrom('profile_keys').where((eb) => eb.and(where)).where('profile_id', 'in', still).execute();
        const result = await db.deleteFrom('profiles').where((eb) => eb.and(where)).where('profile_id', 'in', still).executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      }
      // Each held no object: one profile and one metered profile apiece.
      ledger.add(scope, domainName, { profiles: -deleted, metering: -deleted });
      return deleted;
    });
  }
}
