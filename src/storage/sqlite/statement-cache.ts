// Reuses prepared statements by SQL text: preparing costs more than running most of our queries
// (tens of microseconds each), and the repositories send the same few texts over and over.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct texts kept; IN lists of varying length make some queries several texts. */
const MAX_STATEMENTS = 1000;

/**
 * The database as Kysely sees it, with `prepare` served from a least-recently-used cache. Safe
 * because Kysely runs one query at a time on the connection, so a statement is never busy twice.
 */
export function withStatementCache(db: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare: (sql: string): SqliteStatement => {
      const cached = cache.get(sql);
      if (cached !== undefined) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = db.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
