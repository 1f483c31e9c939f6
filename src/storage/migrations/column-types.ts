// The few column types whose spelling differs between the dialects, so one migration serves both.
import { sql } from 'kysely';
import type { Expression } from 'kysely';
import type { Backend } from '../ports.js';

export interface ColumnTypes {
  /**
   * Text that is compared, sorted and paged on (ids, names, ARNs, tag keys). It must
   * order by code point on both backends so `list` pages and `after` cursors agree:
   * SQLite's default BINARY collation does, but a PostgreSQL column takes the
   * database's collation (often en_US, which ignores punctuation and folds case), so
   * on PostgreSQL the column is pinned to the "C" collation.
   */
  readonly key: Expression<unknown>;
}

export function columnTypes(backend: Backend): ColumnTypes {
  return { key: backend === 'postgres' ? sql`text collate "C"` : sql`text` };
}
