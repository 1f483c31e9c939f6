// The weekly job quota and PENDING jobs of a disabled domain, over the wire on both backends (in-process
// server, the test's clock; requests are signed with that clock): three identity-resolution jobs per
// domain per 7 days may start through the signed route, counting the jobs the service starts itself (which
// are never refused); the fourth is a BadRequestException naming the quota and when the next may start, and
// a week later a start is accepted again. UpdateDomain disabling Matching deletes the jobs still PENDING.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateDomainCommand,
  GetIdentityResolutionJobCommand,
  ListIdentityResolutionJobsCommand,
  ResourceNotFoundException,
  UpdateDomainCommand,
  type JobScheduleDayOfTheWeek,
} from '@aws-sdk/client-customer-profiles';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessServer } from '../support/in-process-server.js';
import { signedFetch } from '../support/signed-fetch.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEEK = 7 * 24 * HOUR;
const DAYS: readonly JobScheduleDayOfTheWeek[] = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const START = (domain: string) => `/_openprofiles/domains/${encodeURIComponent(domain)}/identity-resolution-jobs`;

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`identity-resolution job quota on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);
    const server = useInProcessServer(backend, clock);
    const client = () => {
      server().client.config.systemClockOffset = offset;
      return server().client;
    };
    const start = (domain: string) => signedFetch(server().endpoint, server().root, { method: 'POST', path: START(domain), signingDate: clock() });
    const jobsOf = async (domain: string) => (await server().container.store.identityResolution.listJobs(scope, domain, { limit: 100 })).items;
    const drain = async () => {
      for (let round = 0; round < 10 && (await server().container.jobs.runOnce()) > 0; round++);
    };
    const assertRefused = async (domain: string) => {
      const refused = await start(domain);
      assert.equal(refused.status, 400, refused.text);
      assert.equal(refused.headers.get('x-amzn-errortype'), 'BadRequestException');
      assert.match(String(refused.json?.['Message']), /3 identity-resolution jobs per domain per week/);
      return String(refused.json?.['Message']);
    };

    test('jobs the service starts itself (first run, weekly time) count toward the quota and are never refused', async () => {
      const weekly = new Date(clock().getTime() + 2 * HOUR);
      const JobSchedule = { DayOfTheWeek: DAYS[weekly.getUTCDay()]!, Time: `${weekly.getUTCHours()}:${String(weekly.getUTCMinutes()).padStart(2, '0')}` };
      await client().send(new CreateDomainCommand({ DomainName: 'counted', DefaultExpirationDays: 30, Matching: { Enabled: true, JobSchedule } }));
      offset += HOUR + MINUTE;
      await drain();
      assert.equal((await jobsOf('counted')).length, 1, 'the first run');
      for (let started = 0; started < 2; started++) {
        const result = await start('counted');
        assert.equal(result.status, 200, result.text);
      }
      await assertRefused('counted');
      assert.equal((await jobsOf('counted')).length, 3, 'a refused start writes nothing');

      offset += HOUR;
      await drain();
      assert.equal((await jobsOf('counted')).length, 4, 'the weekly time starts its job beyond the quota');
      await assertRefused('counted');
    });

    test('UpdateDomain disabling Matching deletes the PENDING jobs: GetIdentityResolutionJob answers ResourceNotFoundException', async () => {
      await client().send(new CreateDomainCommand({ DomainName: 'switched-off', DefaultExpirationDays: 30, Matching: { Enabled: true } }));
      const done = String((await start('switched-off')).json?.['JobId']);
      await drain();
      const waiting = String((await start('switched-off')).json?.['JobId']);
      assert.equal((await client().send(new GetIdentityResolutionJobCommand({ DomainName: 'switched-off', JobId: waiting }))).Status, 'PENDING');

      await client().send(new UpdateDomainCommand({ DomainName: 'switched-off', Matching: { Enabled: false } }));
      await assert.rejects(client().send(new GetIdentityResolutionJobCommand({ DomainName: 'switched-off', JobId: waiting })), ResourceNotFoundException);
      const listed = await client().send(new ListIdentityResolutionJobsCommand({ DomainName: 'switched-off' }));
      assert.deepEqual(
        listed.IdentityResolutionJobsList?.map((job) => [job.JobId, job.Status]),
        [[done, 'COMPLETED']],
      );
    });

    test('the fourth start in 7 days is refused, saying when the next may start; at that time it is accepted', async () => {
      await client().send(new CreateDomainCommand({ DomainName: 'quota', DefaultExpirationDays: 30, Matching: { Enabled: true } }));
      for (let started = 0; started < 3; started++) {
        offset += MINUTE;
        const result = await start('quota');
        assert.equal(result.status, 200, result.text);
      }
      offset += MINUTE;
      const message = await assertRefused('quota');
      const jobs = await jobsOf('quota');
      assert.equal(jobs.length, 3, 'a refused start writes nothing');
      const nextStart = new Date(jobs[2]!.createdAt.getTime() + WEEK);
      assert.ok(message.includes(nextStart.toISOString()), message);

      offset = nextStart.getTime() - Date.now() - 10_000;
      await assertRefused('quota');
      offset = nextStart.getTime() - Date.now() + 1_000;
      const accepted = await start('quota');
      assert.equal(accepted.status, 200, accepted.text);
      assert.equal((await jobsOf('quota')).length, 4);
      await assertRefused('quota');
    });
  });
}
