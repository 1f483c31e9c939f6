// Opens a Store: creates the backend's Kysely instance, applies pending migrations, wires repositories.
import { Migrator, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { StorageError } from './errors.js';
import { createStore } from './kysely/store.js';
import { migrationProvider } from './migrations/index.js';
import type { Backend, Store } from './ports.js';
import { createPostgresDb } from './postgres/dialect.js';
import type { Database } from './schema.js';
import { createSqliteDb } from './sqlite/dialect.js';

/**
 * SQLite: a file path (missing parent directories are created) or ':memory:', and optionally a cap on its
 * pages (PRAGMA max_page_count, set once the schema is up to date; below the file's size the cap is its
 * size) past which writes fail as storage full: how a test makes a full disk. PostgreSQL: a postgres:// URL.
 */
export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string; readonly maxPageCount?: number }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * Opens the database described by `config` and brings its schema up to date. Safe to call
 * from several servers at once on one PostgreSQL: Kysely's Migrator serialises them on an
 * advisory lock, and the later ones find nothing left to do.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  const db = createDb(config);
  try {
    await migrateToLatest(db, config.kind);
    if (config.kind === 'sqlite' && config.maxPageCount !== undefined) {
      await sql`pragma max_page_count = ${sql.raw(String(Math.max(1, Math.floor(config.maxPageCount))))}`.execute(db);
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createStore(db, config.kind);
}

/** One more connection to a database whose schema openStore has brought up to date (a worker thread's own). */
export function connectStore(config: StoreConfig): Store {
  return createStore(createDb(config), config.kind);
}

function createDb(config: StoreConfig): Kysely<Database> {
  return config.kind === 'sqlite' ? createSqliteDb(config.file) : createPostgresDb(config.url);
}

async function migrateToLatest(db: Kysely<Database>, backend: Backend): Promise<void> {
  // Each migration creates its own aggregate's tables, so a database that already ran a later-numbered
  // one still takes an earlier-numbered one added since.
  const migrator = new Migrator({ db, provider: migrationProvider(backend), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  // Keep neutral storage errors (e.g. StorageUnavailableError) as they are; wrap the rest.
  if (error instanceof StorageError) throw error;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  throw new StorageError(failed === undefined ? 'migration failed' : `migration ${failed} failed`, { cause: error });
}
