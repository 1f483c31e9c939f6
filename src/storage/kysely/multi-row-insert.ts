// Multi-row INSERTs whose statements are built and compiled once per shape and reused: building a
// statement of hundreds of rows with Kysely costs more than SQLite takes to insert them. Rows go in
// chunks of 256, the remainder in power-of-two chunks, so a few shapes per table serve every batch.
import type { Kysely, OnConflictBuilder, OnConflictDatabase, OnConflictTables, OnConflictUpdateBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { CompiledQueryCache } from './compiled-cache.js';

const FULL_CHUNK = 256;

const shapes = new CompiledQueryCache();

type Conflict<T extends keyof Database> = (
  builder: OnConflictBuilder<Database, T>,
) => OnConflictUpdateBuilder<OnConflictDatabase<Database, T>, OnConflictTables<T>> | ReturnType<OnConflictBuilder<Database, T>['doNothing']>;

/** Sizes of the statements `rows` rows go in: full chunks, then powers of two. */
function chunkSizes(rows: number): number[] {
  const sizes: number[] = [];
  let left = rows;
  while (left >= FULL_CHUNK) {
    sizes.push(FULL_CHUNK);
    left -= FULL_CHUNK;
  }
  for (let size = FULL_CHUNK / 2; size >= 1; size /= 2) {
    if (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/**
 * Inserts `values` (row after row, `columns.length` values each) into `table`. `tag` names the conflict
 * clause: one tag, one clause, for the life of the process.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  values: readonly unknown[],
  tag: string,
  conflict?: Conflict<T>,
): Promise<void> {
  const width = columns.length;
  const dialect = db.getExecutor().adapter.constructor.name;
  let offset = 0;
  for (const rows of chunkSizes(values.length / width)) {
    const slice = values.slice(offset * width, (offset + rows) * width);
    offset += rows;
    await shapes.execute(db, `${dialect}:${table}:${tag}:${rows}`, slice, (slot) => {
      const objects = Array.from({ length: rows }, (_, row) => Object.fromEntries(columns.map((column, i) => [column, slot(row * width + i)])));
      // The row objects carry every column of `columns`; Kysely's insert typing cannot follow a generic table.
      const insert = db.insertInto(table).values(objects as never);
      return conflict ? insert.onConflict(conflict as never) : insert;
    });
  }
}
