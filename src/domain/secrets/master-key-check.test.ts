import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../storage/open-store.js';
import { MasterKeyMismatchError } from '../errors.js';
import { checkMasterKey } from './master-key-check.js';
import { SecretBox } from './secret-box.js';

test('a database sealed before the check is held to a stored key, then to the check value it is given', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'op-key-check-'));
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'db.sqlite') });
  try {
    const right = SecretBox.fromText('the key it was served with');
    const wrong = SecretBox.fromText('another key');
    await store.accounts.create('111122223333', new Date());
    await store.accessKeys.create({
      accessKeyId: 'AKIAEXISTING00000001',
      accountId: '111122223333',
      principalKind: 'user',
      principalName: 'ann',
      sealedSecret: right.seal('secret'),
      status: 'Active',
      createdAt: new Date(),
    });
    await assert.rejects(checkMasterKey(store, wrong, new Date()), MasterKeyMismatchError);
    assert.equal(await store.masterKeyCheck.get(), undefined, 'a refused key stores nothing');
    await checkMasterKey(store, right, new Date());
    assert.ok(await store.masterKeyCheck.get());
    await checkMasterKey(store, right, new Date());
    await assert.rejects(checkMasterKey(store, wrong, new Date()), MasterKeyMismatchError);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
