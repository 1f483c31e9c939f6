// A second server on the same database with another master key refuses to start, saying why, instead of
// answering 500 to every IAM user; with the right key it serves the first server's users. Both backends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListDomainsCommand } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { iamClient, policyDocument, userWithPolicies } from '../support/iam.js';
import { startServer, type Credentials, type RunningServer, type ServerOptions } from '../support/server.js';

for (const backend of backends()) {
  describe(`the master key on ${backend.name}`, { skip: backend.skip }, () => {
    let first: RunningServer;
    let user: Credentials;
    before(async () => {
      first = await backend.start();
      const iam = iamClient(first);
      user = await userWithPolicies(iam, 'reader', [policyDocument({ Effect: 'Allow', Action: 'profile:ListDomains', Resource: '*' })]);
      iam.destroy();
    });
    after(async () => {
      await first?.stop();
    });

    /** The same database as the first server: its SQLite file (through its data dir), or its PostgreSQL. */
    const sameDatabase = (env: Record<string, string>): ServerOptions =>
      first.databaseUrl ? { databaseUrl: first.databaseUrl, env } : { dataDir: first.dataDir, env };

    test('a second server with another key exits with a message naming the master key', async () => {
      const started = startServer(sameDatabase({ OPENPROFILES_MASTER_KEY: 'not the key this database was first served with' }));
      const outcome = await started.then(
        async (second) => {
          await second.stop();
          return undefined;
        },
        (error: Error) => error,
      );
      assert.ok(outcome, 'the second server started');
      assert.match(outcome.message, /exited with 1 before listening/);
      assert.match(outcome.message, /master key does not open the secrets this database holds/);
    });

    test('a second server with the same key serves the first one\'s IAM users', async () => {
      const key = readFileSync(join(first.dataDir, 'master.key'), 'utf8').trim();
      const second = await startServer(sameDatabase({ OPENPROFILES_MASTER_KEY: key }));
      try {
        const client = second.client({ credentials: user });
        assert.ok((await client.send(new ListDomainsCommand({}))).Items);
        client.destroy();
      } finally {
        await second.stop();
      }
    });
  });
}
