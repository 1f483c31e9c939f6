// Conformance cases for opening a store: migrations, reopening, concurrent first starts, failures.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { StorageUnavailableError } from '../../../src/storage/errors.js';
import { MIGRATION_NAMES } from '../../../src/storage/migrations/index.js';
import { openStore } from '../../../src/storage/open-store.js';
import type { StoreConfig } from '../../../src/storage/open-store.js';
import { createPostgresDb } from '../../../src/storage/postgres/dialect.js';
import { createSqliteDb } from '../../../src/storage/sqlite/dialect.js';
import { newAccountId, unlessGap } from './target.js';
import type { FreshDatabase, SuiteContext } from './target.js';

const OPEN_STORE_MODULE = new URL('../../../src/storage/open-store.js', import.meta.url).href;

export function lifecycleCases(ctx: SuiteContext): void {
  describe('opening a store', () => {
    it('applies each migration once, and reopening is a no-op that keeps the data', () =>
      withFresh(ctx, async ({ config }) => {
        const accountId = newAccountId();
        const first = await openStore(config);
        await first.accounts.create(accountId, new Date(1_234_567_890_123));
        await first.close();
        const second = await openStore(config);
        try {
          assert.deepEqual(await second.accounts.get(accountId), { accountId, createdAt: new Date(1_234_567_890_123) });
        } finally {
          await second.close();
        }
        assert.deepEqual(await executedMigrations(config), [...MIGRATION_NAMES]);
      }));

    it('lets several processes start on one fresh database at once', () =>
      withFresh(ctx, async ({ config }) => {
        const accountIds = [newAccountId(), newAccountId(), newAccountId()];
        await Promise.all(accountIds.map((accountId) => openInChildProcess(config, accountId)));
        const store = await openStore(config);
        try {
          for (const accountId of accountIds) assert.ok(await store.accounts.get(accountId), accountId);
        } finally {
          await store.close();
        }
        assert.deepEqual(await executedMigrations(config), [...MIGRATION_NAMES]);
      }));

    it('lets two stores in one process open one fresh database at once', unlessGap(ctx.target, 'concurrentStoresInOneProcess'), () =>
      withFresh(ctx, async ({ config }) => {
        const stores = await Promise.all([openStore(config), openStore(config)]);
        try {
          const accountId = newAccountId();
          await stores[0].accounts.create(accountId, new Date());
          assert.ok(await stores[1].accounts.get(accountId));
        } finally {
          await Promise.all(stores.map((store) => store.close()));
        }
        assert.deepEqual(await executedMigrations(config), [...MIGRATION_NAMES]);
      }));

    it('reports a database it cannot reach as StorageUnavailableError', async () => {
      const unreachable = await ctx.target.unreachable();
      try {
        await assert.rejects(openStore(unreachable.config), StorageUnavailableError);
      } finally {
        await unreachable.cleanup();
      }
    });
  });
}

async function withFresh(ctx: SuiteContext, body: (database: FreshDatabase) => Promise<void>): Promise<void> {
  const database = await ctx.target.fresh();
  try {
    await body(database);
  } finally {
    await database.cleanup();
  }
}

/** The names recorded in Kysely's migration table, read with a bare Kysely handle. */
async function executedMigrations(config: StoreConfig): Promise<string[]> {
  const db = config.kind === 'sqlite' ? createSqliteDb(config.file) : createPostgresDb(config.url);
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return rows.map((row) => row.name);
  } finally {
    await db.destroy();
  }
}

/** Opens the store in a separate Node process (as `serve` and `worker` would) and writes one account. */
async function openInChildProcess(config: StoreConfig, accountId: string): Promise<void> {
  const script = [
    `const { openStore } = await import(${JSON.stringify(OPEN_STORE_MODULE)});`,
    'const store = await openStore(JSON.parse(process.argv[1]));',
    'await store.accounts.create(process.argv[2], new Date());',
    'await store.close();',
  ].join('\n');
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(config), accountId]);
}
