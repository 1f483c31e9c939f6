// Deletes expired data a domain at a time, one SQL code path for both backends.
import type { Kysely } from 'kysely';
import type { ExpiryRepository, Scope } from '../ports.js';
import type { Database } from '../schema.js';
import { inScope, toMillis } from './rows.js';

export class KyselyExpiryRepository implements ExpiryRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async deleteExpiredObjects(scope: Scope, domainName: string, now: Date): Promise<number> {
    const where = { ...inScope(scope), domain_name: domainName };
    const at = toMillis(now);
    const expiredKeys = this.#db
      .selectFrom('profile_objects')
      .select('object_key')
      .where((eb) => eb.and(where))
      .where('expires_at', '<=', at);
    await this.#db.deleteFrom('profile_object_keys').where((eb) => eb.and(where)).where('object_key', 'in', expiredKeys).execute();
    const result = await this.#db.deleteFrom('profile_objects').where((eb) => eb.and(where)).where('expires_at', '<=', at).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteIdleProfiles(scope: Scope, domainName: string, updatedBefore: Date): Promise<number> {
    const where = { ...inScope(scope), domain_name: domainName };
    const idle = this.#db
      .selectFrom('profiles as p')
      .select('p.profile_id')
      .where((eb) => eb.and({ 'p.account_id': scope.accountId, 'p.region': scope.region, 'p.domain_name': domainName }))
      .where('p.last_updated_at', '<', toMillis(updatedBefore))
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
    await this.#db.deleteFrom('profile_keys').where((eb) => eb.and(where)).where('profile_id', 'in', idle).execute();
    const result = await this.#db.deleteFrom('profiles').where((eb) => eb.and(where)).where('profile_id', 'in', idle).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
