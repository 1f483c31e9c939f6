// A full database (SQLite capped at its size with max_page_count, as a full disk would leave it) answers
// writes InternalServerException saying storage is full, logs it once rather than per request, and still
// serves reads. (That PostgreSQL's disk_full maps to the same error: test/storage/error-classification.test.ts.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { CreateDomainCommand, CustomerProfilesClient, GetDomainCommand, PutProfileObjectCommand } from '@aws-sdk/client-customer-profiles';
import { readConfig } from '../../src/config.js';
import { createContainer, type Container } from '../../src/container.js';
import { buildApp } from '../../src/server/app.js';
import { putType } from '../support/objects.js';
import { randomRootKey } from '../support/server.js';

describe('storage full on sqlite', () => {
  const lines: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'op-full-'));
  const root = randomRootKey();
  let container: Container;
  let app: ReturnType<typeof buildApp>;
  let client: CustomerProfilesClient;
  before(async () => {
    const env = { OPENPROFILES_ROOT_ACCESS_KEY_ID: root.accessKeyId, OPENPROFILES_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey };
    const config = readConfig({ dataDir, port: 0 }, env);
    assert.equal(config.database.kind, 'sqlite');
    // The file may not grow past the size the migrations left it: room only in the pages it has.
    const capped = { ...config, database: { ...config.database, maxPageCount: 1 } };
    const log = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }));
    container = await createContainer(capped, { log });
    app = buildApp(container);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    client = new CustomerProfilesClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: root, maxAttempts: 1 });
  });
  after(async () => {
    client?.destroy();
    await app?.close();
    await container?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a write that needs more room is a 500 saying storage is full, logged once; reads go on', async () => {
    await client.send(new CreateDomainCommand({ DomainName: 'full', DefaultExpirationDays: 5 }));
    await putType(client, 'full', 'Note', {
      Description: 'large notes',
      AllowProfileCreation: true,
      Fields: { id: { Source: '_source.id' }, text: { Source: '_source.text' } },
      Keys: { noteId: [{ StandardIdentifiers: ['UNIQUE', 'PROFILE'], FieldNames: ['id'] }] },
    });
    const large = (n: number) => JSON.stringify({ id: `n${n}`, text: 'x'.repeat(200_000) });
    for (const n of [1, 2, 3]) {
      await assert.rejects(client.send(new PutProfileObjectCommand({ DomainName: 'full', ObjectTypeName: 'Note', Object: large(n) })), (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(error.name, 'InternalServerException');
        assert.equal(error.$metadata?.httpStatusCode, 500);
        assert.equal(error.message, "The server's storage is full: nothing was written. Try again once space has been freed.");
        return true;
      });
    }
    const logged = lines.filter((line) => line.includes('storage is full'));
    assert.equal(logged.length, 1, `one log line for three failed writes:\n${lines.join('')}`);
    assert.equal(lines.filter((line) => line.includes('unexpected failure')).length, 0);
    assert.deepEqual((await client.send(new GetDomainCommand({ DomainName: 'full' }))).Stats, { ProfileCount: 0, MeteringProfileCount: 0, ObjectCount: 0, TotalSize: 0 });
  });
});
