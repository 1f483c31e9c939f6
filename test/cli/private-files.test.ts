// What `serve` leaves on disk is its owner's alone: a data dir it creates is 0700, the SQLite database with
// its -wal and -shm files and the key and credentials files are 0600, whatever the umask lets through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server.js';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

test('a new data dir is 0700 and the database, its WAL files and the key files are 0600', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'op-modes-'));
  const dataDir = join(parent, 'data');
  const previous = process.umask(0o022);
  try {
    const server = await startServer({ dataDir, generatedRootKey: true });
    try {
      const database = join(dataDir, 'openprofiles.db');
      const files = [database, `${database}-wal`, `${database}-shm`, join(dataDir, 'master.key'), join(dataDir, 'credentials'), join(dataDir, 'config')];
      for (const file of files) assert.ok(existsSync(file), `${file} exists while the server runs`);
      assert.deepEqual(
        Object.fromEntries([dataDir, ...files].map((path) => [path.slice(parent.length), mode(path)])),
        Object.fromEntries([[dataDir.slice(parent.length), '700'], ...files.map((file) => [file.slice(parent.length), '600'])]),
      );
    } finally {
      await server.stop();
    }
  } finally {
    process.umask(previous);
    rmSync(parent, { recursive: true, force: true });
  }
});
