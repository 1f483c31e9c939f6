// Group commit for the embedded backend: writes that arrive while a commit is being made wait, and then
// go together in ONE transaction and ONE commit (one WAL sync instead of one each). Each write runs in
// its own SAVEPOINT, so a write that fails is undone alone and the others still commit; every caller is
// answered only after the shared commit has returned, i.e. once its write is durable.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import { ConflictError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { Database } from '../schema.js';
import { StatsLedger } from './domain-stats.js';
import { createRepositories } from './repositories.js';

/** Writes per shared transaction at most: bounds how long one group holds the write lock. */
const MAX_GROUP = 64;
const MAX_ATTEMPTS = 4;
const BACKOFF_BASE_MS = 5;

interface Member {
  readonly work: (repos: Repositories) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Result = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export class GroupCommit {
  readonly #db: Kysely<Database>;
  readonly #queue: Member[] = [];
  #draining = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        // better-sqlite3 runs statements synchronously, so a whole transaction runs without giving the
        // event loop a turn: wait for one, so that the requests received meanwhile queue their writes
        // and join this group. It is taken once the transaction holds the connection, after writes whose
        // requests were waiting for the connection (their reads before the write) have queued.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const trx = await this.#begin().catch(() => undefined);
        await this.#commitGroup(trx, this.#queue.splice(0, MAX_GROUP));
      }
    } finally {
      this.#draining = false;
    }
  }

  #begin(): Promise<ControlledTransaction<Database>> {
    return this.#db.startTransaction().execute();
  }

  /** Runs the group (beginning again when `first` failed to begin), rerunning all of it after a conflict (its transaction was rolled back), and answers every member. */
  async #commitGroup(first: ControlledTransaction<Database> | undefined, group: readonly Member[]): Promise<void> {
    let trx: ControlledTransaction<Database> | undefined = first;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const results = await this.#runOnce(trx ?? (await this.#begin()), group);
        results.forEach((result, i) => (result.ok ? group[i]!.resolve(result.value) : group[i]!.reject(result.error)));
        return;
      } catch (error) {
        trx = undefined;
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) {
          for (const member of group) member.reject(error);
          return;
        }
        await sleep(Math.random() * BACKOFF_BASE_MS * 2 ** attempt);
      }
    }
  }

  async #runOnce(trx: ControlledTransaction<Database>, group: readonly Member[]): Promise<Result[]> {
    try {
      const results: Result[] = [];
      for (const member of group) {
        await sql`savepoint group_member`.execute(trx);
        try {
          // Each write's counter changes go with its savepoint: a write undone alone leaves none behind.
          const ledger = new StatsLedger();
          const value = await member.work(createRepositories(trx, ledger));
          await ledger.flush(trx);
          await sql`release savepoint group_member`.execute(trx);
          results.push({ ok: true, value });
        } catch (error) {
          if (error instanceof ConflictError) throw error;
          await sql`rollback to savepoint group_member`.execute(trx);
          await sql`release savepoint group_member`.execute(trx);
          results.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
      return results;
    } catch (error) {
      await trx.rollback().execute().catch(() => undefined);
      throw error;
    }
  }
}
