import { test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { PlannedLimitPlugin } from './planned-limit-plugin.js';

interface Rows {
  t: { a: string; b: number };
}

function databases() {
  const raw = new BetterSqlite3(':memory:');
  raw.exec('create table t (a text, b integer, primary key (a, b))');
  const insert = raw.prepare('insert into t values (?, ?)');
  for (let b = 0; b < 50; b++) insert.run(b % 2 === 0 ? 'even' : 'odd', b);
  const plain = new Kysely<Rows>({ dialect: new SqliteDialect({ database: raw }) });
  const planned = new Kysely<Rows>({ dialect: new SqliteDialect({ database: raw }), plugins: [new PlannedLimitPlugin()] });
  return { raw, plain, planned };
}

test('LIMIT and OFFSET parameters become expressions; the rows are the same', async () => {
  const { raw, plain, planned } = databases();
  const page = (db: Kysely<Rows>) => db.selectFrom('t').select(['a', 'b']).where('a', '=', 'even').orderBy('b').limit(5).offset(3);
  const compiled = page(planned).compile();
  assert.match(compiled.sql, /limit cast\(\? as integer\) offset cast\(\? as integer\)$/);
  assert.deepEqual(compiled.parameters, ['even', 5, 3]);
  assert.deepEqual(await page(planned).execute(), await page(plain).execute());
  assert.deepEqual((await page(planned).execute()).map((row) => row.b), [6, 8, 10, 12, 14]);
  raw.close();
});

test('a limit that is already an expression is left as written', async () => {
  const { raw, planned } = databases();
  const compiled = planned.selectFrom('t').select('b').limit(sql<number>`1 + 1`).compile();
  assert.match(compiled.sql, /limit 1 \+ 1$/);
  raw.close();
});
