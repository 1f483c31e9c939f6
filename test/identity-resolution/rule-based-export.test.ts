// RuleBasedMatching.ExportingConfig through a real server and a real S3-protocol server, on every backend:
// the domain's rule-based match groups land in `<S3KeyName>/rule-based-matches.jsonl` and the object is
// rewritten when a later profile write changes a group. The account writes with its own S3 connector profile
// for the bucket (the server has no S3 setting of its own here).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { CreateDomainCommand, CreateProfileCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { startS3Server, type RunningS3 } from '../support/s3-server.js';
import { connectorsCli } from '../support/workflows.js';

const BUCKET = 'rule-exports';

interface ExportedGroup {
  MatchId: string;
  ProfileIds: string[];
  RuleLevel: number;
  LastUpdatedAt: string;
}

/** The object's groups, or 'partial' when the read caught it cut short (fewer bytes than its length, or a line cut). */
async function readOnce(s3: RunningS3, key: string): Promise<ExportedGroup[] | 'partial' | undefined> {
  let text: string;
  try {
    const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    if (object.ContentLength !== undefined && bytes.length !== object.ContentLength) return 'partial';
    text = Buffer.from(bytes).toString('utf8');
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
  if (text !== '' && !text.endsWith('\n')) return 'partial';
  const groups: ExportedGroup[] = [];
  for (const line of text.split('\n').filter((line) => line !== '')) {
    try {
      groups.push(JSON.parse(line) as ExportedGroup);
    } catch (error) {
      if (error instanceof SyntaxError) return 'partial';
      throw error;
    }
  }
  return groups;
}

/**
 * The exported groups (undefined: no object yet). s3rver rewrites an object's file in place, so a read racing
 * the rewrite can see part of it: read again until a whole object comes back; one that never does fails.
 */
async function readExport(s3: RunningS3, key: string): Promise<ExportedGroup[] | undefined> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const read = await readOnce(s3, key);
    if (read !== 'partial') return read;
    await sleep(50);
  }
  assert.fail(`the export ${key} never read back whole`);
}

/** Polls the exported object until `done` holds for it (the rule job runs every few seconds in the server). */
async function exportedWhen(s3: RunningS3, key: string, done: (groups: ExportedGroup[]) => boolean): Promise<ExportedGroup[]> {
  const deadline = Date.now() + 60_000;
  let last: ExportedGroup[] | undefined;
  while (Date.now() < deadline) {
    last = await readExport(s3, key);
    if (last && done(last)) return last;
    await sleep(250);
  }
  assert.fail(`the export ${key} never reached the expected state; last seen: ${JSON.stringify(last)}`);
}

for (const backend of backends()) {
  describe(`rule-based match export on ${backend.name}`, { skip: backend.skip }, () => {
    let s3: RunningS3;
    let server: RunningServer;
    let client: CustomerProfilesClient;
    before(async () => {
      s3 = await startS3Server();
      await s3.createBucket(BUCKET);
      server = await backend.start();
      await connectorsCli(server, [
        'put-profile', '--name', 'exports', '--type', 's3', '--buckets', BUCKET,
        '--instance-url', s3.endpoint, '--access-key-id', s3.credentials.accessKeyId, '--secret-access-key', s3.credentials.secretAccessKey,
      ]);
      client = server.client();
    });
    after(async () => {
      await server?.stop();
      await s3?.stop();
    });

    test('groups are exported as JSON Lines and the object follows later writes', async () => {
      await client.send(
        new CreateDomainCommand({
          DomainName: 'rx',
          DefaultExpirationDays: 30,
          RuleBasedMatching: {
            Enabled: true,
            MatchingRules: [{ Rule: ['EmailAddress'] }],
            MaxAllowedRuleLevelForMatching: 1,
            ExportingConfig: { S3Exporting: { S3BucketName: BUCKET, S3KeyName: 'rules/rx/' } },
          },
        }),
      );
      const create = async (FirstName: string, EmailAddress: string) => (await client.send(new CreateProfileCommand({ DomainName: 'rx', FirstName, EmailAddress }))).ProfileId!;
      const ann = await create('Ann', 'ann@example.com');
      const annie = await create('Annie', 'ANN@example.com');
      const bob = await create('Bob', 'bob@example.com');

      const key = 'rules/rx/rule-based-matches.jsonl';
      const first = await exportedWhen(s3, key, (groups) => groups.length === 1 && groups[0]!.ProfileIds.length === 2);
      assert.deepEqual(first[0]!.ProfileIds, [ann, annie].sort());
      assert.equal(first[0]!.RuleLevel, 1);
      assert.match(first[0]!.MatchId, /^[0-9a-f]{32}$/);
      assert.ok(!Number.isNaN(Date.parse(first[0]!.LastUpdatedAt)));
      assert.ok(!first.some((group) => group.ProfileIds.includes(bob)));

      const third = await create('A.', 'ann@EXAMPLE.com');
      const second = await exportedWhen(s3, key, (groups) => groups.length === 1 && groups[0]!.ProfileIds.length === 3);
      assert.deepEqual(second[0]!.ProfileIds, [ann, annie, third].sort());
      assert.notEqual(second[0]!.MatchId, first[0]!.MatchId, 'a group with other members is another match');
    });
  });
}
