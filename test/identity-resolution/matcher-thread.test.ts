// The matcher in a thread of its own: the same match groups as inline, read over its own connection, on
// both backends; the thread runs below the API's priority; a real server keeps answering while its job matches.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  CreateDomainCommand,
  CreateProfileCommand,
  GetIdentityResolutionJobCommand,
  SearchProfilesCommand,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { Worker } from 'node:worker_threads';
import { getPriority, tmpdir } from 'node:os';
import type { ProfileFields } from '../../src/domain/profiles/profile.js';
import { matchDomain } from '../../src/jobs/matching/domain-matching.js';
import { startIdentityResolutionJob } from '../../src/jobs/handlers/identity-resolution.js';
import { MATCHER_NICENESS } from '../../src/matching/worker/thread-priority.js';
import { openStore } from '../../src/storage/open-store.js';
import { syntheticProfiles } from '../../bench/identity-resolution/synthetic-people.js';
import { backends } from '../support/backends.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessContainer } from '../support/in-process.js';
import type { RunningServer } from '../support/server.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };

function people(count: number, seed: number): ProfileFields[] {
  return [...syntheticProfiles(count, seed)].map((profile) => profile.fields);
}

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`a job matched in a thread and inline on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    const container = useInProcessContainer(backend, () => new Date());
    const saved = process.env['OPENPROFILES_MATCHING_THREADS'];
    after(() => {
      if (saved === undefined) delete process.env['OPENPROFILES_MATCHING_THREADS'];
      else process.env['OPENPROFILES_MATCHING_THREADS'] = saved;
    });

    test('a domain matched in its own thread over its own connection gives the groups of an inline run', async () => {
      const { domains, profiles } = container().services;
      await domains.create(scope, { name: 'direct', defaultExpirationDays: 30 });
      for (const fields of people(600, 7)) await profiles.create(scope, 'direct', fields);
      const run = async (threads: number) => {
        const told: number[] = [];
        let renewals = 0;
        const jobId = `job-with-${threads}-threads`;
        const matched = await matchDomain(container().store, scope, 'direct', { jobId, generatedAt: new Date(1_800_000_000_000) }, {
          threads,
          database: container().config.database,
          onRead: async (count) => void told.push(count),
          keepAlive: async () => renewals++,
          keepAliveMs: 5,
        });
        assert.deepEqual(told, [600], 'told the profiles read, once');
        assert.equal(matched.profilesReviewed, 600);
        const stored = (await container().store.identityResolution.listMatches(scope, 'direct', { limit: 1_000 })).items;
        assert.equal(stored.length, matched.matchesFound, 'the groups are stored as the current set');
        assert.ok(stored.every((group) => group.jobId === jobId && group.generatedAt.getTime() === 1_800_000_000_000));
        return { groups: stored.map((group) => `${group.profileIds.join(',')} ${group.confidenceScore}`).sort(), renewals };
      };
      const inline = await run(0);
      const threaded = await run(1);
      assert.ok(inline.groups.length > 30, `a data set with duplicates (${inline.groups.length} groups)`);
      assert.deepEqual(threaded.groups, inline.groups);
      assert.ok(threaded.renewals > 0, 'the lease was renewed while the thread worked');
    });

    test('a thread that fails rejects with its reason, and a bad thread count is refused', async () => {
      const empty = { kind: 'sqlite' as const, file: join(tmpdir(), `op-empty-${process.pid}-${backend}.db`) };
      const job = { jobId: 'failing', generatedAt: new Date() };
      await assert.rejects(matchDomain(container().store, scope, 'direct', job, { threads: 1, database: empty }), /no such table: profiles/);
      await assert.rejects(matchDomain(container().store, scope, 'direct', job, { threads: -1 }), /whole number/);
    });

    test('writes the same match groups with the same confidence scores', async () => {
      const { domains, profiles } = container().services;
      await domains.create(scope, { name: 'threads', defaultExpirationDays: 30 });
      for (const fields of people(400, 9)) await profiles.create(scope, 'threads', fields);
      const groupsWith = async (threads: string) => {
        process.env['OPENPROFILES_MATCHING_THREADS'] = threads;
        await startIdentityResolutionJob(container().store, scope, 'threads', new Date());
        assert.equal(await container().jobs.runOnce(), 1);
        const page = await container().store.identityResolution.listMatches(scope, 'threads', { limit: 1_000 });
        return page.items.map((group) => `${[...group.profileIds].sort().join(',')} ${group.confidenceScore}`).sort();
      };
      const inline = await groupsWith('0');
      const threaded = await groupsWith('1');
      assert.ok(inline.length > 20, `${inline.length} groups`);
      assert.deepEqual(threaded, inline);
    });
  });
}

test('a matcher thread runs below the priority of the thread that answers requests', { skip: process.platform !== 'linux' && 'per-thread priority is Linux only' }, async () => {
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    import(workerData.module).then(({ lowerThisThreadsPriority }) => {
      const niceness = lowerThisThreadsPriority();
      const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
      parentPort.postMessage({ niceness, own: require('node:os').getPriority(tid) });
    });`;
  const module = new URL('../../src/matching/worker/thread-priority.js', import.meta.url).href;
  const before = getPriority();
  const reply = await new Promise<{ niceness: number; own: number }>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { module } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  assert.deepEqual(reply, { niceness: MATCHER_NICENESS, own: MATCHER_NICENESS });
  assert.equal(getPriority(), before, 'the process and its main thread keep their priority');
});

for (const backend of backends()) {
  describe(`a server on ${backend.name} while its identity-resolution job runs`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    before(async () => {
      server = await backend.start();
      client = server.client();
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('answers SearchProfiles between two reads that both see the job FIND_MATCHING', async () => {
      await client.send(new CreateDomainCommand({ DomainName: 'busy', DefaultExpirationDays: 30 }));
      const queue = people(1_500, 10);
      const create = async () => {
        for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
          const address = next.address;
          await client.send(
            new CreateProfileCommand({
              DomainName: 'busy',
              FirstName: next.firstName,
              LastName: next.lastName,
              BirthDate: next.birthDate,
              EmailAddress: next.emailAddress,
              PhoneNumber: next.phoneNumber,
              Address: { Address1: address?.address1, City: address?.city, State: address?.state, PostalCode: address?.postalCode },
            }),
          );
        }
      };
      await Promise.all(Array.from({ length: 8 }, create));

      // Enqueued through the store, as the schedule would: the server's own job runner picks it up.
      const store = await openStore(server.databaseUrl ? { kind: 'postgres', url: server.databaseUrl } : { kind: 'sqlite', file: join(server.dataDir, 'openprofiles.db') });
      const jobId = await startIdentityResolutionJob(store, scope, 'busy', new Date()).finally(() => store.close());
      const status = async () => (await client.send(new GetIdentityResolutionJobCommand({ DomainName: 'busy', JobId: jobId }))).Status;
      let answeredWhileMatching = 0;
      let last = await status();
      const deadline = Date.now() + 180_000;
      while (last !== 'COMPLETED' && last !== 'FAILED' && Date.now() < deadline) {
        const before = last;
        const found = await client.send(new SearchProfilesCommand({ DomainName: 'busy', KeyName: '_fullName', Values: ['nobody here'] }));
        assert.deepEqual(found.Items ?? [], []);
        last = await status();
        if (before === 'FIND_MATCHING' && last === 'FIND_MATCHING') answeredWhileMatching++;
      }
      assert.equal(last, 'COMPLETED');
      assert.ok(answeredWhileMatching >= 2, `answered ${answeredWhileMatching} searches while the job was matching`);
    });
  });
}
