// S3 belongs to the account (issue 12, finding 2), through a real server on every backend: two accounts, two
// buckets on one S3-protocol server behind a gate that knows which key may touch which bucket. Account A
// reads its bucket with its own connector profile; account B cannot name A's bucket without credentials
// (400), and with its own keys S3 refuses it: nothing of A's is ingested, nothing is written into A's bucket.
// Every request is signed with the account's own key, never the server's (which the gate would let through).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateDomainCommand,
  CreateProfileCommand,
  GetDomainCommand,
  ListIntegrationsCommand,
  PutIntegrationCommand,
  SearchProfilesCommand,
  UpdateDomainCommand,
  type CustomerProfilesClient,
  type RuleBasedMatchingRequest,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { putType } from '../support/objects.js';
import { startS3Server, type RunningS3 } from '../support/s3-server.js';
import { gateKey, startS3Gate, type GateRequest, type S3Gate } from '../support/s3-gate.js';
import { connectorsCli } from '../support/workflows.js';

const run = promisify(execFile);
const ACCOUNT_B = '111122223333';
const BUCKET_A = 'tenant-a-data';
const BUCKET_B = 'tenant-b-data';

const CUSTOMER_TYPE = {
  Description: 'customers from files',
  AllowProfileCreation: true,
  Fields: {
    customerId: { Source: '_source.customerId', ContentType: 'STRING' as const },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
  },
  Keys: {
    customerId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['customerId'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

const rulesExportingTo = (bucket: string, keyName: string): RuleBasedMatchingRequest => ({
  Enabled: true,
  MatchingRules: [{ Rule: ['EmailAddress'] }],
  MaxAllowedRuleLevelForMatching: 1,
  ExportingConfig: { S3Exporting: { S3BucketName: bucket, S3KeyName: keyName } },
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const backend of backends()) {
  describe(`S3 per account on ${backend.name}`, { skip: backend.skip }, () => {
    let s3: RunningS3;
    let gate: S3Gate;
    let server: RunningServer;
    let a: CustomerProfilesClient;
    let b: CustomerProfilesClient;
    const keyA = gateKey('tenanta', [BUCKET_A]);
    const keyB = gateKey('tenantb', [BUCKET_B]);
    // The server's own S3 keys may touch both buckets: any request signed with them would get through.
    const serverKey = gateKey('server', [BUCKET_A, BUCKET_B]);
    const whoSigned = (request: GateRequest) =>
      request.accessKeyId === keyA.accessKeyId ? 'A' : request.accessKeyId === keyB.accessKeyId ? 'B' : request.accessKeyId === serverKey.accessKeyId ? 'server' : String(request.accessKeyId);
    const profileCli = (account: string, name: string, key: { accessKeyId: string; secretAccessKey: string }, more: string[] = []) =>
      connectorsCli(server, ['put-profile', '--account-id', account, '--name', name, '--type', 's3', '--instance-url', gate.endpoint, '--access-key-id', key.accessKeyId, '--secret-access-key', key.secretAccessKey, ...more]);
    const byEmail = async (client: CustomerProfilesClient, domain: string, email: string) =>
      (await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [email] }))).Items ?? [];
    const drop = (key: string, body: string) => s3.client.send(new PutObjectCommand({ Bucket: BUCKET_A, Key: key, Body: body }));

    before(async () => {
      s3 = await startS3Server();
      await s3.createBucket(BUCKET_A);
      await s3.createBucket(BUCKET_B);
      gate = await startS3Gate(s3, [keyA, keyB, serverKey]);
      // The server has an S3 setting of its own, granted to no account (no --s3-accounts).
      server = await backend.start({
        extraArgs: ['--s3-endpoint', gate.endpoint, '--s3-poll-seconds', '0.2'],
        env: { OPENPROFILES_S3_ACCESS_KEY_ID: serverKey.accessKeyId, OPENPROFILES_S3_SECRET_ACCESS_KEY: serverKey.secretAccessKey },
      });
      a = server.client();
      const args = [CLI_ENTRY, 'accounts', 'create', '--id', ACCOUNT_B, '--data-dir', server.dataDir, ...(server.databaseUrl ? ['--database', server.databaseUrl] : [])];
      const created = JSON.parse((await run(process.execPath, args)).stdout) as { AccessKeyId: string; SecretAccessKey: string };
      b = server.client({ credentials: { accessKeyId: created.AccessKeyId, secretAccessKey: created.SecretAccessKey } });
      await profileCli('000000000000', 'own', keyA, ['--buckets', BUCKET_A]);
      for (const client of [a, b]) {
        await client.send(new CreateDomainCommand({ DomainName: 'shop', DefaultExpirationDays: 30 }));
        await putType(client, 'shop', 'Customer', CUSTOMER_TYPE);
      }
      await drop('in/customers.csv', 'customerId,email\na-1,private@tenant-a.example\n');
    });
    after(async () => {
      a?.destroy();
      b?.destroy();
      await server?.stop();
      await gate?.stop();
      await s3?.stop();
    });

    test("A reads its own bucket through an s3:// integration, signed with A's key", async () => {
      await a.send(new PutIntegrationCommand({ DomainName: 'shop', Uri: `s3://${BUCKET_A}/in/`, ObjectTypeName: 'Customer' }));
      await waitFor("A's record", async () => ((await byEmail(a, 'shop', 'private@tenant-a.example')).length === 1 ? true : undefined));
      const reads = gate.requests.filter((request) => request.bucket === BUCKET_A);
      assert.ok(reads.length >= 2, 'listed and read');
      assert.deepEqual(new Set(reads.map((request) => `${whoSigned(request)} ${request.status}`)), new Set(['A 200']));
    });

    test("without credentials for A's bucket, B's PutIntegration and export settings are a 400 and nothing is written", async () => {
      const noCredentials = new RegExp(`Account ${ACCOUNT_B} has no S3 credentials for bucket ${BUCKET_A} in us-east-1.*connectors put-profile --type s3 --buckets ${BUCKET_A}`);
      await rejectsWith(b.send(new PutIntegrationCommand({ DomainName: 'shop', Uri: `s3://${BUCKET_A}/in/`, ObjectTypeName: 'Customer' })), 'BadRequestException', 400, noCredentials);
      assert.deepEqual((await b.send(new ListIntegrationsCommand({ DomainName: 'shop' }))).Items ?? [], []);
      await rejectsWith(
        b.send(new CreateDomainCommand({ DomainName: 'planted', DefaultExpirationDays: 30, RuleBasedMatching: rulesExportingTo(BUCKET_A, 'x/') })),
        'BadRequestException',
        400,
        noCredentials,
      );
      await rejectsWith(
        b.send(new CreateDomainCommand({ DomainName: 'planted', DefaultExpirationDays: 30, Matching: { Enabled: true, ExportingConfig: { S3Exporting: { S3BucketName: BUCKET_A } } } })),
        'BadRequestException',
        400,
        noCredentials,
      );
      await rejectsWith(b.send(new GetDomainCommand({ DomainName: 'planted' })), 'ResourceNotFoundException', 404);
      await rejectsWith(b.send(new UpdateDomainCommand({ DomainName: 'shop', RuleBasedMatching: rulesExportingTo(BUCKET_A, 'x/') })), 'BadRequestException', 400, noCredentials);
      assert.equal((await b.send(new GetDomainCommand({ DomainName: 'shop' }))).RuleBasedMatching, undefined);
      // The same bucket is A's to name.
      const ok = await a.send(new UpdateDomainCommand({ DomainName: 'shop', Matching: { Enabled: false, ExportingConfig: { S3Exporting: { S3BucketName: BUCKET_A } } } }));
      assert.equal(ok.Matching?.ExportingConfig?.S3Exporting?.S3BucketName, BUCKET_A);
    });

    test("with its own keys B still cannot read A's bucket: S3 refuses them and nothing of A's is ingested", async () => {
      await profileCli(ACCOUNT_B, 'own', keyB);
      await b.send(new PutIntegrationCommand({ DomainName: 'shop', Uri: `s3://${BUCKET_A}/in/`, ObjectTypeName: 'Customer' }));
      const refusals = () => gate.requests.filter((request) => request.bucket === BUCKET_A && whoSigned(request) === 'B');
      await waitFor("B's first listing", () => (refusals().length > 0 ? true : undefined));
      await waitFor("B's next listing", () => (refusals().length > 1 ? true : undefined));
      assert.deepEqual(new Set(refusals().map((request) => request.status)), new Set([403]));
      assert.deepEqual(await byEmail(b, 'shop', 'private@tenant-a.example'), []);
    });

    test("B cannot write an export into A's bucket; its own export lands in its bucket, signed with its key", async () => {
      await b.send(new CreateDomainCommand({ DomainName: 'rules', DefaultExpirationDays: 30, RuleBasedMatching: rulesExportingTo(BUCKET_A, 'planted/') }));
      await b.send(new CreateProfileCommand({ DomainName: 'rules', FirstName: 'Bo', EmailAddress: 'bo@tenant-b.example' }));
      await b.send(new CreateProfileCommand({ DomainName: 'rules', FirstName: 'Bob', EmailAddress: 'BO@tenant-b.example' }));
      const write = (bucket: string) => gate.requests.find((request) => request.method === 'PUT' && request.bucket === bucket && whoSigned(request) === 'B');
      const refused = await waitFor("B's export attempt", () => write(BUCKET_A));
      assert.equal(refused.status, 403);
      await assert.rejects(s3.client.send(new GetObjectCommand({ Bucket: BUCKET_A, Key: 'planted/rule-based-matches.jsonl' })), { name: 'NoSuchKey' });

      await profileCli(ACCOUNT_B, 'own', keyB, ['--buckets', BUCKET_B]);
      await b.send(new UpdateDomainCommand({ DomainName: 'rules', RuleBasedMatching: rulesExportingTo(BUCKET_B, 'mine/') }));
      // Changing only ExportingConfig takes effect at the next change of a group.
      await b.send(new CreateProfileCommand({ DomainName: 'rules', FirstName: 'Bobby', EmailAddress: 'bo@TENANT-B.example' }));
      const written = await waitFor("B's export", () => write(BUCKET_B));
      assert.equal(written.status, 200);
      const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET_B, Key: 'mine/rule-based-matches.jsonl' }));
      assert.match((await object.Body?.transformToString()) ?? '', /"RuleLevel":1/);
    });

    test("credentials deleted since: the poll fails with that reason and tries no other keys", async () => {
      await connectorsCli(server, ['delete', '--account-id', '000000000000', '--name', 'own']);
      await drop('in/later.csv', 'customerId,email\na-2,later@tenant-a.example\n');
      await waitFor('the failure in the log', () => (/Account 000000000000 has no S3 credentials for bucket tenant-a-data/.test(server.output()) ? true : undefined));
      assert.deepEqual(await byEmail(a, 'shop', 'later@tenant-a.example'), []);
    });

    test("every S3 request was signed with the account's own key, never the server's", () => {
      const seen = new Map<string, Set<number>>();
      for (const request of gate.requests) {
        const line = `${whoSigned(request)} ${request.bucket}`;
        seen.set(line, (seen.get(line) ?? new Set()).add(request.status));
      }
      assert.deepEqual(Object.fromEntries([...seen].map(([line, statuses]) => [line, [...statuses].sort()])), {
        [`A ${BUCKET_A}`]: [200],
        [`B ${BUCKET_A}`]: [403],
        [`B ${BUCKET_B}`]: [200],
      });
    });
  });
}
