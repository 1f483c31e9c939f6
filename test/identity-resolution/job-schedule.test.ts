// Matching.JobSchedule in-process on both backends with an injected clock: the domain's weekly time starts
// one job (also with two workers polling), every week; UpdateDomain moving or removing the schedule takes
// effect; a scheduled time that fires twice starts its job once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JobRunner } from '../../src/jobs/runner.js';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { SCHEDULED_MATCHING, scheduledMatchingHandler } from '../../src/jobs/handlers/scheduled-matching.js';
import type { JsonValue } from '../../src/storage/ports.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessContainer } from '../support/in-process.js';
import { DISTINCT, DUPLICATES } from './people.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`identity-resolution schedule on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    let now = Date.UTC(2026, 0, 1); // a Thursday, 00:00 UTC
    const container = useInProcessContainer(backend, () => new Date(now));
    const jobIds = async () => (await container().store.identityResolution.listJobs(scope, 'weekly', { limit: 100 })).items.map((job) => job.jobId);
    const drain = async (runner = container().jobs) => {
      for (let round = 0; round < 10 && (await runner.runOnce()) > 0; round++);
    };
    const at = async (iso: string) => {
      now = Date.parse(iso);
      await drain();
    };
    const matching = (schedule?: { DayOfTheWeek: string; Time: string }, enabled = true): JsonValue => ({ Enabled: enabled, ...(schedule ? { JobSchedule: schedule } : {}) });

    test('the weekly time starts one job, even with two workers polling, and again a week later', async () => {
      const { domains, profiles } = container().services;
      await domains.create(scope, { name: 'weekly', defaultExpirationDays: 365, matching: matching({ DayOfTheWeek: 'FRIDAY', Time: '9:30' }) });
      for (const fields of [...DISTINCT, ...DUPLICATES]) await profiles.create(scope, 'weekly', fields);
      await at('2026-01-02T09:29:00Z');
      assert.deepEqual(await jobIds(), [], 'nothing before the time');

      now = Date.parse('2026-01-02T09:30:00Z');
      const second = new JobRunner(container().store, () => new Date(now), jobHandlers(container().store, () => new Date(now)), { owner: 'second-server' });
      await Promise.all([drain(), drain(second)]);
      const first = await jobIds();
      assert.equal(first.length, 1, 'two workers, one job');
      const job = await container().store.identityResolution.getJob(scope, 'weekly', first[0]!);
      assert.equal(job?.status, 'COMPLETED');
      assert.equal(job?.matchesFound, 3);

      await at('2026-01-09T09:29:00Z');
      assert.equal((await jobIds()).length, 1);
      await at('2026-01-09T09:30:00Z');
      assert.equal((await jobIds()).length, 2, 'a week later, the next job');
    });

    test('a scheduled time that fires again (a rerun after a dead worker) finds its job instead of starting another', async () => {
      const handler = scheduledMatchingHandler(container().store, () => new Date(now));
      const entry = {
        id: 'replayed',
        accountId: scope.accountId,
        region: scope.region,
        kind: SCHEDULED_MATCHING,
        payload: { domainName: 'weekly', dayOfTheWeek: 'FRIDAY', time: '09:30' },
        status: 'running' as const,
        runAt: new Date('2026-01-09T09:30:00Z'),
        attempts: 1,
        createdAt: new Date(now),
        updatedAt: new Date(now),
      };
      const outcome = await handler({ job: entry, scope, renew: async () => true });
      assert.equal((await jobIds()).length, 2, 'the job of 9 January exists already');
      assert.equal(outcome && outcome.rerunAt.toISOString(), '2026-01-16T09:30:00.000Z');
    });

    test('UpdateDomain moving the schedule takes effect, and disabling matching stops it', async () => {
      await container().services.domains.update(scope, 'weekly', { matching: matching({ DayOfTheWeek: 'MONDAY', Time: '08:00' }) });
      await at('2026-01-12T08:00:00Z');
      assert.equal((await jobIds()).length, 3, 'Monday 08:00 starts a job');
      await at('2026-01-16T09:30:00Z');
      assert.equal((await jobIds()).length, 3, 'the old Friday time starts none');
      await at('2026-01-19T08:00:00Z');
      assert.equal((await jobIds()).length, 4);

      await container().services.domains.update(scope, 'weekly', { matching: matching({ DayOfTheWeek: 'MONDAY', Time: '08:00' }, false) });
      await at('2026-01-26T08:00:00Z');
      await at('2026-01-31T00:00:00Z');
      assert.equal((await jobIds()).length, 4, 'matching disabled: no scheduled job');
    });

    test('matching enabled without a JobSchedule runs on Saturdays at 00:00 UTC', async () => {
      await container().services.domains.update(scope, 'weekly', { matching: matching() });
      await at('2026-02-06T23:59:00Z');
      assert.equal((await jobIds()).length, 4);
      await at('2026-02-07T00:00:00Z');
      assert.equal((await jobIds()).length, 5);
      assert.ok(now - Date.UTC(2026, 0, 1) > 5 * 7 * DAY);
    });
  });
}
