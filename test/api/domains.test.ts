// CreateDomain, GetDomain, UpdateDomain, DeleteDomain, ListDomains through the official SDK, on every backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  GetDomainCommand,
  ListDomainsCommand,
  ListTagsForResourceCommand,
  UpdateDomainCommand,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { connectorsCli } from '../support/workflows.js';

const MATCHING = {
  Enabled: true,
  JobSchedule: { DayOfTheWeek: 'SUNDAY' as const, Time: '03:30' },
  AutoMerging: {
    Enabled: true,
    Consolidation: { MatchingAttributesList: [['EmailAddress'], ['FirstName', 'LastName', 'PhoneNumber']] },
    ConflictResolution: { ConflictResolvingModel: 'SOURCE' as const, SourceName: 'crm' },
    MinAllowedConfidenceScoreForMerging: 0.85,
  },
  ExportingConfig: { S3Exporting: { S3BucketName: 'matches-bucket', S3KeyName: 'out/' } },
};

for (const backend of backends()) {
  describe(`domains on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    before(async () => {
      server = await backend.start();
      client = server.client();
      // The account's own keys for the settings that reach out: its dead-letter queues on AWS and the export bucket.
      const keys = ['--access-key-id', 'AKIDEXAMPLE', '--secret-access-key', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'];
      await connectorsCli(server, ['put-profile', '--name', 'dlq', '--type', 'sqs', ...keys]);
      await connectorsCli(server, ['put-profile', '--name', 'exports', '--type', 's3', '--buckets', 'matches-bucket', ...keys]);
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('CreateDomain echoes what was stored, with epoch-second timestamps', async () => {
      const before = Date.now();
      const created = await client.send(
        new CreateDomainCommand({ DomainName: 'echo', DefaultExpirationDays: 366, DeadLetterQueueUrl: 'https://sqs.us-east-1.amazonaws.com/000000000000/dlq', Tags: { team: 'blue' } }),
      );
      assert.equal(created.DomainName, 'echo');
      assert.equal(created.DefaultExpirationDays, 366);
      assert.equal(created.DeadLetterQueueUrl, 'https://sqs.us-east-1.amazonaws.com/000000000000/dlq');
      assert.deepEqual(created.Tags, { team: 'blue' });
      assert.ok(created.CreatedAt instanceof Date);
      assert.ok(Math.abs(created.CreatedAt.getTime() - before) < 60_000, `CreatedAt ${created.CreatedAt.toISOString()} is not now`);
      assert.deepEqual(created.LastUpdatedAt, created.CreatedAt);
      assert.ok(created.$metadata.requestId, 'x-amzn-RequestId is sent');
    });

    test('Matching, RuleBasedMatching and DataStore settings round-trip exactly', async () => {
      const rules = {
        Enabled: true,
        MatchingRules: [{ Rule: ['EmailAddress'] }, { Rule: ['FirstName', 'LastName', 'Address.City'] }],
        MaxAllowedRuleLevelForMatching: 2,
        MaxAllowedRuleLevelForMerging: 1,
        AttributeTypesSelector: { AttributeMatchingModel: 'ONE_TO_ONE' as const, EmailAddress: ['EmailAddress'] },
        ConflictResolution: { ConflictResolvingModel: 'RECENCY' as const },
      };
      await client.send(
        new CreateDomainCommand({ DomainName: 'settings', DefaultExpirationDays: 30, Matching: MATCHING, RuleBasedMatching: rules, DataStore: { Enabled: true } }),
      );
      const got = await client.send(new GetDomainCommand({ DomainName: 'settings' }));
      assert.deepEqual(got.Matching, MATCHING);
      const { Status, ...rest } = got.RuleBasedMatching ?? {};
      assert.deepEqual(rest, rules);
      assert.ok(Status === 'IN_PROGRESS' || Status === 'ACTIVE', `a new domain skips PENDING, got ${Status}`);
      assert.deepEqual(got.DataStore, { Enabled: true });
    });

    test('GetDomain reports Stats; an unknown domain is ResourceNotFoundException', async () => {
      await client.send(new CreateDomainCommand({ DomainName: 'stats', DefaultExpirationDays: 5 }));
      const got = await client.send(new GetDomainCommand({ DomainName: 'stats' }));
      assert.deepEqual(got.Stats, { ProfileCount: 0, MeteringProfileCount: 0, ObjectCount: 0, TotalSize: 0 });
      await rejectsWith(client.send(new GetDomainCommand({ DomainName: 'nope' })), 'ResourceNotFoundException', 404, /Domain nope does not exist/);
    });

    test('CreateDomain on an existing name is a BadRequestException', async () => {
      await client.send(new CreateDomainCommand({ DomainName: 'twice', DefaultExpirationDays: 5 }));
      await rejectsWith(
        client.send(new CreateDomainCommand({ DomainName: 'twice', DefaultExpirationDays: 9 })),
        'BadRequestException',
        400,
        /^Domain twice already exists$/,
      );
      assert.equal((await client.send(new GetDomainCommand({ DomainName: 'twice' }))).DefaultExpirationDays, 5);
    });

    test('each constraint kind is enforced and nothing is written', async () => {
      const bad = async (input: Record<string, unknown>, message: RegExp) => {
        await rejectsWith(client.send(new CreateDomainCommand(input as never)), 'BadRequestException', 400, message);
      };
      await bad({ DomainName: 'has space', DefaultExpirationDays: 5 }, /at 'DomainName' .*regular expression pattern/);
      await bad({ DomainName: 'x'.repeat(65), DefaultExpirationDays: 5 }, /at 'DomainName' .*length less than or equal to 64/);
      await bad({ DomainName: 'range', DefaultExpirationDays: 0 }, /at 'DefaultExpirationDays' .*greater than or equal to 1/);
      await bad({ DomainName: 'range', DefaultExpirationDays: 1099 }, /at 'DefaultExpirationDays' .*less than or equal to 1098/);
      await bad({ DomainName: 'required' }, /Value null at 'DefaultExpirationDays' .*must not be null/);
      await bad({ DomainName: 'enum', DefaultExpirationDays: 5, Matching: { Enabled: true, JobSchedule: { DayOfTheWeek: 'FUNDAY', Time: '1:00' } } }, /enum value set/);
      await bad({ DomainName: 'tagkey', DefaultExpirationDays: 5, Tags: { 'aws:reserved': 'x' } }, /Tags\.key/);
      await bad({ DomainName: 'score', DefaultExpirationDays: 5, Matching: { Enabled: true, AutoMerging: { Enabled: true, MinAllowedConfidenceScoreForMerging: 1.5 } } }, /less than or equal to 1/);
      const names = (await client.send(new ListDomainsCommand({}))).Items?.map((item) => item.DomainName) ?? [];
      for (const name of ['range', 'required', 'enum', 'tagkey', 'score']) assert.ok(!names.includes(name), `${name} was written`);
    });

    test('UpdateDomain: absent keeps, "" clears, a value sets', async () => {
      await client.send(
        new CreateDomainCommand({ DomainName: 'upd', DefaultExpirationDays: 10, DefaultEncryptionKey: 'arn:aws:kms:us-east-1:000000000000:key/k', DeadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/000000000000/q', Tags: { a: '1' } }),
      );
      const kept = await client.send(new UpdateDomainCommand({ DomainName: 'upd', DefaultExpirationDays: 20 }));
      assert.equal(kept.DefaultExpirationDays, 20);
      assert.equal(kept.DefaultEncryptionKey, 'arn:aws:kms:us-east-1:000000000000:key/k');
      assert.equal(kept.DeadLetterQueueUrl, 'https://sqs.eu-west-1.amazonaws.com/000000000000/q');
      assert.ok(kept.LastUpdatedAt!.getTime() >= kept.CreatedAt!.getTime());
      const cleared = await client.send(new UpdateDomainCommand({ DomainName: 'upd', DefaultEncryptionKey: '', Matching: MATCHING, Tags: { b: '2' } }));
      assert.equal(cleared.DefaultEncryptionKey, undefined);
      assert.equal(cleared.DeadLetterQueueUrl, 'https://sqs.eu-west-1.amazonaws.com/000000000000/q');
      assert.equal(cleared.DefaultExpirationDays, 20);
      assert.deepEqual(cleared.Matching, MATCHING);
      assert.deepEqual(cleared.Tags, { a: '1', b: '2' });
      const got = await client.send(new GetDomainCommand({ DomainName: 'upd' }));
      assert.equal(got.DefaultEncryptionKey, undefined);
      assert.deepEqual(got.Matching, MATCHING);
      await rejectsWith(client.send(new UpdateDomainCommand({ DomainName: 'ghost', DefaultExpirationDays: 3 })), 'ResourceNotFoundException', 404);
    });

    test('DeleteDomain removes the domain and its tags; a new domain of that name starts clean', async () => {
      await client.send(new CreateDomainCommand({ DomainName: 'gone', DefaultExpirationDays: 10, Tags: { owner: 'me' } }));
      const deleted = await client.send(new DeleteDomainCommand({ DomainName: 'gone' }));
      assert.equal(deleted.Message, 'Domain Deleted');
      await rejectsWith(client.send(new GetDomainCommand({ DomainName: 'gone' })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new DeleteDomainCommand({ DomainName: 'gone' })), 'ResourceNotFoundException', 404);
      const again = await client.send(new CreateDomainCommand({ DomainName: 'gone', DefaultExpirationDays: 10 }));
      assert.equal(again.Tags, undefined);
      const arn = 'arn:aws:profile:us-east-1:000000000000:domains/gone';
      assert.deepEqual((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, {});
    });

    test('ListDomains pages by name with opaque tokens; bad tokens and sizes are 400', async () => {
      const fresh = server.client({ region: 'eu-west-1' });
      try {
        for (const name of ['p5', 'p3', 'p1', 'p4', 'p2']) await fresh.send(new CreateDomainCommand({ DomainName: name, DefaultExpirationDays: 1 }));
        const seen: string[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
          const page = await fresh.send(new ListDomainsCommand({ MaxResults: 2, NextToken: token }));
          seen.push(...(page.Items ?? []).map((item) => item.DomainName!));
          token = page.NextToken;
          pages++;
        } while (token);
        assert.deepEqual(seen, ['p1', 'p2', 'p3', 'p4', 'p5']);
        assert.equal(pages, 3);
        const first = await fresh.send(new ListDomainsCommand({ MaxResults: 1 }));
        await rejectsWith(client.send(new ListDomainsCommand({ NextToken: first.NextToken })), 'BadRequestException', 400, /NextToken/);
        await rejectsWith(fresh.send(new ListDomainsCommand({ NextToken: 'not-a-token' })), 'BadRequestException', 400, /NextToken/);
        await rejectsWith(fresh.send(new ListDomainsCommand({ MaxResults: 0 })), 'BadRequestException', 400, /MaxResults/);
        await rejectsWith(fresh.send(new ListDomainsCommand({ MaxResults: 101 })), 'BadRequestException', 400, /MaxResults/);
      } finally {
        fresh.destroy();
      }
    });

    test('domains belong to a region: another region neither sees nor deletes them', async () => {
      await client.send(new CreateDomainCommand({ DomainName: 'regional', DefaultExpirationDays: 3 }));
      const elsewhere = server.client({ region: 'ap-south-1' });
      try {
        await rejectsWith(elsewhere.send(new GetDomainCommand({ DomainName: 'regional' })), 'ResourceNotFoundException', 404);
        await rejectsWith(elsewhere.send(new DeleteDomainCommand({ DomainName: 'regional' })), 'ResourceNotFoundException', 404);
        assert.deepEqual((await elsewhere.send(new ListDomainsCommand({}))).Items, []);
      } finally {
        elsewhere.destroy();
      }
      assert.equal((await client.send(new GetDomainCommand({ DomainName: 'regional' }))).DomainName, 'regional');
    });
  });
}
