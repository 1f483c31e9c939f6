// The server process: data survives a restart, SIGTERM drains and exits 0, the root key is generated
// once, and two servers can start together on one fresh PostgreSQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateDomainCommand, GetDomainCommand, ListDomainsCommand } from '@aws-sdk/client-customer-profiles';
import { startServer } from '../support/server.js';
import { createTempDatabase, postgresSkipReason } from '../support/postgres.js';


describe('server lifecycle', () => {
  test('an acknowledged write survives SIGTERM and restart; SIGTERM exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'op-restart-'));
    const first = await startServer({ dataDir, generatedRootKey: true });
    const root = /aws_access_key_id\s+= (\S+)\n\s+aws_secret_access_key = (\S+)/.exec(first.output());
    assert.ok(root, 'the generated root key is printed on first start');
    const credentials = { accessKeyId: root[1]!, secretAccessKey: root[2]! };
    const client = first.client({ credentials });
    await client.send(new CreateDomainCommand({ DomainName: 'durable', DefaultExpirationDays: 42 }));
    client.destroy();
    assert.equal(await first.stop('SIGTERM'), 0);

    const second = await startServer({ dataDir, generatedRootKey: true });
    try {
      assert.doesNotMatch(second.output(), /Created the root key/, 'the root key is generated only once');
      const again = second.client({ credentials });
      assert.equal((await again.send(new GetDomainCommand({ DomainName: 'durable' }))).DefaultExpirationDays, 42);
      again.destroy();
    } finally {
      assert.equal(await second.stop('SIGTERM'), 0);
    }
  });

  test('two servers started at once on one fresh PostgreSQL both serve the same data', { skip: postgresSkipReason() }, async () => {
    const database = await createTempDatabase();
    try {
      // Servers sharing a database share its master key (a server with another key refuses to start).
      const options = { databaseUrl: database.url, env: { OPENPROFILES_MASTER_KEY: 'one key for both servers' } };
      const [a, b] = await Promise.all([startServer(options), startServer(options)]);
      try {
        const ca = a.client();
        const cb = b.client({ credentials: a.root });
        await ca.send(new CreateDomainCommand({ DomainName: 'one', DefaultExpirationDays: 1 }));
        // b's static root key differs from a's, but the default account is the same; a's key is unknown to b.
        await assert.rejects(cb.send(new ListDomainsCommand({})), { name: 'UnrecognizedClientException' });
        const cbOwn = b.client();
        assert.deepEqual((await cbOwn.send(new ListDomainsCommand({}))).Items?.map((item) => item.DomainName), ['one']);
        ca.destroy();
        cb.destroy();
        cbOwn.destroy();
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    } finally {
      await database.drop();
    }
  });
});
