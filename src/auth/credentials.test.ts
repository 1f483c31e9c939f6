// The credential resolver keeps stored keys for a few seconds, and forgets an account's keys when told
// (after an IAM or STS write), including a read that was still in flight when it was told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../storage/open-store.js';
import { SecretBox } from '../domain/secrets/secret-box.js';
import { CredentialResolver } from './credentials.js';

const ACCOUNT = '111122223333';

async function setup(ttlMs?: number) {
  const store = await openStore({ kind: 'sqlite', file: ':memory:' });
  await store.accounts.create(ACCOUNT, new Date());
  const secrets = SecretBox.fromText('test master key');
  const resolver = new CredentialResolver(store, secrets, undefined, ttlMs);
  const createKey = (accessKeyId: string) =>
    store.accessKeys.create({
      accessKeyId,
      accountId: ACCOUNT,
      principalKind: 'user',
      principalName: 'alice',
      sealedSecret: secrets.seal(`secret-of-${accessKeyId}`),
      status: 'Active',
      createdAt: new Date(),
    });
  return { store, resolver, createKey };
}

test('a stored key is read once, then served from memory until its account is invalidated', async () => {
  const { store, resolver, createKey } = await setup();
  await createKey('AKIAFIRST');
  const first = await resolver.lookup('AKIAFIRST');
  assert.equal(first?.secretAccessKey, 'secret-of-AKIAFIRST');
  assert.equal(first?.active, true);
  assert.equal(first?.principal.arn, `arn:aws:iam::${ACCOUNT}:user/alice`);

  await store.accessKeys.setStatus(ACCOUNT, 'AKIAFIRST', 'Inactive');
  assert.equal((await resolver.lookup('AKIAFIRST'))?.active, true, 'kept: nothing told the resolver');
  resolver.invalidate('999999999999');
  assert.equal((await resolver.lookup('AKIAFIRST'))?.active, true, 'another account was invalidated');
  resolver.invalidate(ACCOUNT);
  assert.equal((await resolver.lookup('AKIAFIRST'))?.active, false);

  await store.accessKeys.delete(ACCOUNT, 'AKIAFIRST');
  resolver.invalidate(ACCOUNT);
  assert.equal(await resolver.lookup('AKIAFIRST'), undefined);
  await store.close();
});

test('an unknown key is not remembered: a key created afterwards works at once', async () => {
  const { store, resolver, createKey } = await setup();
  assert.equal(await resolver.lookup('AKIALATER'), undefined);
  await createKey('AKIALATER');
  assert.equal((await resolver.lookup('AKIALATER'))?.active, true);
  await store.close();
});

test('a read in flight when the account is invalidated is not kept', async () => {
  const { store, resolver, createKey } = await setup();
  await createKey('AKIARACE');
  const inFlight = resolver.lookup('AKIARACE');
  resolver.invalidate(ACCOUNT);
  assert.equal((await inFlight)?.active, true);
  await store.accessKeys.setStatus(ACCOUNT, 'AKIARACE', 'Inactive');
  assert.equal((await resolver.lookup('AKIARACE'))?.active, false);
  await store.close();
});

test('entries expire after the TTL; a TTL of 0 reads the store every time', async () => {
  const { store, resolver, createKey } = await setup(0);
  await createKey('AKIANOCACHE');
  assert.equal((await resolver.lookup('AKIANOCACHE'))?.active, true);
  await store.accessKeys.setStatus(ACCOUNT, 'AKIANOCACHE', 'Inactive');
  assert.equal((await resolver.lookup('AKIANOCACHE'))?.active, false);
  await store.close();
});
