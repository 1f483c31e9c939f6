// Classifies better-sqlite3 (and file-opening) errors into the neutral storage error kinds.
import { errorCode } from '../kysely/error-mapping.js';
import type { StorageErrorKind } from '../kysely/error-mapping.js';

// Extended result codes, https://www.sqlite.org/rescode.html
const UNIQUE = new Set(['SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);
// Another connection holds the lock past busy_timeout, or our snapshot went stale (WAL).
const CONFLICT = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED']);
// No room for the write: the disk (or the database's max_page_count) is full.
const FULL = new Set(['SQLITE_FULL', 'ENOSPC']);
// The file (or its directory) cannot be created or opened.
const UNAVAILABLE = new Set(['SQLITE_CANTOPEN', 'SQLITE_CANTOPEN_ISDIR', 'SQLITE_CANTOPEN_FULLPATH', 'EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'EROFS', 'ENOENT']);

export function classifySqliteError(error: unknown): StorageErrorKind | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  if (UNIQUE.has(code)) return 'unique';
  if (CONFLICT.has(code)) return 'conflict';
  if (FULL.has(code)) return 'full';
  if (UNAVAILABLE.has(code)) return 'unavailable';
  return undefined;
}
