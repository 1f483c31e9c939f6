// Auto-merge leaves undone a merge whose profile would pass the 250 KB limit (spec §3.15), as
// MergeProfiles refuses it, and goes on with the job's other merges: on a real store of each backend.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMerges } from '../../src/domain/identity-resolution/auto-merge.js';
import type { IdentityResolutionJobRecord } from '../../src/storage/ports.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessContainer } from '../support/in-process.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const NOW = new Date(Date.UTC(2026, 5, 1));

/** About 150 KB of attributes named with `prefix`. */
const large = (prefix: string) => Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`${prefix}${i}`, 'v'.repeat(240)]));

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`auto-merge and the profile size limit on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    const container = useInProcessContainer(backend, () => NOW);

    test('a merge past 250 KB is left undone; the next merge of the job is made', async () => {
      const { domains, profiles, profileMerge } = container().services;
      await domains.create(scope, { name: 'sized', defaultExpirationDays: 10 });
      const big = await profiles.create(scope, 'sized', { firstName: 'Ann', attributes: large('a') });
      const bigToo = await profiles.create(scope, 'sized', { firstName: 'Ann', attributes: large('b') });
      const small = await profiles.create(scope, 'sized', { firstName: 'Bob' });
      const smallToo = await profiles.create(scope, 'sized', { firstName: 'Bob', lastName: 'Lee' });
      const job: IdentityResolutionJobRecord = {
        domainName: 'sized',
        jobId: 'f'.repeat(32),
        status: 'MERGING',
        lastUpdatedAt: NOW,
        jobExpirationTime: NOW,
        profilesReviewed: 4,
        matchesFound: 2,
        mergesDone: 0,
        createdAt: NOW,
      };
      const merges = [
        { mainId: big, mergedIds: [bigToo] },
        { mainId: small, mergedIds: [smallToo] },
      ];
      const done = await applyMerges(container().store, profileMerge, scope, merges, job, () => NOW, async () => undefined);
      assert.equal(done.mergesDone, 1);
      const left = (await container().store.profiles.getMany(scope, 'sized', [big, bigToo, small, smallToo])).map((record) => record.profileId).sort();
      assert.deepEqual(left, [big, bigToo, small].sort());
    });
  });
}
