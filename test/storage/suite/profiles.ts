// Conformance cases for the profile and profile-key repositories: records, row locks, the search index.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyCriterion, ProfileKey, ProfileRecord, Scope, Store } from '../../../src/storage/ports.js';
import { UniqueViolationError } from '../../../src/storage/errors.js';
import { domainRecord, newScope, unlessGap } from './target.js';
import type { SuiteContext } from './target.js';

const DOMAIN = 'people';

function profile(id: string, extra: Partial<ProfileRecord> = {}): ProfileRecord {
  return {
    profileId: id,
    fields: { firstName: 'Ada', address: { city: 'Zürich' }, attributes: { 'a.b': '"q"' } },
    sources: { firstName: 'manual' },
    version: 1,
    createdAt: new Date(1_700_000_000_123),
    lastUpdatedAt: new Date(1_700_000_000_457),
    ...extra,
  };
}

function id(n: number): string {
  return n.toString(16).padStart(32, '0');
}

function key(profileId: string, keyName: string, value: string, origin: ProfileKey['origin'] = 'standard'): ProfileKey {
  return { keyName, value, profileId, origin };
}

async function seeded(store: Store, count: number): Promise<Scope> {
  const scope = newScope();
  await store.domains.create(scope, domainRecord(DOMAIN));
  for (let n = 1; n <= count; n++) await store.profiles.create(scope, DOMAIN, profile(id(n)));
  return scope;
}

async function allIds(store: Store, scope: Scope, criteria: KeyCriterion[], mode: 'AND' | 'OR', limit = 2): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await store.profileKeys.search(scope, DOMAIN, criteria, mode, after === undefined ? { limit } : { limit, after });
    ids.push(...page.items);
    after = page.nextAfter;
  } while (after !== undefined);
  return ids;
}

export function profileCases(ctx: SuiteContext): void {
  describe('profiles', () => {
    it('creates, reads, updates and deletes a profile with its JSON and times intact', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 0);
      await store.profiles.create(scope, DOMAIN, profile(id(1)));
      await assert.rejects(store.profiles.create(scope, DOMAIN, profile(id(1))), UniqueViolationError);
      assert.deepEqual(await store.profiles.get(scope, DOMAIN, id(1)), profile(id(1)));
      const changed = profile(id(1), { fields: { lastName: 'Lovelace' }, sources: {}, version: 7, lastUpdatedAt: new Date(1_800_000_000_001) });
      await store.profiles.update(scope, DOMAIN, changed);
      assert.deepEqual(await store.profiles.get(scope, DOMAIN, id(1)), changed);
      assert.equal(await store.profiles.count(scope, DOMAIN), 1);
      assert.equal(await store.profiles.delete(scope, DOMAIN, id(1)), true);
      assert.equal(await store.profiles.delete(scope, DOMAIN, id(1)), false);
      assert.equal(await store.profiles.get(scope, DOMAIN, id(1)), undefined);
    });

    it('reads many profiles at once, skipping missing ids, and stays in its scope', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 3);
      const got = await store.profiles.getMany(scope, DOMAIN, [id(3), id(1), id(9), id(1)]);
      assert.deepEqual(got.map((p) => p.profileId).sort(), [id(1), id(3)]);
      assert.deepEqual(await store.profiles.getMany(newScope(), DOMAIN, [id(1)]), []);
      assert.equal(await store.profiles.count(newScope(), DOMAIN), 0);
    });

    it('lock bumps the version and returns the row; a missing profile gives undefined', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 1);
      const locked = await store.transaction((repos) => repos.profiles.lock(scope, DOMAIN, id(1)));
      assert.equal(locked?.version, 2);
      assert.deepEqual(locked?.fields, profile(id(1)).fields);
      assert.equal(await store.transaction((repos) => repos.profiles.lock(scope, DOMAIN, id(2))), undefined);
    });

    it('a second locker waits for the first to commit and then sees its write', unlessGap(ctx.target, 'concurrentTransactions'), async () => {
      const store = ctx.store();
      const scope = await seeded(store, 1);
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let firstLocked: () => void = () => {};
      const locked = new Promise<void>((resolve) => (firstLocked = resolve));
      const first = store.transaction(async (repos) => {
        const row = await repos.profiles.lock(scope, DOMAIN, id(1));
        firstLocked();
        await held;
        await repos.profiles.update(scope, DOMAIN, { ...row!, fields: { firstName: 'first' } });
      });
      await locked;
      const second = store.transaction(async (repos) => (await repos.profiles.lock(scope, DOMAIN, id(1)))?.fields);
      setTimeout(release, 50);
      await first;
      assert.deepEqual(await second, { firstName: 'first' });
    });

    it('deleting a domain\'s profiles removes them and their keys, and nothing elsewhere', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 2);
      const other = await seeded(store, 1);
      await store.profileKeys.add(scope, DOMAIN, [key(id(1), '_email', 'a@x')]);
      await store.profileKeys.add(other, DOMAIN, [key(id(1), '_email', 'a@x')]);
      await store.profiles.deleteAllInDomain(scope, DOMAIN);
      assert.equal(await store.profiles.count(scope, DOMAIN), 0);
      assert.deepEqual(await store.profileKeys.listForProfile(scope, DOMAIN, id(1)), []);
      assert.equal(await store.profiles.count(other, DOMAIN), 1);
      assert.equal((await store.profileKeys.listForProfile(other, DOMAIN, id(1))).length, 1);
    });
  });

  describe('profile keys', () => {
    it('adds idempotently, lists per profile, removes exact keys and values of any origin', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 1);
      const keys = [key(id(1), '_email', 'a@x'), key(id(1), '_email', 'a@x', 'custom'), key(id(1), 'loyalty', 'L1', 'custom')];
      await store.profileKeys.add(scope, DOMAIN, keys);
      await store.profileKeys.add(scope, DOMAIN, keys);
      assert.deepEqual(await store.profileKeys.listForProfile(scope, DOMAIN, id(1)), [keys[1], keys[0], keys[2]]);
      await store.profileKeys.remove(scope, DOMAIN, [keys[2]!]);
      assert.equal(await store.profileKeys.removeValues(scope, DOMAIN, id(1), '_email', ['a@x', 'zzz']), 2);
      assert.deepEqual(await store.profileKeys.listForProfile(scope, DOMAIN, id(1)), []);
    });

    it('a profile\'s keys go with it', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 1);
      await store.profileKeys.add(scope, DOMAIN, [key(id(1), '_phone', '+1')]);
      await store.profiles.delete(scope, DOMAIN, id(1));
      assert.deepEqual(await store.profileKeys.listForProfile(scope, DOMAIN, id(1)), []);
    });

    it('searches with OR and AND, pages in profile-id order, and each profile appears once', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 6);
      await store.profileKeys.add(scope, DOMAIN, [
        key(id(5), '_email', 'e'),
        key(id(5), '_email', 'e', 'custom'),
        key(id(1), '_email', 'e'),
        key(id(3), '_email', 'f'),
        key(id(3), '_phone', 'p'),
        key(id(5), '_phone', 'p'),
        key(id(6), '_phone', 'q'),
        key(id(2), 'other', 'e'),
      ]);
      const email: KeyCriterion = { keyName: '_email', values: ['e', 'f'] };
      const phone: KeyCriterion = { keyName: '_phone', values: ['p'] };
      assert.deepEqual(await allIds(store, scope, [email], 'OR'), [id(1), id(3), id(5)]);
      assert.deepEqual(await allIds(store, scope, [email, phone, { keyName: '_phone', values: ['q'] }], 'OR', 1), [id(1), id(3), id(5), id(6)]);
      assert.deepEqual(await allIds(store, scope, [email, phone], 'AND'), [id(3), id(5)]);
      assert.deepEqual(await allIds(store, scope, [{ keyName: '_email', values: ['e'] }, { keyName: '_email', values: ['f'] }], 'AND'), []);
      assert.deepEqual(await allIds(store, scope, [email, { keyName: '_phone', values: [] }], 'AND'), []);
      assert.deepEqual(await allIds(store, scope, [email, { keyName: '_phone', values: [] }], 'OR'), [id(1), id(3), id(5)]);
      assert.deepEqual(await store.profileKeys.search(newScope(), DOMAIN, [email], 'OR', { limit: 5 }), { items: [] });
    });

    it('profiles.search returns the page of profiles with the key rows that matched each', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 4);
      await store.profileKeys.add(scope, DOMAIN, [
        key(id(3), '_email', 'f'),
        key(id(3), '_phone', 'p'),
        key(id(4), '_email', 'e'),
        key(id(4), '_email', 'e', 'custom'),
        key(id(4), '_phone', 'q'),
        key(id(1), '_phone', 'p'),
      ]);
      const criteria: KeyCriterion[] = [{ keyName: '_email', values: ['e', 'f'] }, { keyName: '_phone', values: ['p'] }];
      const first = await store.profiles.search(scope, DOMAIN, criteria, 'OR', { limit: 2 });
      assert.deepEqual(first.items.map((found) => found.profile), [profile(id(1)), profile(id(3))]);
      assert.deepEqual(first.items.map((found) => found.matched.map((m) => `${m.keyName}=${m.value}`).sort()), [['_phone=p'], ['_email=f', '_phone=p']]);
      assert.equal(first.nextAfter, id(3));
      const second = await store.profiles.search(scope, DOMAIN, criteria, 'OR', { limit: 2, after: first.nextAfter });
      assert.deepEqual(second.items.map((found) => [found.profile.profileId, found.matched.length]), [[id(4), 2]]);
      assert.equal(second.nextAfter, undefined);
      const and = await store.profiles.search(scope, DOMAIN, criteria, 'AND', { limit: 5 });
      assert.deepEqual(and.items.map((found) => found.profile.profileId), [id(3)]);
      assert.deepEqual(await store.profiles.search(newScope(), DOMAIN, criteria, 'OR', { limit: 5 }), { items: [] });
    });

    it('orders and compares key values byte-wise whatever the collation', async () => {
      const store = ctx.store();
      const scope = await seeded(store, 2);
      await store.profileKeys.add(scope, DOMAIN, [key(id(1), 'k', 'a'), key(id(2), 'k', 'A')]);
      assert.deepEqual(await allIds(store, scope, [{ keyName: 'k', values: ['a'] }], 'OR'), [id(1)]);
      assert.deepEqual(await allIds(store, scope, [{ keyName: 'K', values: ['a', 'A'] }], 'OR'), []);
    });
  });
}
