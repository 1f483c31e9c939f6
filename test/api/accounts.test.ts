// Accounts are walls: a second account's root sees none of the first account's domains and may not touch them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  GetDomainCommand,
  ListDomainsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';

const run = promisify(execFile);

for (const backend of backends()) {
  describe(`accounts on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let first: CustomerProfilesClient;
    let second: CustomerProfilesClient;
    let secondAccount: string;
    before(async () => {
      server = await backend.start();
      first = server.client();
      const args = [CLI_ENTRY, 'accounts', 'create', '--id', '111122223333', '--data-dir', server.dataDir];
      if (server.databaseUrl) args.push('--database', server.databaseUrl);
      const { stdout } = await run(process.execPath, args);
      const created = JSON.parse(stdout) as { AccountId: string; AccessKeyId: string; SecretAccessKey: string };
      secondAccount = created.AccountId;
      second = server.client({ credentials: { accessKeyId: created.AccessKeyId, secretAccessKey: created.SecretAccessKey } });
      await first.send(new CreateDomainCommand({ DomainName: 'shared-name', DefaultExpirationDays: 7, Tags: { owner: 'first' } }));
    });
    after(async () => {
      first?.destroy();
      second?.destroy();
      await server?.stop();
    });

    test('the new account has its own root key and an empty world', async () => {
      assert.equal(secondAccount, '111122223333');
      assert.deepEqual((await second.send(new ListDomainsCommand({}))).Items, []);
      await rejectsWith(second.send(new GetDomainCommand({ DomainName: 'shared-name' })), 'ResourceNotFoundException', 404);
      await rejectsWith(second.send(new DeleteDomainCommand({ DomainName: 'shared-name' })), 'ResourceNotFoundException', 404);
    });

    test('the same domain name in two accounts is two domains', async () => {
      await second.send(new CreateDomainCommand({ DomainName: 'shared-name', DefaultExpirationDays: 99 }));
      assert.equal((await first.send(new GetDomainCommand({ DomainName: 'shared-name' }))).DefaultExpirationDays, 7);
      assert.equal((await second.send(new GetDomainCommand({ DomainName: 'shared-name' }))).DefaultExpirationDays, 99);
    });

    test("another account's ARN is AccessDenied, whatever the caller's own resources are", async () => {
      const foreign = 'arn:aws:profile:us-east-1:000000000000:domains/shared-name';
      await rejectsWith(
        second.send(new TagResourceCommand({ resourceArn: foreign, tags: { owner: 'second' } })),
        'AccessDeniedException',
        403,
        /^User: arn:aws:iam::111122223333:root is not authorized to perform: profile:TagResource on resource: arn:aws:profile:us-east-1:000000000000:domains\/shared-name because no identity-based policy allows the profile:TagResource action$/,
      );
      await rejectsWith(second.send(new ListTagsForResourceCommand({ resourceArn: foreign })), 'AccessDeniedException', 403);
      assert.deepEqual((await first.send(new ListTagsForResourceCommand({ resourceArn: foreign }))).tags, { owner: 'first' });
    });
  });
}
