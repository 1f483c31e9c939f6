// Conformance cases for the profile-object and dead-letter repositories: replace, filter, paging, cascade, stats.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProfileObjectRecord } from '../../../src/storage/object-ports.js';
import type { Scope, Store } from '../../../src/storage/ports.js';
import { domainRecord, newScope } from './target.js';
import type { SuiteContext } from './target.js';

const DOMAIN = 'objects';
const id = (n: number) => n.toString(16).padStart(32, '0');

function object(key: string, profileId: string, at: number, extra: Partial<ProfileObjectRecord> = {}): ProfileObjectRecord {
  const text = JSON.stringify({ key, note: 'Zürich' });
  return {
    objectTypeName: 'Order',
    objectKey: key,
    profileId,
    object: text,
    sizeBytes: Buffer.byteLength(text),
    keys: [{ keyName: 'sku', value: `sku-${key}` }],
    createdAt: new Date(at),
    lastUpdatedAt: new Date(at),
    expiresAt: new Date(at + 86_400_000),
    ...extra,
  };
}

async function seeded(store: Store, profiles: number): Promise<Scope> {
  const scope = newScope();
  await store.domains.create(scope, domainRecord(DOMAIN));
  for (let n = 1; n <= profiles; n++) {
    await store.profiles.create(scope, DOMAIN, { profileId: id(n), fields: {}, sources: {}, version: 1, createdAt: new Date(1), lastUpdatedAt: new Date(1) });
  }
  return scope;
}

async function keysOf(store: Store, scope: Scope, profileId: string, filter?: { keyName: string; values: string[] }): Promise<string[]> {
  const keys: string[] = [];
  let after: string | undefined;
  do {
    const page = await store.profileObjects.list(scope, DOMAIN, profileId, 'Order', filter, after === undefined ? { limit: 2 } : { limit: 2, after });
    keys.push(...page.items.map((item) => item.objectKey));
    after = page.nextAfter;
  } while (after !== undefined);
  return keys;
}

export function profileObjectCases(ctx: SuiteContext): void {
  describe('profile objects', () => {
    it('stores, replaces wholesale (keeping createdAt) and deletes an object with its keys', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 2);
      await store.profileObjects.put(scope, DOMAIN, object('a', id(1), 1000));
      assert.deepEqual(await store.profileObjects.get(scope, DOMAIN, 'Order', 'a'), object('a', id(1), 1000));
      const replaced = object('a', id(2), 1000, { object: '{"other":1}', sizeBytes: 11, keys: [], lastUpdatedAt: new Date(2000) });
      await store.profileObjects.put(scope, DOMAIN, { ...replaced, createdAt: new Date(1500) });
      assert.deepEqual(await store.profileObjects.get(scope, DOMAIN, 'Order', 'a'), replaced);
      assert.equal(await store.profileObjects.delete(scope, DOMAIN, 'Order', 'a'), true);
      assert.equal(await store.profileObjects.delete(scope, DOMAIN, 'Order', 'a'), false);
    });

    it('lists newest first across pages, filters by key, counts, and follows a profile through reassign and delete', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 3);
      for (const [n, key] of ['a', 'b', 'c', 'd', 'e'].entries()) await store.profileObjects.put(scope, DOMAIN, object(key, id(1), 1000 + (n % 3)));
      assert.deepEqual(await keysOf(store, scope, id(1)), ['c', 'e', 'b', 'd', 'a']);
      assert.deepEqual(await keysOf(store, scope, id(1), { keyName: 'sku', values: ['sku-b', 'sku-e', 'sku-z'] }), ['e', 'b']);
      assert.deepEqual(await keysOf(store, scope, id(1), { keyName: 'sku', values: [] }), []);
      assert.equal(await store.profileObjects.countForProfile(scope, DOMAIN, id(1), 'Order'), 5);
      assert.equal(await store.profileObjects.countForProfile(scope, DOMAIN, id(1), 'Other'), 0);
      await store.profileObjects.put(scope, DOMAIN, object('z', id(2), 3000));
      assert.deepEqual(await store.profileObjects.profileIdsOfType(scope, DOMAIN, 'Order'), [id(1), id(2)]);
      assert.deepEqual(await store.profileObjects.findByKey(scope, DOMAIN, 'Order', 'sku', 'sku-z', 5), ['z']);
      assert.deepEqual(await store.profileObjects.findByKey(scope, DOMAIN, 'Other', 'sku', 'sku-z', 5), []);
      await store.profileObjects.reassign(scope, DOMAIN, [id(2)], id(3));
      assert.deepEqual(await keysOf(store, scope, id(3)), ['z']);
      assert.deepEqual(await store.profileObjects.stats(scope, DOMAIN), { objectCount: 6, totalSize: 6 * object('a', id(1), 0).sizeBytes, largeProfiles: [] });
      await store.profiles.delete(scope, DOMAIN, id(1));
      assert.equal((await store.profileObjects.stats(scope, DOMAIN)).objectCount, 1);
      assert.equal(await store.profileObjects.deleteAllOfType(scope, DOMAIN, 'Order'), 1);
      assert.equal(await store.profileObjects.get(scope, DOMAIN, 'Order', 'z'), undefined);
      assert.deepEqual(await keysOf(store, newScope(), id(3)), []);
    });

    it('keeps dead letters in arrival order, paged, and drops them with the domain', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 0);
      for (const n of [1, 2, 3]) {
        await store.deadLetters.add(scope, DOMAIN, { id: `00${n}`, objectTypeName: 'Order', object: `{"n":${n}}`, reason: 'NO_PROFILE_MATCH', createdAt: new Date(n) });
      }
      const first = await store.deadLetters.list(scope, DOMAIN, { limit: 2 });
      assert.deepEqual(first.items.map((letter) => letter.id), ['001', '002']);
      const second = await store.deadLetters.list(scope, DOMAIN, { limit: 2, after: first.nextAfter! });
      assert.deepEqual(second.items, [{ id: '003', objectTypeName: 'Order', object: '{"n":3}', reason: 'NO_PROFILE_MATCH', createdAt: new Date(3) }]);
      assert.deepEqual(await store.deadLetters.get(scope, DOMAIN, '002'), { id: '002', objectTypeName: 'Order', object: '{"n":2}', reason: 'NO_PROFILE_MATCH', createdAt: new Date(2) });
      assert.equal(await store.deadLetters.get(newScope(), DOMAIN, '002'), undefined);
      await store.domains.delete(scope, DOMAIN);
      assert.deepEqual((await store.deadLetters.list(scope, DOMAIN, { limit: 5 })).items, []);
    });
  });
}
