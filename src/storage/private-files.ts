// Where the server keeps customer data and secrets on disk, only its owner may look: directories it creates
// are 0700 and files 0600 (SQLite gives its -wal and -shm files the database file's mode).
import { closeSync, mkdirSync, openSync } from 'node:fs';

/** Creates `dir` and its missing parents, readable by the owner only; an existing directory keeps its mode. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Creates `file` empty, readable by the owner only, unless it exists (its mode is then the operator's). */
export function ensurePrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
}
