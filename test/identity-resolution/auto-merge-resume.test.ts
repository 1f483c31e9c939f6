// A job whose worker dies in the middle of auto-merging, in-process on both backends with an injected clock:
// the next worker picks the job up in MERGING from its stored match groups, merges only what is left, and
// the job ends COMPLETED with every merge counted once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startIdentityResolutionJob } from '../../src/jobs/handlers/identity-resolution.js';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { Store } from '../../src/storage/ports.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessContainer } from '../support/in-process.js';
import { DISTINCT, DUPLICATES } from './people.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };

/** The store as a worker sees it whose process stops answering once `stalls()` says so: its lease renewals never return. */
function stallingStore(store: Store, stalls: () => Promise<boolean>): Store {
  const jobs = new Proxy(store.jobs, {
    get(target, property) {
      if (property === 'renew') {
        return async (...args: Parameters<Store['jobs']['renew']>) => ((await stalls()) ? new Promise<boolean>(() => {}) : target.renew(...args));
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Proxy(store, {
    get(target, property) {
      if (property === 'jobs') return jobs;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`auto-merge resumed after a dead worker on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    let now = Date.UTC(2026, 0, 1);
    const clock = () => new Date(now);
    const container = useInProcessContainer(backend, clock);

    test('the next worker finishes the merges the dead one left, counting each once', async () => {
      const { domains, profiles } = container().services;
      const matching = { Enabled: true, AutoMerging: { Enabled: true, Consolidation: { MatchingAttributesList: [['PhoneNumber']] }, ConflictResolution: { ConflictResolvingModel: 'RECENCY' } } };
      await domains.create(scope, { name: 'resume', defaultExpirationDays: 365, matching });
      for (const fields of [...DISTINCT, ...DUPLICATES]) await profiles.create(scope, 'resume', fields);
      const store = container().store;
      const jobId = await startIdentityResolutionJob(store, scope, 'resume', clock());
      const mergesDone = async () => (await store.identityResolution.getJob(scope, 'resume', jobId))?.mergesDone ?? 0;

      const dying = new JobRunner(stallingStore(store, async () => (await mergesDone()) >= 1), clock, jobHandlers(store, clock), { owner: 'dying-worker' });
      void dying.runOnce();
      for (let wait = 0; wait < 500 && (await mergesDone()) < 1; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
      const stalled = await store.identityResolution.getJob(scope, 'resume', jobId);
      assert.equal(stalled?.status, 'MERGING');
      assert.equal(stalled?.mergesDone, 1, 'the dead worker merged one group');
      assert.equal(await store.profiles.count(scope, 'resume'), 12);

      assert.equal(await container().jobs.runOnce(), 0, 'the dead worker still holds the lease');
      now += 61_000;
      assert.equal(await container().jobs.runOnce(), 1);
      const done = await store.identityResolution.getJob(scope, 'resume', jobId);
      assert.equal(done?.status, 'COMPLETED');
      assert.equal(done?.mergesDone, 3, 'three merges in all, none twice');
      assert.equal(done?.jobStartTime?.getTime(), stalled?.jobStartTime?.getTime(), 'picked up in MERGING, not run again from the start');
      assert.equal(await store.profiles.count(scope, 'resume'), 10);
      const groups = await store.identityResolution.listMatches(scope, 'resume', { limit: 10 });
      assert.ok(groups.items.length === 3 && groups.items.every((group) => group.jobId === jobId), "the job's groups stay");
    });
  });
}
