// Matching.JobSchedule in-process on both backends with an injected clock: enabling matching starts a first
// job an hour later (once, also with two workers polling; not when a job came first; again after
// re-enabling); the domain's weekly time starts one job every week; UpdateDomain moving or removing the
// schedule takes effect; a scheduled time that fires twice starts its job once; disabling matching deletes
// the jobs still PENDING.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JobRunner } from '../../src/jobs/runner.js';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { SCHEDULED_MATCHING, scheduledMatchingHandler } from '../../src/jobs/handlers/scheduled-matching.js';
import { FIRST_MATCHING_RUN, firstMatchingRunHandler } from '../../src/jobs/handlers/first-matching-run.js';
import { startIdentityResolutionJob } from '../../src/jobs/handlers/identity-resolution.js';
import { firstRunJobId, scheduledJobId } from '../../src/domain/identity-resolution/job-schedule.js';
import { ResourceNotFoundException } from '../../src/generated/errors.js';
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
    const clock = () => new Date(now);
    const container = useInProcessContainer(backend, clock);
    const jobIds = async (domain = 'weekly') => (await container().store.identityResolution.listJobs(scope, domain, { limit: 100 })).items.map((job) => job.jobId);
    const drain = async (runner = container().jobs) => {
      for (let round = 0; round < 10 && (await runner.runOnce()) > 0; round++);
    };
    const at = async (iso: string) => {
      now = Date.parse(iso);
      await drain();
    };
    const secondServer = () => new JobRunner(container().store, clock, jobHandlers(container().store, clock), { owner: 'second-server' });
    const matching = (schedule?: { DayOfTheWeek: string; Time: string }, enabled = true): JsonValue => ({ Enabled: enabled, ...(schedule ? { JobSchedule: schedule } : {}) });

    test('enabling starts a first job an hour later; the weekly time then starts one job, even with two workers polling, and again a week later', async () => {
      const { domains, profiles } = container().services;
      await domains.create(scope, { name: 'weekly', defaultExpirationDays: 365, matching: matching({ DayOfTheWeek: 'FRIDAY', Time: '9:30' }) });
      for (const fields of [...DISTINCT, ...DUPLICATES]) await profiles.create(scope, 'weekly', fields);
      await at('2026-01-01T00:59:00Z');
      assert.deepEqual(await jobIds(), [], 'nothing before the first run');
      await at('2026-01-01T01:00:00Z');
      assert.deepEqual(await jobIds(), [firstRunJobId(scope, 'weekly', new Date(Date.UTC(2026, 0, 1)))], 'the first run, an hour after enabling');
      const firstRun = await container().store.identityResolution.getJob(scope, 'weekly', (await jobIds())[0]!);
      assert.equal(firstRun?.status, 'COMPLETED');
      assert.equal(firstRun?.matchesFound, 3);

      await at('2026-01-02T09:29:00Z');
      assert.equal((await jobIds()).length, 1, 'nothing more before the weekly time');
      now = Date.parse('2026-01-02T09:30:00Z');
      await Promise.all([drain(), drain(secondServer())]);
      const weekly = await jobIds();
      assert.equal(weekly.length, 2, 'two workers, one weekly job');
      assert.equal(weekly[0], scheduledJobId(scope, 'weekly', new Date(now)));
      const job = await container().store.identityResolution.getJob(scope, 'weekly', weekly[0]!);
      assert.equal(job?.status, 'COMPLETED');
      assert.equal(job?.matchesFound, 3);

      await at('2026-01-09T09:29:00Z');
      assert.equal((await jobIds()).length, 2);
      await at('2026-01-09T09:30:00Z');
      assert.equal((await jobIds()).length, 3, 'a week later, the next job');
    });

    test('a scheduled time that fires again (a rerun after a dead worker) finds its job instead of starting another', async () => {
      const handler = scheduledMatchingHandler(container().store, clock);
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
      assert.equal((await jobIds()).length, 3, 'the job of 9 January exists already');
      assert.equal(outcome && outcome.rerunAt.toISOString(), '2026-01-16T09:30:00.000Z');
    });

    test('UpdateDomain moving the schedule takes effect, and disabling matching stops it', async () => {
      await container().services.domains.update(scope, 'weekly', { matching: matching({ DayOfTheWeek: 'MONDAY', Time: '08:00' }) });
      await at('2026-01-12T08:00:00Z');
      assert.equal((await jobIds()).length, 4, 'Monday 08:00 starts a job (and moving the schedule of an enabled domain is no first run)');
      await at('2026-01-16T09:30:00Z');
      assert.equal((await jobIds()).length, 4, 'the old Friday time starts none');
      await at('2026-01-19T08:00:00Z');
      assert.equal((await jobIds()).length, 5);

      await container().services.domains.update(scope, 'weekly', { matching: matching({ DayOfTheWeek: 'MONDAY', Time: '08:00' }, false) });
      await at('2026-01-26T08:00:00Z');
      await at('2026-01-31T00:00:00Z');
      assert.equal((await jobIds()).length, 5, 'matching disabled: no scheduled job');
    });

    test('matching enabled again without a JobSchedule: a new first run, then Saturdays at 00:00 UTC', async () => {
      await container().services.domains.update(scope, 'weekly', { matching: matching() });
      await at('2026-01-31T00:59:00Z');
      assert.equal((await jobIds()).length, 5);
      await at('2026-01-31T01:00:00Z');
      assert.equal((await jobIds())[0], firstRunJobId(scope, 'weekly', new Date('2026-01-31T00:00:00Z')), 'the first run after re-enabling');
      await at('2026-02-06T23:59:00Z');
      assert.equal((await jobIds()).length, 6);
      await at('2026-02-07T00:00:00Z');
      assert.equal((await jobIds()).length, 7);
      assert.ok(now - Date.UTC(2026, 0, 1) > 5 * 7 * DAY);
    });

    test('the first run starts one job with two workers polling, and a rerun of its queue entry finds it', async () => {
      const enabledAt = new Date('2026-03-02T10:00:00Z'); // a Monday; the weekly time is Sunday
      now = enabledAt.getTime();
      await container().services.domains.create(scope, { name: 'first', defaultExpirationDays: 365, matching: matching({ DayOfTheWeek: 'SUNDAY', Time: '12:00' }) });
      await at('2026-03-02T10:59:00Z');
      assert.deepEqual(await jobIds('first'), []);
      now = Date.parse('2026-03-02T11:00:00Z');
      await Promise.all([drain(), drain(secondServer())]);
      assert.deepEqual(await jobIds('first'), [firstRunJobId(scope, 'first', enabledAt)], 'two workers, one first run');

      const handler = firstMatchingRunHandler(container().store, clock);
      const entry = {
        id: 'replayed-first-run',
        accountId: scope.accountId,
        region: scope.region,
        kind: FIRST_MATCHING_RUN,
        payload: { domainName: 'first', enabledAt: enabledAt.toISOString() },
        status: 'running' as const,
        runAt: new Date('2026-03-02T11:00:00Z'),
        attempts: 2,
        createdAt: enabledAt,
        updatedAt: new Date(now),
      };
      await handler({ job: entry, scope, renew: async () => true });
      assert.equal((await jobIds('first')).length, 1, 'the rerun starts nothing');
    });

    test('re-enabling after disabling gets a new first run', async () => {
      const { domains } = container().services;
      now = Date.parse('2026-03-03T08:00:00Z');
      await domains.update(scope, 'first', { matching: matching(undefined, false) });
      const reenabledAt = new Date('2026-03-03T09:00:00Z');
      now = reenabledAt.getTime();
      await domains.update(scope, 'first', { matching: matching({ DayOfTheWeek: 'SUNDAY', Time: '12:00' }) });
      await at('2026-03-03T09:59:00Z');
      assert.equal((await jobIds('first')).length, 1);
      await at('2026-03-03T10:00:00Z');
      assert.deepEqual(await jobIds('first'), [firstRunJobId(scope, 'first', reenabledAt), firstRunJobId(scope, 'first', new Date('2026-03-02T10:00:00Z'))]);
    });

    test('a weekly time or a manual start before the first run takes its place', async () => {
      now = Date.parse('2026-03-06T09:00:00Z'); // a Friday
      const { domains } = container().services;
      await domains.create(scope, { name: 'weekfirst', defaultExpirationDays: 365, matching: matching({ DayOfTheWeek: 'FRIDAY', Time: '9:30' }) });
      await domains.create(scope, { name: 'manualfirst', defaultExpirationDays: 365, matching: matching({ DayOfTheWeek: 'SUNDAY', Time: '12:00' }) });
      await at('2026-03-06T09:10:00Z');
      const manual = await startIdentityResolutionJob(container().store, scope, 'manualfirst', clock());
      await at('2026-03-06T09:30:00Z');
      assert.deepEqual(await jobIds('weekfirst'), [scheduledJobId(scope, 'weekfirst', new Date(now))]);
      await at('2026-03-06T10:00:00Z');
      await at('2026-03-07T10:00:00Z');
      assert.equal((await jobIds('weekfirst')).length, 1, 'no first run after the weekly job');
      assert.deepEqual(await jobIds('manualfirst'), [manual], 'no first run after the manual job');
    });

    test('disabling matching deletes the PENDING jobs: GetIdentityResolutionJob no longer finds them and their queue runs start nothing', async () => {
      const { domains, identityResolution } = container().services;
      now = Date.parse('2026-04-01T08:00:00Z');
      await domains.create(scope, { name: 'pending', defaultExpirationDays: 365, matching: matching({ DayOfTheWeek: 'SUNDAY', Time: '12:00' }) });
      const done = await startIdentityResolutionJob(container().store, scope, 'pending', clock());
      await drain();
      now += MINUTE;
      const waiting = await startIdentityResolutionJob(container().store, scope, 'pending', clock());
      assert.equal((await identityResolution.getJob(scope, 'pending', waiting)).status, 'PENDING');

      await domains.update(scope, 'pending', { matching: matching(undefined, false) });
      await assert.rejects(identityResolution.getJob(scope, 'pending', waiting), ResourceNotFoundException);
      assert.deepEqual((await identityResolution.listJobs(scope, 'pending', 100, undefined)).items.map((job) => job.jobId), [done], 'the finished job stays');
      assert.equal((await identityResolution.getJob(scope, 'pending', done)).status, 'COMPLETED');
      await at('2026-04-01T10:00:00Z');
      assert.deepEqual(await jobIds('pending'), [done], 'the deleted job is not run, and matching off: no first run');
    });
  });
}
