// Creates the Kysely instance for the shared backend: a node-postgres Pool on one database URL.
import pg from 'pg';
import type { CustomTypesConfig } from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.js';
import { withErrorMapping } from '../kysely/error-mapping.js';
import { classifyPostgresError } from './errors.js';

const CONNECT_TIMEOUT_MS = 10_000;

export function createPostgresDb(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, types: int8AsNumber(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client whose server went away emits 'error' on the pool, which would crash the
  // process without a listener. The pool has already discarded that client, and the next
  // query that needs a connection reports StorageUnavailableError, so there is nothing to do.
  pool.on('error', () => {});
  const dialect = new PostgresDialect({ pool });
  return new Kysely<Database>({ dialect: withErrorMapping(dialect, classifyPostgresError) });
}

/**
 * pg returns int8 (our epoch-ms columns, count(*)) as strings by default, to avoid losing
 * precision past 2^53. Ours never get there, so parse them to numbers; a per-pool parser
 * instead of pg.types.setTypeParser keeps every other pg user in the process unaffected.
 */
function int8AsNumber(): CustomTypesConfig {
  const { builtins, getTypeParser } = pg.types;
  return {
    getTypeParser: (id, format) =>
      id === builtins.INT8 && format !== 'binary' ? parseSafeInteger : getTypeParser(id, format),
  };
}

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} is outside the safe integer range`);
  return value;
}
