// Backend-specific checks of the dialect setup: SQLite pragmas and ':memory:', PostgreSQL int8 parsing.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore } from '../../src/storage/open-store.js';
import { createPostgresDb } from '../../src/storage/postgres/dialect.js';
import { createSqliteDb } from '../../src/storage/sqlite/dialect.js';
import { createTempDatabase, postgresAdminUrl } from '../support/postgres.js';

describe('sqlite dialect', () => {
  it('opens files with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openprofiles-dialect-'));
    const db = createSqliteDb(join(dir, 'a', 'b', 'store.db'));
    try {
      const pragma = async (name: string): Promise<unknown> =>
        Object.values((await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db)).rows[0] ?? {})[0];
      assert.equal(await pragma('journal_mode'), 'wal');
      assert.equal(await pragma('synchronous'), 2);
      assert.equal(await pragma('foreign_keys'), 1);
      assert.equal(await pragma('busy_timeout'), 5000);
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("accepts ':memory:', each store its own database", async () => {
    const [first, second] = await Promise.all([openStore({ kind: 'sqlite', file: ':memory:' }), openStore({ kind: 'sqlite', file: ':memory:' })]);
    try {
      await first.accounts.create('111111111111', new Date(1));
      assert.deepEqual(await first.accounts.list(), [{ accountId: '111111111111', createdAt: new Date(1) }]);
      assert.deepEqual(await second.accounts.list(), []);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('postgres dialect', () => {
  it('leaves the process-wide pg type parsers alone', async () => {
    await createPostgresDb('postgres://127.0.0.1:1/unused').destroy();
    assert.equal(pg.types.getTypeParser(pg.types.builtins.INT8)('42'), '42');
  });

  const skip = postgresAdminUrl() === undefined ? 'PostgreSQL not configured (OPENPROFILES_TEST_DATABASE_URL unset)' : false;
  it('returns int8 as numbers, and refuses one past 2^53 rather than rounding it', { skip }, async () => {
    const database = await createTempDatabase();
    const db = createPostgresDb(database.url);
    try {
      const { rows } = await sql<{ n: unknown }>`select 9007199254740991::int8 as n`.execute(db);
      assert.equal(rows[0]?.n, Number.MAX_SAFE_INTEGER);
      await assert.rejects(sql`select 9007199254740993::int8 as n`.execute(db), RangeError);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
