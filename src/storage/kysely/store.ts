// The Store over a migrated Kysely handle: repositories, transactions with conflict retry, close.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { ConflictError } from '../errors.js';
import type { Backend, Repositories, Store } from '../ports.js';
import type { Database } from '../schema.js';
import { StatsLedger } from './domain-stats.js';
import { GroupCommit } from './group-commit.js';
import { createRepositories } from './repositories.js';

/** The first try plus three retries. */
const MAX_ATTEMPTS = 4;
/** Upper bound of the random pause before retry n is BASE * 2^n ms (jitter keeps two losers apart). */
const BACKOFF_BASE_MS = 5;

export function createStore(db: Kysely<Database>, backend: Backend): Store {
  const group = backend === 'sqlite' ? new GroupCommit(db) : undefined;
  return {
    backend,
    ...createRepositories(db),
    transaction: (work) => runTransaction(db, work),
    groupedTransaction: (work) => (group ? group.run(work) : runTransaction(db, work)),
    close: () => db.destroy(),
  };
}

/**
 * Runs `work` in one transaction and reruns all of it when the database reports a conflict
 * (serialization failure, deadlock, SQLITE_BUSY): the failed attempt was rolled back, so
 * `work` must only have effects through the repositories it is given.
 */
async function runTransaction<T>(db: Kysely<Database>, work: (repos: Repositories) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(async (trx) => {
        const ledger = new StatsLedger();
        const result = await work(createRepositories(trx, ledger));
        await ledger.flush(trx);
        return result;
      });
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      await sleep(Math.random() * BACKOFF_BASE_MS * 2 ** attempt);
    }
  }
}
