// A principal's facts are kept for a few seconds and forgotten on invalidation, including a read that
// was still in flight when the account was invalidated (it must not bring back what was just changed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../storage/open-store.js';
import { PolicyCache } from './policy-cache.js';
import { PrincipalDirectory } from './principal-facts.js';
import { principalArn, type Principal } from './principal.js';

const ACCOUNT = '111122223333';
const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const alice: Principal = { accountId: ACCOUNT, kind: 'user', name: 'alice', arn: principalArn(ACCOUNT, 'user', 'alice'), accessKeyId: 'AKIAALICE' };

async function setup() {
  const store = await openStore({ kind: 'sqlite', file: ':memory:' });
  await store.accounts.create(ACCOUNT, new Date());
  await store.iam.users.create(ACCOUNT, { name: 'alice', userId: 'AIDAALICE', path: '/', createdAt: new Date() });
  await store.iam.policies.putInline(ACCOUNT, { kind: 'user', name: 'alice' }, 'p', doc('profile:Get*'));
  return { store, directory: new PrincipalDirectory(store, new PolicyCache()) };
}

/** The compiled identity policies the directory gives for alice, as text to compare. */
const actions = async (directory: PrincipalDirectory) => JSON.stringify((await directory.load(alice)).policies.identity);

test('facts are kept until the account is invalidated', async () => {
  const { store, directory } = await setup();
  const before = await actions(directory);
  await store.iam.policies.putInline(ACCOUNT, { kind: 'user', name: 'alice' }, 'p', doc('profile:Search*'));
  assert.equal(await actions(directory), before, 'kept: nothing told the directory');
  directory.invalidate(ACCOUNT);
  assert.notEqual(await actions(directory), before);
  await store.close();
});

test('a read in flight when the account is invalidated is not kept', async () => {
  const { store, directory } = await setup();
  const inFlight = directory.load(alice);
  directory.invalidate(ACCOUNT);
  const before = JSON.stringify((await inFlight).policies.identity);
  await store.iam.policies.putInline(ACCOUNT, { kind: 'user', name: 'alice' }, 'p', doc('profile:Search*'));
  assert.notEqual(await actions(directory), before);
  await store.close();
});
