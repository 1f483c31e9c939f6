// The identity-resolution job in-process on both backends with an injected clock: PENDING, then through
// PREPROCESSING, FIND_MATCHING and MERGING to COMPLETED with its stats and match groups; FAILED with a Message.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IDENTITY_RESOLUTION, JOB_RETENTION_MS, startIdentityResolutionJob } from '../../src/jobs/handlers/identity-resolution.js';
import type { IdentityResolutionJobRecord } from '../../src/storage/ports.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessContainer } from '../support/in-process.js';
import { DISTINCT, DUPLICATES } from './people.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`identity-resolution job on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    let now = Date.UTC(2026, 0, 1);
    const container = useInProcessContainer(backend, () => new Date(now));

    test('a job moves PENDING → PREPROCESSING → FIND_MATCHING → MERGING → COMPLETED and writes the match groups', async () => {
      const { domains, profiles } = container().services;
      await domains.create(scope, { name: 'ir', defaultExpirationDays: 30 });
      const ids: string[] = [];
      for (const fields of [...DISTINCT, ...DUPLICATES]) ids.push(await profiles.create(scope, 'ir', fields));

      const created = new Date(now);
      const jobId = await startIdentityResolutionJob(container().store, scope, 'ir', created);
      assert.match(jobId, /^[0-9a-f]{32}$/);
      const pending = await container().store.identityResolution.getJob(scope, 'ir', jobId);
      assert.equal(pending?.status, 'PENDING');
      assert.equal(pending?.jobStartTime, undefined);
      assert.equal(pending?.jobExpirationTime.getTime(), created.getTime() + JOB_RETENTION_MS);

      const repository = container().store.identityResolution;
      const putJob = repository.putJob.bind(repository);
      const seen: string[] = [];
      repository.putJob = async (s, record: IdentityResolutionJobRecord) => {
        seen.push(record.status);
        now += 1_000; // each step takes a second of the injected clock
        return putJob(s, record);
      };
      try {
        now += 60_000;
        assert.equal(await container().jobs.runOnce(), 1);
      } finally {
        repository.putJob = putJob;
      }
      assert.deepEqual(seen, ['PREPROCESSING', 'FIND_MATCHING', 'MERGING', 'COMPLETED']);

      const job = await container().store.identityResolution.getJob(scope, 'ir', jobId);
      assert.equal(job?.status, 'COMPLETED');
      assert.equal(job?.message, undefined);
      assert.equal(job?.jobStartTime?.getTime(), created.getTime() + 60_000);
      assert.ok(job?.jobEndTime && job.jobEndTime > job.jobStartTime, 'the job ends after it started');
      assert.equal(job?.profilesReviewed, 13);
      assert.equal(job?.matchesFound, 3);
      assert.equal(job?.mergesDone, 0);

      const matches = await container().store.identityResolution.listMatches(scope, 'ir', { limit: 10 });
      const groups = matches.items.map((group) => [...group.profileIds].sort().join(',')).sort();
      const expected = [0, 1, 2].map((k) => [ids[k], ids[DISTINCT.length + k]].sort().join(',')).sort();
      assert.deepEqual(groups, expected, 'each duplicate is grouped with its original, and nothing else is');
      for (const group of matches.items) {
        assert.match(group.matchId, /^[0-9a-f]{32}$/);
        assert.equal(group.jobId, jobId);
        assert.ok(group.confidenceScore >= 0.9 && group.confidenceScore <= 1, `score ${group.confidenceScore}`);
      }
      assert.equal(await container().jobs.runOnce(), 0, 'a completed job does not run again');
    });

    test('a second job replaces the match groups, and a storage error ends a job FAILED with its Message', async () => {
      const second = await startIdentityResolutionJob(container().store, scope, 'ir', new Date(now));
      assert.equal(await container().jobs.runOnce(), 1);
      const groups = await container().store.identityResolution.listMatches(scope, 'ir', { limit: 10 });
      assert.equal(groups.items.length, 3);
      assert.ok(groups.items.every((group) => group.jobId === second));

      const repository = container().store.domains;
      const get = repository.get.bind(repository);
      repository.get = async () => {
        throw new Error('disk on fire');
      };
      now += 1_000;
      const third = await startIdentityResolutionJob(container().store, scope, 'ir', new Date(now));
      try {
        assert.equal(await container().jobs.runOnce(), 1);
      } finally {
        repository.get = get;
      }
      const failed = await container().store.identityResolution.getJob(scope, 'ir', third);
      assert.equal(failed?.status, 'FAILED');
      assert.equal(failed?.message, 'disk on fire');
      assert.ok(failed?.jobEndTime);
      const kept = await container().store.identityResolution.listMatches(scope, 'ir', { limit: 10 });
      assert.ok(kept.items.every((group) => group.jobId === second), 'a failed job leaves the previous groups');

      const listed = await container().store.identityResolution.listJobs(scope, 'ir', { limit: 2 });
      assert.equal(listed.items.length, 2);
      assert.ok(listed.nextAfter);
      const rest = await container().store.identityResolution.listJobs(scope, 'ir', { limit: 2, after: listed.nextAfter });
      assert.equal(rest.items.length, 1);
      assert.equal(rest.nextAfter, undefined);
      assert.equal(new Set([...listed.items, ...rest.items].map((job) => job.jobId)).size, 3, 'every job once');
      assert.equal(listed.items[0]?.jobId, third, 'newest first');
    });

    test('a job whose worker died mid-run is run again from the start by the next worker once the lease runs out', async () => {
      const jobId = await startIdentityResolutionJob(container().store, scope, 'ir', new Date(now));
      const [queued] = await container().store.jobs.due(new Date(now), [IDENTITY_RESOLUTION], 10);
      assert.ok(queued);
      assert.ok(await container().store.jobs.claim(queued, 'dead-worker', new Date(now), new Date(now + 60_000)));
      const pending = await container().store.identityResolution.getJob(scope, 'ir', jobId);
      assert.ok(pending);
      await container().store.identityResolution.putJob(scope, { ...pending, status: 'FIND_MATCHING', jobStartTime: new Date(now) });
      assert.equal(await container().jobs.runOnce(), 0, 'the dead worker still holds the lease');
      now += 61_000;
      assert.equal(await container().jobs.runOnce(), 1);
      const done = await container().store.identityResolution.getJob(scope, 'ir', jobId);
      assert.equal(done?.status, 'COMPLETED');
      assert.equal(done?.jobStartTime?.getTime(), now, 'the rerun starts afresh');
      assert.equal(done?.matchesFound, 3);
      const groups = await container().store.identityResolution.listMatches(scope, 'ir', { limit: 10 });
      assert.ok(groups.items.length === 3 && groups.items.every((group) => group.jobId === jobId));
    });

    test('deleting the domain removes its jobs and match groups', async () => {
      await container().services.domains.delete(scope, 'ir');
      assert.deepEqual((await container().store.identityResolution.listJobs(scope, 'ir', { limit: 10 })).items, []);
      assert.deepEqual((await container().store.identityResolution.listMatches(scope, 'ir', { limit: 10 })).items, []);
    });
  });
}
