// For cases that prove a migration carries existing data over: a fresh database migrated up to a given
// migration, seeded with raw rows, then opened as a store (which runs the later migrations).
import assert from 'node:assert/strict';
import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from '../../../src/storage/migrations/index.js';
import { openStore } from '../../../src/storage/open-store.js';
import type { Store } from '../../../src/storage/ports.js';
import { createPostgresDb } from '../../../src/storage/postgres/dialect.js';
import { createSqliteDb } from '../../../src/storage/sqlite/dialect.js';
import type { SuiteContext } from './target.js';

export async function afterMigrating(
  ctx: SuiteContext,
  lastBefore: string,
  seed: (db: Kysely<any>) => Promise<void>,
  check: (store: Store) => Promise<void>,
): Promise<void> {
  const database = await ctx.target.fresh();
  try {
    const { config } = database;
    const db = config.kind === 'sqlite' ? createSqliteDb(config.file) : createPostgresDb(config.url);
    try {
      const migrator = new Migrator({ db, provider: migrationProvider(ctx.target.backend), allowUnorderedMigrations: true });
      const { error } = await migrator.migrateTo(lastBefore);
      assert.equal(error, undefined);
      await seed(db);
    } finally {
      await db.destroy();
    }
    const store = await openStore(config);
    try {
      await check(store);
    } finally {
      await store.close();
    }
  } finally {
    await database.cleanup();
  }
}
