// `openprofiles matching run` beside a running server on both backends, then the SDK reads the job
// (GetIdentityResolutionJob, ListIdentityResolutionJobs) and its match groups (GetMatches with paging;
// a deleted profile drops out).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateDomainCommand,
  CreateProfileCommand,
  DeleteProfileCommand,
  GetIdentityResolutionJobCommand,
  GetMatchesCommand,
  ListIdentityResolutionJobsCommand,
  type CustomerProfilesClient,
  type MatchItem,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';
import { DISTINCT, DUPLICATES, wire, type CliResult } from '../identity-resolution/people.js';

const run = promisify(execFile);


for (const backend of backends()) {
  describe(`matching run on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    const ids: string[] = [];
    let firstJob: string;
    const matching = async (domain: string): Promise<CliResult> => {
      const args = [CLI_ENTRY, 'matching', 'run', '--domain', domain, '--data-dir', server.dataDir];
      if (server.databaseUrl) args.push('--database', server.databaseUrl);
      return JSON.parse((await run(process.execPath, args)).stdout) as CliResult;
    };
    const allMatches = async (maxResults: number) => {
      const pages: MatchItem[][] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(new GetMatchesCommand({ DomainName: 'dupes', MaxResults: maxResults, NextToken: nextToken }));
        pages.push(page.Matches ?? []);
        nextToken = page.NextToken;
      } while (nextToken !== undefined);
      return pages;
    };
    const groupsOf = (items: readonly MatchItem[]) => items.map((item) => [...(item.ProfileIds ?? [])].sort().join(',')).sort();
    before(async () => {
      server = await backend.start();
      client = server.client();
      await client.send(new CreateDomainCommand({ DomainName: 'dupes', DefaultExpirationDays: 30 }));
      for (const fields of [...DISTINCT, ...DUPLICATES]) {
        const created = await client.send(new CreateProfileCommand({ DomainName: 'dupes', ...wire(fields) }));
        ids.push(created.ProfileId ?? '');
      }
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('the CLI runs a job to COMPLETED, and GetIdentityResolutionJob reports it', async () => {
      const result = await matching('dupes');
      assert.match(result.JobId, /^[0-9a-f]{32}$/);
      assert.equal(result.Status, 'COMPLETED');
      assert.deepEqual(result.JobStats, { NumberOfProfilesReviewed: 13, NumberOfMatchesFound: 3, NumberOfMergesDone: 0 });
      firstJob = result.JobId;

      const job = await client.send(new GetIdentityResolutionJobCommand({ DomainName: 'dupes', JobId: firstJob }));
      assert.equal(job.DomainName, 'dupes');
      assert.equal(job.JobId, firstJob);
      assert.equal(job.Status, 'COMPLETED');
      assert.deepEqual(job.JobStats, result.JobStats);
      assert.ok(job.JobStartTime && job.JobEndTime && job.LastUpdatedAt && job.JobExpirationTime);
      assert.ok(job.JobEndTime >= job.JobStartTime);
      assert.ok(job.JobExpirationTime > job.JobEndTime, 'the record outlives the job');
      assert.equal(job.Message, undefined);
    });

    test('GetMatches pages through the groups: each duplicate with its original', async () => {
      const first = await client.send(new GetMatchesCommand({ DomainName: 'dupes', MaxResults: 2 }));
      assert.equal(first.Matches?.length, 2);
      assert.equal(first.PotentialMatches, 3);
      assert.ok(first.MatchGenerationDate instanceof Date);
      assert.ok(first.NextToken);
      for (const match of first.Matches ?? []) {
        assert.match(match.MatchId ?? '', /^[0-9a-f]{32}$/);
        assert.ok((match.ConfidenceScore ?? 0) >= 0.9 && (match.ConfidenceScore ?? 2) <= 1);
      }
      const pages = await allMatches(2);
      assert.deepEqual(pages.map((page) => page.length), [2, 1]);
      const expected = [0, 1, 2].map((k) => [ids[k], ids[DISTINCT.length + k]].sort().join(',')).sort();
      assert.deepEqual(groupsOf(pages.flat()), expected);
      assert.deepEqual(groupsOf((await allMatches(100)).flat()), expected, 'one page holds them all');
    });

    test('matching explain shows why a duplicate pair scores high and two strangers do not', async () => {
      const explain = async (...args: string[]) => {
        const argv = [CLI_ENTRY, 'matching', 'explain', '--domain', 'dupes', '--data-dir', server.dataDir, ...args];
        if (server.databaseUrl) argv.push('--database', server.databaseUrl);
        return (await run(process.execPath, argv)).stdout;
      };
      interface Explained {
        ProfileIds: string[];
        probability: number;
        weight: number;
        priorWeight: number;
        attributes: { name: string; level: string; weight: number; termFrequencyAdjustment: number }[];
      }
      const twin = JSON.parse(await explain(ids[0]!, ids[DISTINCT.length]!, '--json')) as Explained;
      assert.deepEqual(twin.ProfileIds, [ids[0], ids[DISTINCT.length]]);
      assert.ok(twin.probability >= 0.9, `duplicate pair probability ${twin.probability}`);
      const sum = twin.priorWeight + twin.attributes.reduce((total, part) => total + part.weight + part.termFrequencyAdjustment, 0);
      assert.ok(Math.abs(sum - twin.weight) < 1e-9, `the parts add up to the total: ${sum} vs ${twin.weight}`);
      assert.ok(twin.attributes.some((part) => part.name.toLowerCase().includes('birth') && part.weight > 0), 'the shared birth date counts for the match');

      const strangers = JSON.parse(await explain(ids[0]!, ids[3]!, '--json')) as Explained;
      assert.ok(strangers.probability < 0.5, `strangers probability ${strangers.probability}`);
      assert.ok(strangers.weight < twin.weight);

      const text = await explain(ids[0]!, ids[DISTINCT.length]!);
      assert.match(text, /probability 0\.9\d*/);
      assert.ok(text.split('\n').length >= 5, text);

      await assert.rejects(explain(ids[0]!, '0'.repeat(32)), (error: Error & { stderr?: string }) => /0{32}/.test(error.stderr ?? ''));
    });

    test('a profile deleted since the job leaves GetMatches, with the group it made', async () => {
      await client.send(new DeleteProfileCommand({ DomainName: 'dupes', ProfileId: ids[DISTINCT.length] }));
      const groups = groupsOf((await allMatches(100)).flat());
      assert.equal(groups.length, 2);
      assert.ok(groups.every((group) => !group.includes(ids[DISTINCT.length] ?? '-')));
    });

    test('ListIdentityResolutionJobs pages newest first; unknown jobs and domains are 404', async () => {
      const second = await matching('dupes');
      assert.equal(second.Status, 'COMPLETED');
      assert.equal(second.JobStats.NumberOfProfilesReviewed, 12);
      const page = await client.send(new ListIdentityResolutionJobsCommand({ DomainName: 'dupes', MaxResults: 1 }));
      assert.deepEqual(page.IdentityResolutionJobsList?.map((job) => job.JobId), [second.JobId]);
      assert.equal(page.IdentityResolutionJobsList?.[0]?.Status, 'COMPLETED');
      assert.equal(page.IdentityResolutionJobsList?.[0]?.JobStats?.NumberOfMatchesFound, 2);
      assert.ok(page.NextToken);
      const rest = await client.send(new ListIdentityResolutionJobsCommand({ DomainName: 'dupes', MaxResults: 1, NextToken: page.NextToken }));
      assert.deepEqual(rest.IdentityResolutionJobsList?.map((job) => job.JobId), [firstJob]);
      assert.equal(rest.NextToken, undefined);

      await assert.rejects(
        client.send(new GetIdentityResolutionJobCommand({ DomainName: 'dupes', JobId: '0'.repeat(32) })),
        (error: Error) => error.name === 'ResourceNotFoundException',
      );
      await assert.rejects(client.send(new GetMatchesCommand({ DomainName: 'nodomain' })), (error: Error) => error.name === 'ResourceNotFoundException');
      await assert.rejects(
        client.send(new ListIdentityResolutionJobsCommand({ DomainName: 'dupes', NextToken: 'bm90LWEtdG9rZW4' })),
        (error: Error) => error.name === 'BadRequestException',
      );
    });
  });
}
