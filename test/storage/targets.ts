// The backends the conformance suite runs against: SQLite in a temp directory, PostgreSQL in a temp database.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempDatabase } from '../support/postgres.js';
import type { FreshDatabase, Target } from './suite/target.js';

export function sqliteTarget(): Target {
  return {
    backend: 'sqlite',
    async fresh(): Promise<FreshDatabase> {
      const dir = await mkdtemp(join(tmpdir(), 'openprofiles-storage-'));
      // A missing parent directory, to prove openStore creates it.
      return { config: { kind: 'sqlite', file: join(dir, 'data', 'store.db') }, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
    async unreachable(): Promise<FreshDatabase> {
      const dir = await mkdtemp(join(tmpdir(), 'openprofiles-storage-'));
      await writeFile(join(dir, 'not-a-directory'), '');
      return {
        config: { kind: 'sqlite', file: join(dir, 'not-a-directory', 'store.db') },
        cleanup: () => rm(dir, { recursive: true, force: true }),
      };
    },
    gaps: {
      concurrentStoresInOneProcess:
        'better-sqlite3 waits for another connection\'s lock synchronously, blocking the event loop; one store per file per process',
      concurrentTransactions: 'one connection per store serialises its transactions, so they cannot deadlock',
    },
  };
}

export function postgresTarget(): Target {
  return {
    backend: 'postgres',
    async fresh(): Promise<FreshDatabase> {
      // A non-C collation, as most servers default to, to prove ordering does not depend on it.
      const database = await createTempDatabase({ icuLocale: 'en-US' });
      return { config: { kind: 'postgres', url: database.url }, cleanup: () => database.drop() };
    },
    async unreachable(): Promise<FreshDatabase> {
      return { config: { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/openprofiles' }, cleanup: async () => {} };
    },
    gaps: {},
  };
}
