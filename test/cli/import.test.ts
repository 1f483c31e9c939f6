// `openprofiles import`: CSV, JSON Lines and JSON arrays through the ingestion path beside a running
// server; rejects reported with reasons; an interrupted import resumes and holds each record once; a file
// already imported elsewhere (another domain, a domain deleted and re-created) is imported again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateDomainCommand, DeleteDomainCommand, GetDomainCommand, PutProfileObjectTypeCommand, SearchProfilesCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';

const run = promisify(execFile);

const CUSTOMER_TYPE = {
  Description: 'customers from a CRM export',
  AllowProfileCreation: true,
  Fields: {
    id: { Source: '_source.id' },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    name: { Source: '_source.name', Target: '_profile.FirstName', ContentType: 'NAME' as const },
  },
  Keys: { crmId: [{ StandardIdentifiers: ['PROFILE' as const, 'UNIQUE' as const], FieldNames: ['id'] }] },
};

for (const backend of backends()) {
  describe(`import on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    const dir = mkdtempSync(join(tmpdir(), 'op-import-'));
    const cli = (...args: string[]) => {
      const all = [CLI_ENTRY, 'import', ...args, '--data-dir', server.dataDir];
      if (server.databaseUrl) all.push('--database', server.databaseUrl);
      return all;
    };
    const objectCount = async (domain: string) => (await client.send(new GetDomainCommand({ DomainName: domain }))).Stats?.ObjectCount;
    before(async () => {
      server = await backend.start();
      client = server.client();
      for (const domain of ['csv', 'jsonl', 'json', 'resume', 'first', 'second']) await createDomain(domain);
    });
    const createDomain = async (domain: string) => {
      await client.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 30 }));
      await client.send(new PutProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: 'Customer', ...CUSTOMER_TYPE }));
    };
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('CSV rows become objects; a bad row is rejected with its reason and the rest go in', async () => {
      const file = join(dir, 'customers.csv');
      writeFileSync(file, 'id,email,name\nc1,Ann@Example.com,Ann\n,nobody@example.com,NoId\nc2,bob@example.com,Bob\n');
      const rejects = join(dir, 'rejects.jsonl');
      const { stdout } = await run(process.execPath, cli(file, '--domain', 'csv', '--object-type', 'Customer', '--rejects', rejects));
      assert.deepEqual(JSON.parse(stdout), { Imported: 2, Rejected: 1, Records: 3 });
      const rejected = readFileSync(rejects, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { record: number; reason: string });
      assert.equal(rejected.length, 1);
      assert.equal(rejected[0]!.record, 1);
      assert.match(rejected[0]!.reason, /UNIQUE|unique/);
      const found = await client.send(new SearchProfilesCommand({ DomainName: 'csv', KeyName: '_email', Values: ['ann@example.com'] }));
      assert.equal(found.Items?.[0]?.FirstName, 'Ann');
    });

    test('JSON Lines and JSON arrays', async () => {
      const lines = join(dir, 'customers.jsonl');
      writeFileSync(lines, ['{"id":"j1","email":"j1@example.com"}', '', '{"id":"j2","email":"j2@example.com","extra":{"nested":true}}'].join('\n'));
      const { stdout } = await run(process.execPath, cli(lines, '--domain', 'jsonl', '--object-type', 'Customer'));
      assert.deepEqual(JSON.parse(stdout), { Imported: 2, Rejected: 0, Records: 2 });
      const array = join(dir, 'customers.json');
      writeFileSync(array, JSON.stringify([{ id: 'a1', email: 'a1@example.com' }, { id: 'a2', email: 'a2@example.com' }, { id: 'a3' }]));
      const second = await run(process.execPath, cli(array, '--domain', 'json', '--object-type', 'Customer'));
      assert.deepEqual(JSON.parse(second.stdout), { Imported: 3, Rejected: 0, Records: 3 });
      assert.equal(await objectCount('json'), 3);
    });

    test('an import cut short resumes from its checkpoint, and a killed one holds each record once', async () => {
      const file = join(dir, 'many.jsonl');
      const total = 1500;
      writeFileSync(file, Array.from({ length: total }, (_, i) => JSON.stringify({ id: `r${i}`, email: `r${i}@example.com` })).join('\n') + '\n');
      const partial = await run(process.execPath, cli(file, '--domain', 'resume', '--object-type', 'Customer', '--limit', '400', '--batch-size', '50'));
      assert.deepEqual(JSON.parse(partial.stdout), { Imported: 400, Rejected: 0, Records: 400 });
      assert.equal(await objectCount('resume'), 400);

      const child = spawn(process.execPath, cli(file, '--domain', 'resume', '--object-type', 'Customer', '--batch-size', '50'), { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      for (let waited = 0; !/resuming at record/.test(err) && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGKILL');
      await exited;
      assert.match(err, /resuming at record 400/);

      const rest = await run(process.execPath, cli(file, '--domain', 'resume', '--object-type', 'Customer', '--batch-size', '50'));
      const summary = JSON.parse(rest.stdout) as { Imported: number; Records: number; Earlier: { Imported: number; Records: number } };
      assert.ok(summary.Earlier.Records >= 400, 'the earlier runs are reported apart from this one');
      assert.equal(summary.Earlier.Records + summary.Records, total);
      assert.equal(summary.Earlier.Imported + summary.Imported, total);
      assert.equal(await objectCount('resume'), total, 'every record once: none lost, none twice');
    });

    test('a file already imported goes into another domain, and again into a domain deleted and re-created', async () => {
      const file = join(dir, 'shared.jsonl');
      const total = 30;
      writeFileSync(file, Array.from({ length: total }, (_, i) => JSON.stringify({ id: `s${i}`, email: `s${i}@example.com` })).join('\n') + '\n');
      const importInto = async (domain: string) => JSON.parse((await run(process.execPath, cli(file, '--domain', domain, '--object-type', 'Customer'))).stdout) as unknown;
      const fresh = { Imported: total, Rejected: 0, Records: total };

      assert.deepEqual(await importInto('first'), fresh);
      assert.equal(await objectCount('first'), total);
      assert.deepEqual(await importInto('second'), fresh, 'another domain is another import');
      assert.equal(await objectCount('second'), total);

      await client.send(new DeleteDomainCommand({ DomainName: 'second' }));
      await createDomain('second');
      assert.equal(await objectCount('second'), 0);
      assert.deepEqual(await importInto('second'), fresh, 'a re-created domain is another import');
      assert.equal(await objectCount('second'), total);

      // The same file into the same domain again: this run writes nothing, and says so.
      assert.deepEqual(await importInto('second'), { Imported: 0, Rejected: 0, Records: 0, Earlier: fresh });
      assert.equal(await objectCount('second'), total);
    });
  });
}
