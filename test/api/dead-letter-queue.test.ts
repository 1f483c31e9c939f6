// DeadLetterQueueUrl cannot make the server send anywhere (issue 12, finding 3), through a real server on every
// backend: a queue URL on an endpoint the operator did not allow is a 400 at CreateDomain and UpdateDomain and
// that host hears nothing; on an allowed endpoint the account needs its own SQS connector profile (400 without
// one), and the dead letter then arrives signed with the account's key — never the server's own AWS keys, which
// it has in its environment here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CreateDomainCommand, GetDomainCommand, UpdateDomainCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { putObject, putType } from '../support/objects.js';
import { startFakeSqs, type FakeSqs } from '../support/fake-sqs.js';
import { connectorsCli } from '../support/workflows.js';

const run = promisify(execFile);

const CRM = {
  Description: 'CRM contacts that never create profiles',
  AllowProfileCreation: false,
  Fields: { id: { Source: '_source.id' }, email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' as const } },
  Keys: {
    crmId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['id'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};
const NOT_ALLOWED = /DeadLetterQueueUrl must be an SQS queue URL, https:\/\/sqs\.<region>\.amazonaws\.com\/<12-digit account>\/<queue name>/;
const SERVER_KEY = { accessKeyId: 'AKIASERVERDEFAULTKEY', secretAccessKey: 'server-secret' };
const ACCOUNT_KEY = { accessKeyId: 'AKIAACCOUNTDLQKEY01', secretAccessKey: 'account-secret' };

async function waitFor(what: string, probe: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const backend of backends()) {
  describe(`dead-letter queues on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    /** A host of a tenant's choosing. */
    let listener: FakeSqs;
    /** An SQS-compatible endpoint the operator allows. */
    let allowed: FakeSqs;
    before(async () => {
      listener = await startFakeSqs();
      allowed = await startFakeSqs();
      server = await backend.start({
        env: { OPENPROFILES_SQS_ENDPOINTS: allowed.url, AWS_ACCESS_KEY_ID: SERVER_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: SERVER_KEY.secretAccessKey, AWS_REGION: 'us-east-1' },
      });
      client = server.client();
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
      await listener?.close();
      await allowed?.close();
    });

    test('a queue URL on an endpoint the operator did not allow is a 400 at CreateDomain and UpdateDomain, and nothing is stored', async () => {
      const refused = [
        `${listener.url}/123456789012/stolen`,
        'https://sqs.us-east-1.amazonaws.com.attacker.example/123456789012/q',
        'http://sqs.us-east-1.amazonaws.com/123456789012/q',
        'https://sqs.us-east-1.amazonaws.com/1234/q',
        'https://sqs.us-east-1.amazonaws.com/123456789012/q?Action=SendMessage',
        'https://user@sqs.us-east-1.amazonaws.com/123456789012/q',
        `${allowed.url}/123456789012/q/more`,
        'not a url',
      ];
      for (const url of refused) {
        await rejectsWith(client.send(new CreateDomainCommand({ DomainName: 'ssrf', DefaultExpirationDays: 30, DeadLetterQueueUrl: url })), 'BadRequestException', 400, NOT_ALLOWED);
      }
      await rejectsWith(client.send(new GetDomainCommand({ DomainName: 'ssrf' })), 'ResourceNotFoundException', 404);

      // "" is still "absent" on CreateDomain and "clear" on UpdateDomain.
      const created = await client.send(new CreateDomainCommand({ DomainName: 'ssrf', DefaultExpirationDays: 30, DeadLetterQueueUrl: '' }));
      assert.equal(created.DeadLetterQueueUrl, undefined);
      for (const url of refused) {
        await rejectsWith(client.send(new UpdateDomainCommand({ DomainName: 'ssrf', DeadLetterQueueUrl: url })), 'BadRequestException', 400, NOT_ALLOWED);
      }
      assert.equal((await client.send(new GetDomainCommand({ DomainName: 'ssrf' }))).DeadLetterQueueUrl, undefined);
      assert.equal((await client.send(new UpdateDomainCommand({ DomainName: 'ssrf', DeadLetterQueueUrl: '' }))).DeadLetterQueueUrl, undefined);
      await rejectsWith(client.send(new UpdateDomainCommand({ DomainName: 'ghost', DeadLetterQueueUrl: `${listener.url}/123456789012/stolen` })), 'ResourceNotFoundException', 404);

      // A dead letter of that domain stays in the store.
      await putType(client, 'ssrf', 'Crm', CRM);
      await putObject(client, 'ssrf', 'Crm', { id: 'lost-1', email: 'nobody@example.com' });
    });

    test("an allowed queue needs the account's own SQS connector profile: a 400 saying what to add", async () => {
      await rejectsWith(
        client.send(new CreateDomainCommand({ DomainName: 'nokeys', DefaultExpirationDays: 30, DeadLetterQueueUrl: `${allowed.url}/123456789012/dlq` })),
        'BadRequestException',
        400,
        new RegExp(`Account 000000000000 has no SQS credentials for ${allowed.url} in us-east-1.*put-profile --type sqs .*--instance-url ${allowed.url}`),
      );
      await rejectsWith(
        client.send(new CreateDomainCommand({ DomainName: 'nokeys', DefaultExpirationDays: 30, DeadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/dlq' })),
        'BadRequestException',
        400,
        /no SQS credentials for https:\/\/sqs\.eu-west-1\.amazonaws\.com in us-east-1.*put-profile --type sqs/,
      );
      await rejectsWith(client.send(new GetDomainCommand({ DomainName: 'nokeys' })), 'ResourceNotFoundException', 404);
    });

    test("with the endpoint allowed and the account's profile, dead letters arrive signed with the account's key; another account has no use of it", async () => {
      await connectorsCli(server, ['put-profile', '--name', 'dlq', '--type', 'sqs', '--instance-url', allowed.url, '--access-key-id', ACCOUNT_KEY.accessKeyId, '--secret-access-key', ACCOUNT_KEY.secretAccessKey]);
      const queueUrl = `${allowed.url}/123456789012/profiles-dlq`;
      await client.send(new UpdateDomainCommand({ DomainName: 'ssrf', DeadLetterQueueUrl: queueUrl }));
      await putObject(client, 'ssrf', 'Crm', { id: 'lost-2', email: 'nobody@example.com' });
      await waitFor('the dead letter', () => allowed.received.length > 0);
      assert.equal(allowed.received.length, 1);
      const [message] = allowed.received;
      assert.equal(message!.queueUrl, queueUrl);
      assert.equal(message!.accessKeyId, ACCOUNT_KEY.accessKeyId, "signed with the account's key, not the server's");
      assert.equal(JSON.parse(message!.body).Object, '{"id":"lost-2","email":"nobody@example.com"}');

      const args = [CLI_ENTRY, 'accounts', 'create', '--id', '111122223333', '--data-dir', server.dataDir, ...(server.databaseUrl ? ['--database', server.databaseUrl] : [])];
      const other = JSON.parse((await run(process.execPath, args)).stdout) as { AccessKeyId: string; SecretAccessKey: string };
      const second = server.client({ credentials: { accessKeyId: other.AccessKeyId, secretAccessKey: other.SecretAccessKey } });
      try {
        await rejectsWith(
          second.send(new CreateDomainCommand({ DomainName: 'ssrf', DefaultExpirationDays: 30, DeadLetterQueueUrl: queueUrl })),
          'BadRequestException',
          400,
          /Account 111122223333 has no SQS credentials/,
        );
      } finally {
        second.destroy();
      }
    });

    test('the profile deleted since: the send fails with that reason and nothing is sent', async () => {
      await connectorsCli(server, ['delete', '--name', 'dlq']);
      await putObject(client, 'ssrf', 'Crm', { id: 'lost-3', email: 'nobody@example.com' });
      await waitFor('the failed send in the log', () => /Account 000000000000 has no SQS credentials/.test(server.output()));
      assert.equal(allowed.received.length, 1);
    });

    test('the host of the refused URLs heard nothing', () => {
      assert.deepEqual(listener.received, []);
    });
  });
}
