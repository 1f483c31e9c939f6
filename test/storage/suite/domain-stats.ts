// Conformance cases for GetDomain's Stats counters: after every kind of write (and after rolled-back ones,
// concurrent ones, and the migration's backfill of existing data) they equal a recount of the rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import type { ProfileObjectRecord } from '../../../src/storage/object-ports.js';
import type { DomainStats, ProfileRecord, Repositories, Scope, Store } from '../../../src/storage/ports.js';
import { afterMigrating } from './migrated.js';
import { domainRecord, newScope } from './target.js';
import type { SuiteContext } from './target.js';

const DOMAIN = 'counted';
const DAY = 86_400_000;
const id = (n: number) => n.toString(16).padStart(32, '0');

function profile(n: number, at = 1000): ProfileRecord {
  return { profileId: id(n), fields: {}, sources: {}, version: 1, createdAt: new Date(at), lastUpdatedAt: new Date(at) };
}

/** An object whose document grows with `pad`, so replacing it changes TotalSize. */
function object(type: string, key: string, owner: number, options: { pad?: number; expiresAt?: number } = {}): ProfileObjectRecord {
  const text = JSON.stringify({ key, note: 'Zürich', pad: 'x'.repeat(options.pad ?? 0) });
  return {
    objectTypeName: type,
    objectKey: key,
    profileId: id(owner),
    object: text,
    sizeBytes: Buffer.byteLength(text),
    keys: [{ keyName: 'k', value: key }],
    createdAt: new Date(1000),
    lastUpdatedAt: new Date(1000),
    expiresAt: new Date(options.expiresAt ?? 100 * DAY),
  };
}

/** The Stats as GetDomain computed them before they were counters: counting rows. */
async function recount(store: Store, scope: Scope, domainName: string): Promise<DomainStats> {
  const profileCount = await store.profiles.count(scope, domainName);
  const objects = await store.profileObjects.stats(scope, domainName);
  const extra = objects.largeProfiles.reduce((sum, n) => sum + Math.ceil(n / 100) - 1, 0);
  return { profileCount, objectCount: objects.objectCount, totalSize: objects.totalSize, meteringProfileCount: profileCount + extra };
}

async function agree(store: Store, scope: Scope, step: string, domainName = DOMAIN): Promise<DomainStats> {
  const expected = await recount(store, scope, domainName);
  assert.deepEqual(await store.domainStats.get(scope, domainName), expected, step);
  return expected;
}

const many = (type: string, from: number, count: number, owner: number) => Array.from({ length: count }, (_, i) => object(type, `${type}-${from + i}`, owner));

export function domainStatsCases(ctx: SuiteContext): void {
  describe('domain stats counters', () => {
    it('equal a recount after every kind of write, and leave out rolled-back ones', async () => {
      const store = ctx.store();
      const scope = newScope();
      await store.domains.create(scope, domainRecord(DOMAIN));
      assert.deepEqual(await agree(store, scope, 'a new domain'), { profileCount: 0, objectCount: 0, totalSize: 0, meteringProfileCount: 0 });

      for (const n of [1, 2, 3]) await store.profiles.create(scope, DOMAIN, profile(n));
      await store.transaction(async (repos) => {
        await repos.profiles.create(scope, DOMAIN, profile(4));
        await repos.profileObjects.put(scope, DOMAIN, object('Order', 'o1', 4));
      });
      await agree(store, scope, 'profiles created, one with an object');

      await store.profileObjects.put(scope, DOMAIN, object('Order', 'o2', 1));
      await store.profileObjects.put(scope, DOMAIN, object('Order', 'o2', 1, { pad: 500 }));
      await agree(store, scope, 'an object replaced by a larger one');
      await store.profileObjects.put(scope, DOMAIN, object('Order', 'o2', 2, { pad: 10 }));
      await agree(store, scope, 'an object moved to another profile');

      // The batch path: new and existing profiles, 200 objects onto one profile (metered twice), one object moved.
      await store.transaction(async (repos) => {
        await repos.ingestionBatch.writeProfiles(scope, DOMAIN, [profile(5), { ...profile(1), version: 2 }]);
        await repos.ingestionBatch.writeObjects(scope, DOMAIN, [...many('Order', 100, 200, 1), object('Order', 'o1', 5)]);
      });
      const batched = await agree(store, scope, 'a batch of profiles and objects');
      assert.equal(batched.meteringProfileCount, batched.profileCount + 1, 'profile 1 holds 200 objects');
      await store.ingestionBatch.writeObjects(scope, DOMAIN, [object('Case', 'c1', 1)]);
      assert.equal((await agree(store, scope, 'a 201st object')).meteringProfileCount, batched.profileCount + 2);
      await store.profileObjects.delete(scope, DOMAIN, 'Case', 'c1');
      assert.equal((await agree(store, scope, 'back to 200')).meteringProfileCount, batched.profileCount + 1);

      await store.transaction(async (repos) => {
        await repos.profileObjects.reassign(scope, DOMAIN, [id(1), id(2)], id(3));
        await repos.profiles.delete(scope, DOMAIN, id(1));
        await repos.profiles.delete(scope, DOMAIN, id(2));
      });
      await agree(store, scope, 'a merge');
      assert.equal(await store.profiles.delete(scope, DOMAIN, id(3)), true);
      assert.equal(await store.profiles.delete(scope, DOMAIN, id(3)), false);
      await agree(store, scope, 'a profile deleted with its 201 objects');

      for (const n of [6, 7, 8]) await store.profiles.create(scope, DOMAIN, profile(n));
      await store.ingestionBatch.writeObjects(scope, DOMAIN, [...many('Lead', 0, 3, 6), object('Order', 'o3', 7), object('Order', 'o4', 7, { expiresAt: DAY })]);
      assert.equal(await store.profileObjects.deleteAllOfType(scope, DOMAIN, 'Lead'), 3);
      await agree(store, scope, 'an object type purged');
      await store.transaction(async (repos) => {
        assert.equal(await repos.expiry.deleteExpiredObjects(scope, DOMAIN, new Date(2 * DAY)), 1);
        // Profile 4 (its object moved away), 6 (its type purged) and 8 (never had one).
        assert.equal(await repos.expiry.deleteIdleProfiles(scope, DOMAIN, new Date(2000)), 3);
      });
      await agree(store, scope, 'expiry');

      const before = await agree(store, scope, 'before the failures');
      const failure = new Error('work failed');
      const writeAndFail = async (repos: Repositories) => {
        await repos.profiles.create(scope, DOMAIN, profile(9));
        await repos.profileObjects.put(scope, DOMAIN, object('Order', 'o9', 9));
        throw failure;
      };
      await assert.rejects(store.transaction(writeAndFail), (error) => error === failure);
      // A grouped write that fails is undone alone, its counts with it; the one beside it stays.
      const grouped = [store.groupedTransaction(writeAndFail), store.groupedTransaction((repos) => repos.profileObjects.put(scope, DOMAIN, object('Order', 'o10', 7)))];
      await assert.rejects(grouped[0]!, (error) => error === failure);
      await grouped[1];
      const after = await agree(store, scope, 'rolled-back writes');
      assert.equal(after.objectCount, before.objectCount + 1);
      assert.equal(after.profileCount, before.profileCount);

      await store.profiles.deleteAllInDomain(scope, DOMAIN);
      assert.equal((await agree(store, scope, 'every profile deleted')).profileCount, 0);
      await store.profiles.create(scope, DOMAIN, profile(10));
      await store.domains.delete(scope, DOMAIN);
      await store.domains.create(scope, domainRecord(DOMAIN));
      assert.deepEqual(await agree(store, scope, 'a re-created domain'), { profileCount: 0, objectCount: 0, totalSize: 0, meteringProfileCount: 0 });
      assert.deepEqual(await store.domainStats.get(newScope(), DOMAIN), { profileCount: 0, objectCount: 0, totalSize: 0, meteringProfileCount: 0 });
    });

    it('equal a recount after concurrent writers, around the 100-object boundary', async () => {
      const store = ctx.store();
      const scope = newScope();
      await store.domains.create(scope, domainRecord(DOMAIN));
      for (const n of [1, 2]) await store.profiles.create(scope, DOMAIN, profile(n));
      await store.ingestionBatch.writeObjects(scope, DOMAIN, many('Order', 0, 95, 1));
      // Each writer holds its profile's lock, as ingestion does.
      const writer = (n: number) =>
        store.transaction(async (repos) => {
          const owner = n % 3 === 0 ? 2 : 1;
          await repos.profiles.lock(scope, DOMAIN, id(owner));
          await repos.profileObjects.put(scope, DOMAIN, object('Order', `w-${n}`, owner, { pad: n }));
          if (n % 4 === 0) await repos.profiles.create(scope, DOMAIN, profile(100 + n));
        });
      await Promise.all(Array.from({ length: 40 }, (_, n) => writer(n)));
      const stats = await agree(store, scope, 'after the concurrent writers');
      assert.ok(stats.objectCount > 100);
    });

    it('are backfilled for existing data by the migration that introduces them', async () => {
      const scope = newScope();
      const objects = [...many('Order', 0, 250, 1), object('Order', 'single', 2, { pad: 7 })];
      await afterMigrating(
        ctx,
        '0019-current-match-jobs',
        async (db) => {
          await sql`insert into domains (account_id, region, name, default_expiration_days, created_at, last_updated_at)
            values (${scope.accountId}, ${scope.region}, ${DOMAIN}, 10, 1, 1), (${scope.accountId}, ${scope.region}, 'empty', 10, 1, 1)`.execute(db);
          for (const n of [1, 2, 3]) {
            await sql`insert into profiles (account_id, region, domain_name, profile_id, fields_json, sources_json, version, created_at, last_updated_at)
              values (${scope.accountId}, ${scope.region}, ${DOMAIN}, ${id(n)}, '{}', '{}', 1, 1, 1)`.execute(db);
          }
          for (const o of objects) {
            await sql`insert into profile_objects (account_id, region, domain_name, object_type_name, object_key, profile_id, object_json, size_bytes, created_at, last_updated_at, expires_at)
              values (${scope.accountId}, ${scope.region}, ${DOMAIN}, ${o.objectTypeName}, ${o.objectKey}, ${o.profileId}, ${o.object}, ${o.sizeBytes}, 1, 1, 1)`.execute(db);
          }
        },
        async (store) => {
          const stats = await agree(store, scope, 'backfilled');
          assert.deepEqual(stats, { profileCount: 3, objectCount: 251, totalSize: objects.reduce((sum, o) => sum + o.sizeBytes, 0), meteringProfileCount: 3 + 2 });
          await agree(store, scope, 'a domain without profiles', 'empty');
        },
      );
    });
  });
}
