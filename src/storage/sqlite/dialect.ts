// Creates the Kysely instance for the embedded backend: one better-sqlite3 file (or ':memory:').
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, DialectAdapter, Driver, SqliteDialectConfig } from 'kysely';
import type { Database } from '../schema.js';
import { withErrorMapping } from '../kysely/error-mapping.js';
import { classifySqliteError } from './errors.js';
import { withStatementCache } from './statement-cache.js';
import { PlannedLimitPlugin } from './planned-limit-plugin.js';
import { ensurePrivateDir, ensurePrivateFile } from '../private-files.js';

/** How long a writer waits for another process's lock before SQLITE_BUSY (then ConflictError, then retry). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * One store per file per process: better-sqlite3 waits for another connection's lock
 * synchronously, so two stores on one file in one process can stall each other. Several
 * processes (serve, worker, the CLI) on one file are fine.
 */
export function createSqliteDb(file: string): Kysely<Database> {
  const dialect = new ImmediateSqliteDialect({ database: async () => withStatementCache(await openFile(file)) });
  return new Kysely<Database>({ dialect: withErrorMapping(dialect, classifySqliteError), plugins: [new PlannedLimitPlugin()] });
}

async function openFile(file: string): Promise<BetterSqlite3.Database> {
  if (file !== ':memory:') {
    // Created 0600 before SQLite opens it: SQLite would create it 0644, and its -wal and -shm files take its mode.
    ensurePrivateDir(dirname(resolve(file)));
    ensurePrivateFile(file);
  }
  const db = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers run beside the writer; FULL syncs the WAL on every commit so a
    // committed write survives power loss (https://www.sqlite.org/pragma.html#pragma_synchronous).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Sorts and groupings that need a scratch b-tree build it in memory, not in a temporary file.
    db.pragma('temp_store = MEMORY');
    // A page cache of up to 64 MiB (the default is 2 MiB): a transaction that touches many index pages
    // (bulk import writes thousands of rows per commit) otherwise spills them to the WAL more than once,
    // and re-reads them from the file on the next batch.
    db.pragma('cache_size = -65536');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Kysely's SQLite dialect with two changes that matter once several processes share a file:
 *
 * - Transactions start with BEGIN IMMEDIATE, taking the write lock up front. A deferred
 *   transaction that reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT if
 *   another process wrote in between (the busy timeout does not apply to that upgrade);
 *   BEGIN IMMEDIATE waits for the lock instead (https://www.sqlite.org/lang_transaction.html).
 * - Migrations run in one transaction. SQLite's DDL is transactional, and since Kysely's
 *   SQLite migration lock is a no-op, the BEGIN IMMEDIATE around the migrator's
 *   read-pending-then-apply is what serialises two processes starting on a fresh file.
 *   (A future migration that must toggle PRAGMA foreign_keys cannot run in a transaction.)
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
