// A digest of everything a server has stored, per table, read over a connection of the test's own: two equal
// digests mean no request wrote anything in between.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { StoreConfig } from '../../src/storage/open-store.js';

export type Digest = ReadonlyMap<string, string>;

export interface StateReader {
  digest(): Promise<Digest>;
  close(): Promise<void>;
}

/** The tables whose digest differs. */
export function changedTables(before: Digest, after: Digest): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

export async function openStateReader(database: StoreConfig): Promise<StateReader> {
  return database.kind === 'sqlite' ? sqliteReader(database.file) : postgresReader(database.url);
}

function sqliteReader(file: string): StateReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    digest: async () => {
      const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
      const out = new Map<string, string>();
      for (const table of tables) {
        const rows = db.prepare(`select * from "${table}"`).raw().all().map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
        rows.sort();
        out.set(table, createHash('sha256').update(rows.join('\n')).digest('hex'));
      }
      return out;
    },
    close: async () => {
      db.close();
    },
  };
}

async function postgresReader(url: string): Promise<StateReader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = (await client.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")).rows.map((row) => row.name);
  const query = tables
    .map((table) => `select '${table}' as name, (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "${table}" t) as digest`)
    .join(' union all ');
  return {
    digest: async () => {
      const rows = (await client.query<{ name: string; digest: string }>(query)).rows;
      return new Map(rows.map((row) => [row.name, row.digest]));
    },
    close: () => client.end(),
  };
}
