// The matcher in a worker thread: the same clusters, matches and stats as inline, the same match groups
// from a whole job on both backends, and a real server that keeps answering while its job matches.
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
import { applyChanges } from '../../src/domain/profiles/apply-changes.js';
import { MANUAL_SOURCE, type ProfileFields } from '../../src/domain/profiles/profile.js';
import { toDocument } from '../../src/domain/profiles/profile-document.js';
import { toMatchRecord } from '../../src/domain/identity-resolution/match-record.js';
import { startIdentityResolutionJob } from '../../src/jobs/handlers/identity-resolution.js';
import type { MatchRecord } from '../../src/matching/index.js';
import { runMatcher } from '../../src/matching/worker/run-matcher.js';
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

function asRecords(fields: readonly ProfileFields[]): MatchRecord[] {
  return fields.map((profile, index) => toMatchRecord(String(index), toDocument(applyChanges({ fields: {}, sources: {} }, profile, MANUAL_SOURCE).fields)));
}

const withoutTimes = <T extends { stats: { milliseconds: unknown } }>(outcome: T) => ({ ...outcome, stats: { ...outcome.stats, milliseconds: undefined } });

test('the matcher thread returns exactly the clusters, matches and stats of an inline run', async () => {
  const records = asRecords(people(1_500, 7));
  const inline = await runMatcher(records, { threads: 0 });
  const threaded = await runMatcher(records, { threads: 1 });
  assert.ok(inline.clusters.length > 100, `a data set with duplicates (${inline.clusters.length} clusters)`);
  assert.deepEqual(withoutTimes(threaded), withoutTimes(inline));
});

test('a run keeps the job alive while it works, and a thread error rejects', async () => {
  let renewals = 0;
  await runMatcher(asRecords(people(800, 8)), { threads: 1, keepAlive: async () => renewals++, keepAliveMs: 5 });
  assert.ok(renewals > 0, 'the lease was renewed during the run');
  await assert.rejects(runMatcher([{ id: 'a' }, { id: 'b' }], { threads: -1 }), /./, 'a bad thread count is refused, not ignored');
});

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`a job matched in a thread and inline on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    const container = useInProcessContainer(backend, () => new Date());
    const saved = process.env['OPENPROFILES_MATCHING_THREADS'];
    after(() => {
      if (saved === undefined) delete process.env['OPENPROFILES_MATCHING_THREADS'];
      else process.env['OPENPROFILES_MATCHING_THREADS'] = saved;
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
