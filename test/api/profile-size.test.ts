// A profile holds at most 250 KB (spec §3.15; issue 12, finding 5d): CreateProfile, UpdateProfile,
// PutProfileObject, bulk import and MergeProfiles refuse a write past it with a 400 naming the limit and
// write nothing, on every backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetDomainCommand, MergeProfilesCommand, UpdateProfileCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { createProfile, getProfile, newDomain, searchIds } from '../support/profiles.js';
import { listObjects, putObject, putType } from '../support/objects.js';

const run = promisify(execFile);
const LIMIT = /The profile would hold more than 256000 bytes \(250 KB\), the most a profile may hold \(\d+ bytes counted/;

/** `count` attributes of about 250 bytes each, named with `prefix`. */
function attributes(prefix: string, count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `${i}`.padEnd(240, 'v')]));
}

const bytesOf = (profile: unknown) => Buffer.byteLength(JSON.stringify(profile), 'utf8');

const CONTACT = {
  Description: 'contacts',
  AllowProfileCreation: true,
  Fields: {
    id: { Source: '_source.id' },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    note: { Source: '_source.note', Target: '_profile.Attributes.note' },
  },
  Keys: {
    contactId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['id'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

for (const backend of backends()) {
  describe(`profile size on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    const dir = mkdtempSync(join(tmpdir(), 'op-size-'));
    before(async () => {
      server = await backend.start();
      client = server.client();
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });
    const stats = async (domain: string) => (await client.send(new GetDomainCommand({ DomainName: domain }))).Stats!;

    test('CreateProfile and UpdateProfile past 250 KB are refused; the profile stays as it was', async () => {
      const domain = await newDomain(client);
      await rejectsWith(createProfile(client, domain, { FirstName: 'Big', Attributes: attributes('a', 1100) }), 'BadRequestException', 400, LIMIT);
      assert.equal((await stats(domain)).ProfileCount, 0);
      const id = await createProfile(client, domain, { FirstName: 'Ann', Attributes: attributes('a', 900) });
      const before = await getProfile(client, domain, id);
      assert.ok(bytesOf(before) > 200_000);
      await rejectsWith(client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, LastName: 'Lee', Attributes: attributes('b', 200) })), 'BadRequestException', 400, LIMIT);
      assert.deepEqual(await getProfile(client, domain, id), before);
      // Within the limit, removing some makes room for others.
      const removed = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`a${i}`, '']));
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, Attributes: { ...removed, ...attributes('b', 200) } }));
      assert.equal(Object.keys((await getProfile(client, domain, id))?.Attributes ?? {}).length, 900);
    });

    test('the issue\'s 150,000 attributes (3.8 MB) are refused without writing', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain, { FirstName: 'Ann' });
      const many = Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`attribute-${i}`, `value-${i}`]));
      const started = performance.now();
      await rejectsWith(client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, Attributes: many })), 'BadRequestException', 400, LIMIT);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 30_000, `refused in ${elapsed.toFixed(0)} ms`);
      assert.equal((await getProfile(client, domain, id))?.Attributes, undefined);
    });

    test('PutProfileObject and bulk import past 250 KB refuse the object; the others go in', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Contact', CONTACT);
      const id = await createProfile(client, domain, { EmailAddress: 'ann@example.com', Attributes: attributes('a', 1000) });
      // Stored, the profile is its wire form without `"ProfileId":"<32 hex>",` (47 bytes); a pad takes it to
      // about 130 bytes short of the limit, so a 254-character note (264 bytes more) no longer fits.
      let deficit = 256_000 - 130 - (bytesOf(await getProfile(client, domain, id)) - 47);
      const pads: Record<string, string> = {};
      for (let k = 0; ; k++) {
        const name = `p${k}`;
        const length = Math.min(240, deficit - (name.length + 6));
        if (length < 1) break;
        pads[name] = 'p'.repeat(length);
        deficit -= name.length + 6 + length;
      }
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, Attributes: pads }));
      await rejectsWith(putObject(client, domain, 'Contact', { id: 'c1', email: 'ann@example.com', note: 'n'.repeat(254) }), 'BadRequestException', 400, LIMIT);
      assert.equal((await stats(domain)).ObjectCount, 0);
      assert.equal((await getProfile(client, domain, id))?.Attributes?.['note'], undefined);
      // A shorter note (110 bytes) still fits.
      await putObject(client, domain, 'Contact', { id: 'c0', email: 'ann@example.com', note: 'n'.repeat(100) });
      assert.equal((await getProfile(client, domain, id))?.Attributes?.['note'], 'n'.repeat(100));

      const file = join(dir, `${domain}.jsonl`);
      const rejects = join(dir, `${domain}.rejects.jsonl`);
      const records = [{ id: 'c2', email: 'ann@example.com', note: 'n'.repeat(254) }, { id: 'c3', email: 'bob@example.com', note: 'small' }];
      writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
      const args = [CLI_ENTRY, 'import', file, '--domain', domain, '--object-type', 'Contact', '--rejects', rejects, '--data-dir', server.dataDir];
      if (server.databaseUrl) args.push('--database', server.databaseUrl);
      const { stdout } = await run(process.execPath, args);
      assert.deepEqual(JSON.parse(stdout), { Imported: 1, Rejected: 1, Records: 2 });
      const [rejected] = readFileSync(rejects, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { record: number; reason: string });
      assert.equal(rejected?.record, 0);
      assert.match(rejected!.reason, LIMIT);
      assert.deepEqual((await listObjects(client, domain, id, 'Contact')).map((object) => object.object['id']), ['c0']);
      const [bob] = await searchIds(client, { DomainName: domain, KeyName: '_email', Values: ['bob@example.com'] });
      assert.equal((await getProfile(client, domain, bob!))?.Attributes?.['note'], 'small');
    });

    test('a standard-object record past 250 KB is refused like a profile; the record stays as it was', async () => {
      const domain = await newDomain(client);
      const typeFor = (t: number) => ({
        Description: 'registrations',
        AllowProfileCreation: true,
        Fields: {
          id: { Source: '_source.id' },
          serial: { Source: '_source.serial' },
          ...Object.fromEntries(Array.from({ length: 248 }, (_, i) => [`a${i}`, { Source: `_source.a${i}`, Target: `_asset.Attributes.t${t}x${i}` }])),
        },
        Keys: {
          registrationId: [{ StandardIdentifiers: ['PROFILE' as const, 'UNIQUE' as const], FieldNames: ['id'] }],
          serialNumber: [{ StandardIdentifiers: ['ASSET' as const], FieldNames: ['serial'] }],
        },
      });
      const values = Object.fromEntries(Array.from({ length: 248 }, (_, i) => [`a${i}`, 'v'.repeat(255)]));
      for (let t = 0; t < 3; t++) {
        await putType(client, domain, `Reg${t}`, typeFor(t));
        await putObject(client, domain, `Reg${t}`, { id: 'owner', serial: 'S-1', ...values });
      }
      await putType(client, domain, 'Reg3', typeFor(3));
      await rejectsWith(putObject(client, domain, 'Reg3', { id: 'owner', serial: 'S-1', ...values }), 'BadRequestException', 400, /The _asset record would hold \d+ bytes, over the limit of 256000 bytes \(250 KB\)/);
      const [owner] = await searchIds(client, { DomainName: domain, KeyName: 'registrationId', Values: ['owner'] });
      const [asset] = await listObjects(client, domain, owner!, '_asset');
      assert.equal(Object.keys(asset?.object['Attributes'] as object).length, 3 * 248);
      assert.equal((await listObjects(client, domain, owner!, 'Reg3')).length, 0);
    });

    test('MergeProfiles whose merged profile would pass 250 KB is refused; nothing is merged', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Contact', CONTACT);
      const main = await createProfile(client, domain, { EmailAddress: 'main@example.com', Attributes: attributes('m', 600) });
      const other = await createProfile(client, domain, { EmailAddress: 'other@example.com', Attributes: attributes('o', 600) });
      await putObject(client, domain, 'Contact', { id: 'o1', email: 'other@example.com' });
      await rejectsWith(client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: [other] })), 'BadRequestException', 400, LIMIT);
      assert.equal((await stats(domain)).ProfileCount, 2);
      assert.equal(Object.keys((await getProfile(client, domain, main))?.Attributes ?? {}).length, 600);
      assert.equal((await listObjects(client, domain, other, 'Contact')).length, 1, 'the object stays on its profile');
    });
  });
}
