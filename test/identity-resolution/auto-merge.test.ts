// Auto-merge and its preview through the SDK against a real server on both backends, jobs run by
// `openprofiles matching run`, exports written to a real S3-protocol server: GetAutoMergingPreview predicts
// exactly what the next job merges, RECENCY and SOURCE pick the surviving profile, the job reports its
// AutoMerging settings and ExportingLocation, the exported JSON Lines hold its match groups, and a job started
// by the signed route runs on the server's worker.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  AddProfileKeyCommand,
  BadRequestException,
  CreateDomainCommand,
  CreateProfileCommand,
  GetAutoMergingPreviewCommand,
  GetIdentityResolutionJobCommand,
  GetMatchesCommand,
  ListIdentityResolutionJobsCommand,
  ResourceNotFoundException,
  UpdateDomainCommand,
  UpdateProfileCommand,
  type AutoMerging,
  type CustomerProfilesClient,
  type GetAutoMergingPreviewCommandInput,
} from '@aws-sdk/client-customer-profiles';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';
import { startS3Server, type RunningS3 } from '../support/s3-server.js';
import { getProfile } from '../support/profiles.js';
import { putObject, putType } from '../support/objects.js';
import { signedFetch } from '../support/signed-fetch.js';
import { DISTINCT, DUPLICATES, wire, type CliResult } from './people.js';

const run = promisify(execFile);
const DOMAIN = 'automerge';
const BUCKET = 'op-matches';


for (const backend of backends()) {
  describe(`auto-merge on ${backend.name}`, { skip: backend.skip }, () => {
    let s3: RunningS3;
    let server: RunningServer;
    let client: CustomerProfilesClient;
    let s3Env: Record<string, string>;
    const ids: string[] = [];
    const original = (k: number) => ids[k]!;
    const duplicate = (k: number) => ids[DISTINCT.length + k]!;

    const matchingRun = async (): Promise<CliResult> => {
      const args = [CLI_ENTRY, 'matching', 'run', '--domain', DOMAIN, '--data-dir', server.dataDir];
      if (server.databaseUrl) args.push('--database', server.databaseUrl);
      const result = JSON.parse((await run(process.execPath, args, { env: { ...process.env, ...s3Env } })).stdout) as CliResult;
      assert.equal(result.Status, 'COMPLETED');
      return result;
    };
    const preview = (input: Omit<GetAutoMergingPreviewCommandInput, 'DomainName'>) => client.send(new GetAutoMergingPreviewCommand({ DomainName: DOMAIN, ...input }));
    const enableAutoMerging = (autoMerging: AutoMerging) =>
      client.send(
        new UpdateDomainCommand({
          DomainName: DOMAIN,
          Matching: { Enabled: true, AutoMerging: autoMerging, ExportingConfig: { S3Exporting: { S3BucketName: BUCKET, S3KeyName: 'exports/automerge/' } } },
        }),
      );
    /** The job once the server's worker has ended it (the worker polls the queue every second). */
    const finished = async (domain: string, jobId: string) => {
      let job = await client.send(new GetIdentityResolutionJobCommand({ DomainName: domain, JobId: jobId }));
      for (let poll = 0; poll < 300 && !['COMPLETED', 'PARTIAL_SUCCESS', 'FAILED'].includes(String(job.Status)); poll++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await client.send(new GetIdentityResolutionJobCommand({ DomainName: domain, JobId: jobId }));
      }
      return job;
    };
    const exists = async (profileId: string) => (await getProfile(client, DOMAIN, profileId)) !== undefined;

    before(async () => {
      s3 = await startS3Server();
      await s3.createBucket(BUCKET);
      // The operator grants the default account the server's own S3 setting (the single-tenant set-up).
      s3Env = {
        OPENPROFILES_S3_ENDPOINT: s3.endpoint,
        OPENPROFILES_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
        OPENPROFILES_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
        OPENPROFILES_S3_ACCOUNTS: '000000000000',
      };
      server = await backend.start({ env: s3Env });
      client = server.client();
      await client.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 30, Matching: { Enabled: true } }));
      for (const fields of [...DISTINCT, ...DUPLICATES]) {
        ids.push((await client.send(new CreateProfileCommand({ DomainName: DOMAIN, ...wire(fields) }))).ProfileId!);
      }
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
      await s3?.stop();
    });

    test('the preview counts the sample and the merges, writing nothing; the confidence minimum filters groups', async () => {
      const first = await matchingRun();
      assert.equal(first.JobStats.NumberOfMatchesFound, 3);
      assert.equal(first.JobStats.NumberOfMergesDone, 0, 'auto-merge is off');

      const strict = await preview({
        Consolidation: { MatchingAttributesList: [['FirstName', 'LastName', 'EmailAddress']] },
        ConflictResolution: { ConflictResolvingModel: 'RECENCY' },
      });
      assert.equal(strict.DomainName, DOMAIN);
      assert.equal(strict.NumberOfMatchesInSample, 3);
      assert.equal(strict.NumberOfProfilesInSample, 6);
      assert.equal(strict.NumberOfProfilesWillBeMerged, 1, 'only Wei Chen has equal names and e-mail');

      const criteria = { MatchingAttributesList: [['FirstName', 'LastName'], ['EmailAddress', 'BirthDate']] };
      const loose = await preview({ Consolidation: criteria, ConflictResolution: { ConflictResolvingModel: 'RECENCY' } });
      assert.equal(loose.NumberOfProfilesWillBeMerged, 3, 'the second criterion takes the two others (e-mail without regard to case)');

      const scores = ((await client.send(new GetMatchesCommand({ DomainName: DOMAIN }))).Matches ?? []).map((match) => match.ConfidenceScore!);
      const highest = Math.max(...scores);
      const filtered = await preview({ Consolidation: criteria, ConflictResolution: { ConflictResolvingModel: 'RECENCY' }, MinAllowedConfidenceScoreForMerging: highest });
      assert.equal(filtered.NumberOfProfilesWillBeMerged, scores.filter((score) => score >= highest).length);
      for (const id of ids) assert.ok(await exists(id), 'a preview merges nothing');
    });

    test('a job merges what the preview said, into the most recently updated profile (RECENCY), and exports its groups', async () => {
      const settings: AutoMerging = {
        Enabled: true,
        Consolidation: { MatchingAttributesList: [['FirstName', 'LastName', 'EmailAddress']] },
        ConflictResolution: { ConflictResolvingModel: 'RECENCY' },
      };
      const predicted = await preview({ Consolidation: settings.Consolidation!, ConflictResolution: settings.ConflictResolution! });
      await client.send(new UpdateProfileCommand({ DomainName: DOMAIN, ProfileId: original(2), AdditionalInformation: 'updated last' }));
      await enableAutoMerging(settings);

      const job = await matchingRun();
      assert.equal(job.JobStats.NumberOfMergesDone, predicted.NumberOfProfilesWillBeMerged);
      assert.ok(await exists(original(2)), 'the most recently updated profile survives');
      assert.equal(await exists(duplicate(2)), false);
      const merged = await getProfile(client, DOMAIN, original(2));
      assert.equal(merged?.PhoneNumber, DISTINCT[2]!.phoneNumber, "on a conflict the survivor's value stays");
      assert.equal(merged?.AdditionalInformation, 'updated last');

      const reported = await client.send(new GetIdentityResolutionJobCommand({ DomainName: DOMAIN, JobId: job.JobId }));
      assert.equal(reported.Status, 'COMPLETED');
      assert.deepEqual(reported.AutoMerging, settings);
      assert.equal(reported.JobStats?.NumberOfMergesDone, 1);
      const key = `exports/automerge/${job.JobId}.jsonl`;
      assert.deepEqual(reported.ExportingLocation, { S3Exporting: { S3BucketName: BUCKET, S3KeyName: key } });
      const listed = await client.send(new ListIdentityResolutionJobsCommand({ DomainName: DOMAIN }));
      assert.deepEqual(listed.IdentityResolutionJobsList?.find((item) => item.JobId === job.JobId)?.ExportingLocation, reported.ExportingLocation);

      const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      const lines = (await object.Body!.transformToString()).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.equal(lines.length, 3);
      const exported = lines.map((line) => [...(line['ProfileIds'] as string[])].sort().join(',')).sort();
      const expected = [0, 1, 2].map((k) => [original(k), duplicate(k)].sort().join(',')).sort();
      assert.deepEqual(exported, expected, 'one line per match group the job found');
      for (const line of lines) {
        assert.match(String(line['MatchId']), /^[0-9a-f]{32}$/);
        assert.equal(line['JobId'], job.JobId);
        assert.ok(typeof line['ConfidenceScore'] === 'number' && line['ConfidenceScore'] > 0 && line['ConfidenceScore'] <= 1);
        assert.ok(!Number.isNaN(Date.parse(String(line['MatchGenerationDate']))));
      }
    });

    test('SOURCE makes the profile holding objects of SourceName the survivor, even when another is newer', async () => {
      await putType(client, DOMAIN, 'crm', {
        Description: 'CRM records',
        AllowProfileCreation: false,
        Fields: { ticket: { Source: '_source.ticket' }, crmId: { Source: '_source.crmId' } },
        Keys: { ticketKey: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['ticket'] }], crmRef: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['crmId'] }] },
      });
      await client.send(new AddProfileKeyCommand({ DomainName: DOMAIN, ProfileId: duplicate(0), KeyName: 'crmRef', Values: ['c-1'] }));
      await putObject(client, DOMAIN, 'crm', { ticket: 't-1', crmId: 'c-1' });
      await client.send(new UpdateProfileCommand({ DomainName: DOMAIN, ProfileId: original(0), AdditionalInformation: 'newest' }));

      const settings: AutoMerging = {
        Enabled: true,
        Consolidation: { MatchingAttributesList: [['FirstName', 'LastName'], ['EmailAddress', 'BirthDate']] },
        ConflictResolution: { ConflictResolvingModel: 'SOURCE', SourceName: 'crm' },
      };
      const predicted = await preview({ Consolidation: settings.Consolidation!, ConflictResolution: settings.ConflictResolution! });
      assert.equal(predicted.NumberOfMatchesInSample, 2, 'the merged group has one profile left and is out of the sample');
      assert.equal(predicted.NumberOfProfilesInSample, 4);
      assert.equal(predicted.NumberOfProfilesWillBeMerged, 2);
      await enableAutoMerging(settings);

      const job = await matchingRun();
      assert.equal(job.JobStats.NumberOfMergesDone, predicted.NumberOfProfilesWillBeMerged);
      assert.ok(await exists(duplicate(0)), 'the profile with the crm object survives');
      assert.equal(await exists(original(0)), false);
      const survivor = await getProfile(client, DOMAIN, duplicate(0));
      assert.equal(survivor?.FirstName, 'Johnny', "the survivor's own value wins");
      assert.equal(survivor?.AdditionalInformation, 'newest', 'a value only the merged profile had is kept');
      assert.equal((await exists(original(1))) !== (await exists(duplicate(1))), true, 'one of the second pair is left');

      const again = await matchingRun();
      assert.equal(again.JobStats.NumberOfMergesDone, 0, 'nothing is left to merge');
    });

    test('bad previews: SOURCE without SourceName, Matching not enabled, an unknown domain', async () => {
      await assert.rejects(
        preview({ Consolidation: { MatchingAttributesList: [['EmailAddress']] }, ConflictResolution: { ConflictResolvingModel: 'SOURCE' } }),
        (error: unknown) => error instanceof BadRequestException && /SourceName/.test(error.message),
      );
      await client.send(new CreateDomainCommand({ DomainName: 'nomatching', DefaultExpirationDays: 30 }));
      const input = { Consolidation: { MatchingAttributesList: [['EmailAddress']] }, ConflictResolution: { ConflictResolvingModel: 'RECENCY' as const } };
      await assert.rejects(client.send(new GetAutoMergingPreviewCommand({ DomainName: 'nomatching', ...input })), BadRequestException);
      await assert.rejects(client.send(new GetAutoMergingPreviewCommand({ DomainName: 'nosuchdomain', ...input })), ResourceNotFoundException);
      await assert.rejects(
        client.send(
          new UpdateDomainCommand({
            DomainName: 'nomatching',
            Matching: { Enabled: true, AutoMerging: { Enabled: true, ConflictResolution: { ConflictResolvingModel: 'SOURCE' } } },
          }),
        ),
        (error: unknown) => error instanceof BadRequestException && /SourceName/.test(error.message),
      );
    });

    test("a job started by the signed route runs on the server's own worker, merging and exporting", async () => {
      const domain = 'viaroute';
      await client.send(
        new CreateDomainCommand({
          DomainName: domain,
          DefaultExpirationDays: 30,
          Matching: {
            Enabled: true,
            AutoMerging: { Enabled: true, Consolidation: { MatchingAttributesList: [['PhoneNumber']] }, ConflictResolution: { ConflictResolvingModel: 'RECENCY' } },
            ExportingConfig: { S3Exporting: { S3BucketName: BUCKET } },
          },
        }),
      );
      for (const fields of [...DISTINCT, ...DUPLICATES]) await client.send(new CreateProfileCommand({ DomainName: domain, ...wire(fields) }));
      const started = await signedFetch(server.endpoint, server.root, { method: 'POST', path: `/_openprofiles/domains/${domain}/identity-resolution-jobs` });
      assert.equal(started.status, 200, started.text);
      const jobId = String(started.json?.['JobId']);
      const job = await finished(domain, jobId);
      assert.equal(job.Status, 'COMPLETED', job.Message);
      assert.equal(job.JobStats?.NumberOfMergesDone, 3);
      assert.deepEqual(job.ExportingLocation, { S3Exporting: { S3BucketName: BUCKET, S3KeyName: `${jobId}.jsonl` } });
      const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${jobId}.jsonl` }));
      assert.equal((await object.Body!.transformToString()).trim().split('\n').length, 3);
    });

    test('an export that cannot be written ends the job PARTIAL_SUCCESS with a Message and no ExportingLocation', async () => {
      await client.send(
        new UpdateDomainCommand({ DomainName: 'viaroute', Matching: { Enabled: true, ExportingConfig: { S3Exporting: { S3BucketName: 'op-no-such-bucket', S3KeyName: 'x' } } } }),
      );
      const started = await signedFetch(server.endpoint, server.root, { method: 'POST', path: '/_openprofiles/domains/viaroute/identity-resolution-jobs' });
      const job = await finished('viaroute', String(started.json?.['JobId']));
      assert.equal(job.Status, 'PARTIAL_SUCCESS');
      assert.match(String(job.Message), /s3:\/\/op-no-such-bucket/);
      assert.equal(job.ExportingLocation, undefined);
      assert.equal(job.JobStats?.NumberOfMergesDone, 0);
    });
  });
}
