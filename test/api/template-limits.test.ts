// Bounded mappings (issue 12, finding 5a): templates stop within a budget per object and an output cap,
// deep or unsupported templates are refused when the type is saved, and every value a mapping writes
// meets the model's constraint of its target, through PutProfileObject and bulk import, on every backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetDomainCommand, type CustomerProfilesClient, type PutProfileObjectTypeCommandInput } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { getProfile, newDomain, searchIds } from '../support/profiles.js';
import { listObjects, putObject, putType } from '../support/objects.js';

const run = promisify(execFile);

type TypeBody = Omit<PutProfileObjectTypeCommandInput, 'DomainName' | 'ObjectTypeName'>;

/** A type keyed on `id` whose extra fields are given. */
function typeWith(fields: TypeBody['Fields'], keys: TypeBody['Keys'] = {}): TypeBody {
  return {
    Description: 'limits',
    AllowProfileCreation: true,
    Fields: { id: { Source: '_source.id' }, ...fields },
    Keys: { recId: [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['id'] }], ...keys },
  };
}

/** The example: about 6 KB of short items. */
function sixKilobytes(id: string): { id: string; items: number[] } {
  const items: number[] = [];
  for (let i = 1000; JSON.stringify({ id, items }).length < 6000; i++) items.push(i);
  return { id, items };
}

const NESTED_2 = '{{#each _source.items}}{{#each @root._source.items}}{{this}}{{/each}}{{/each}}';
const NESTED_3 = '{{#each _source.items}}{{#each @root._source.items}}{{#each @root._source.items}}{{this}}{{/each}}{{/each}}{{/each}}';
const SILENT_2 = '{{#each _source.items}}{{#each @root._source.items}}{{#if this.flag}}x{{/if}}{{/each}}{{/each}}';

for (const backend of backends()) {
  describe(`template and mapped-value limits on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    const dir = mkdtempSync(join(tmpdir(), 'op-limits-'));
    before(async () => {
      server = await backend.start();
      client = server.client();
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    const stats = async (domain: string) => (await client.send(new GetDomainCommand({ DomainName: domain }))).Stats!;
    const profileOf = async (domain: string, id: string) => {
      const [profileId] = await searchIds(client, { DomainName: domain, KeyName: 'recId', Values: [id] });
      return profileId === undefined ? undefined : getProfile(client, domain, profileId);
    };
    const timed = async <T>(work: () => Promise<T>): Promise<number> => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };

    test('nested #each over a 6 KB object is refused at once, naming the field and the limit; nothing is stored', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Nested', typeWith({ two: { Source: NESTED_2, Target: '_profile.Attributes.two' } }));
      await putType(client, domain, 'Deeper', typeWith({ three: { Source: NESTED_3, Target: '_profile.Attributes.three' } }));
      await putType(client, domain, 'Silent', typeWith({ quiet: { Source: SILENT_2, Target: '_profile.Attributes.quiet' } }));
      const output = /Field (two|three): its template produced more than 1000 characters, longer than any target takes/;
      const depth2 = await timed(() => rejectsWith(putObject(client, domain, 'Nested', sixKilobytes('n2')), 'BadRequestException', 400, output));
      const depth3 = await timed(() => rejectsWith(putObject(client, domain, 'Deeper', sixKilobytes('n3')), 'BadRequestException', 400, output));
      const silent = await timed(() =>
        rejectsWith(putObject(client, domain, 'Silent', sixKilobytes('s2')), 'BadRequestException', 400, /Field quiet: the object type's templates exceeded the evaluation budget of one object \(10000 units/),
      );
      for (const elapsed of [depth2, depth3, silent]) assert.ok(elapsed < 2000, `refused in ${elapsed.toFixed(0)} ms`);
      assert.deepEqual({ objects: (await stats(domain)).ObjectCount, profiles: (await stats(domain)).ProfileCount }, { objects: 0, profiles: 0 });
    });

    test('ordinary templates still work: loops, sections, else-if chains, @index, removeExtraSpace', async () => {
      const domain = await newDomain(client);
      await putType(
        client,
        domain,
        'Order',
        typeWith({
          skus: { Source: '{{#each _source.lines}}{{@index}}:{{sku}}{{#unless @last}},{{/unless}}{{/each}}', Target: '_profile.Attributes.skus' },
          labels: { Source: '{{#_source.tags}}[{{this}}]{{/_source.tags}}', Target: '_profile.Attributes.labels' },
          tier: { Source: '{{#if _source.gold}}gold{{else if _source.silver}}silver{{else}}none{{/if}}', Target: '_profile.Attributes.tier' },
          name: { Source: '{{#removeExtraSpace}}{{_source.first}} {{_source.middle}} {{_source.last}}{{/removeExtraSpace}}', Target: '_profile.FirstName' },
          city: { Source: '{{#with _source.address}}{{city}}{{/with}}', Target: '_profile.Address.City' },
        }),
      );
      const lines = Array.from({ length: 25 }, (_, i) => ({ sku: `S${i}` }));
      await putObject(client, domain, 'Order', { id: 'o1', lines, tags: ['a', 'b'], silver: true, first: 'Ann', last: 'Lee', address: { city: 'Oslo' } });
      const profile = await profileOf(domain, 'o1');
      assert.deepEqual(profile?.Attributes, { skus: lines.map((line, i) => `${i}:${line.sku}`).join(','), labels: '[a][b]', tier: 'silver' });
      assert.equal(profile?.FirstName, 'Ann Lee');
      assert.equal(profile?.Address?.City, 'Oslo');
    });

    test('a template failing on an object (a helper that does not exist) is a 400 naming the field, not a 500', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Odd', typeWith({ odd: { Source: '{{shout _source.id}}', Target: '_profile.Attributes.odd' } }));
      await rejectsWith(putObject(client, domain, 'Odd', { id: 'x1' }), 'BadRequestException', 400, /Field odd: its template failed on this object: Missing helper: "shout"/);
    });

    test('PutProfileObjectType refuses templates nested past 3 blocks, and partials, naming the field', async () => {
      const domain = await newDomain(client);
      const deep = '{{#if _source.a}}{{#with _source.b}}{{#each items}}{{#if ok}}y{{/if}}{{/each}}{{/with}}{{/if}}';
      await rejectsWith(putType(client, domain, 'Deep', typeWith({ deep: { Source: deep } })), 'BadRequestException', 400, /rule 9\): field deep: .* nests blocks 4 deep; at most 3/);
      await rejectsWith(putType(client, domain, 'Partial', typeWith({ part: { Source: '{{> other}}' } })), 'BadRequestException', 400, /field part: .* uses partials/);
      // An else-if chain continues its block: three levels with a long chain are fine.
      const chain = '{{#each _source.a}}{{#with this}}{{#if x}}1{{else if y}}2{{else if z}}3{{else}}4{{/if}}{{/with}}{{/each}}';
      await putType(client, domain, 'Chain', typeWith({ chain: { Source: chain } }));
    });

    test('a value longer than its target takes is refused naming the field, the target and the model constraint', async () => {
      const domain = await newDomain(client);
      await putType(
        client,
        domain,
        'Wide',
        typeWith({
          first: { Source: '_source.first', Target: '_profile.FirstName' },
          note: { Source: '_source.note', Target: '_profile.Attributes.note' },
          city: { Source: '_source.city', Target: '_profile.ShippingAddress.City' },
          info: { Source: '_source.info', Target: '_profile.AdditionalInformation' },
          email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' },
        }),
      );
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ id: 'w1', first: 'f'.repeat(256) }, /Field first maps a value to _profile\.FirstName that the model does not allow there: Value at 'FirstName' failed to satisfy constraint: Member must have length less than or equal to 255/],
        [{ id: 'w2', note: 'n'.repeat(256) }, /Field note maps a value to _profile\.Attributes\.note .*Value at 'Attributes\["note"\]' .*less than or equal to 255/],
        [{ id: 'w3', city: 'c'.repeat(300) }, /Field city maps a value to _profile\.ShippingAddress\.City .*Value at 'ShippingAddress\.City'/],
        [{ id: 'w4', info: 'i'.repeat(1001) }, /Field info maps a value to _profile\.AdditionalInformation .*less than or equal to 1000/],
        [{ id: 'w5', email: `${'e'.repeat(250)}@example.com` }, /Field email maps a value to _profile\.EmailAddress .*less than or equal to 255/],
        [{ id: 'w6', note: { deep: 'x'.repeat(250) } }, /Field note maps a value to _profile\.Attributes\.note/],
      ];
      for (const [object, message] of cases) await rejectsWith(putObject(client, domain, 'Wide', object), 'BadRequestException', 400, message);
      assert.equal((await stats(domain)).ObjectCount, 0);
      // At the limit, counted in code points (an emoji is two UTF-16 units): accepted and stored whole.
      const longest = { id: 'w7', first: '😀'.repeat(255), note: 'n'.repeat(255), info: 'i'.repeat(1000) };
      await putObject(client, domain, 'Wide', longest);
      const profile = await profileOf(domain, 'w7');
      assert.equal(profile?.FirstName, longest.first);
      assert.equal(profile?.Attributes?.['note'], longest.note);
      assert.equal(profile?.AdditionalInformation, longest.info);
    });

    test('a key value longer than a profile key takes (255) is refused naming the key, not a database error', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Keyed', typeWith({ ref: { Source: '_source.ref' } }, { refKey: [{ StandardIdentifiers: [], FieldNames: ['ref'] }] }));
      const random = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
      await rejectsWith(putObject(client, domain, 'Keyed', { id: 'k1', ref: random }), 'BadRequestException', 400, /Key refKey gets a value longer than a profile key can hold.*Value at 'Values\[0\]'.*less than or equal to 255/);
      await rejectsWith(putObject(client, domain, 'Keyed', { id: 'u'.repeat(256) }), 'BadRequestException', 400, /Key recId gets a value/);
      assert.equal((await stats(domain)).ObjectCount, 0);
      await putObject(client, domain, 'Keyed', { id: 'k2', ref: 'r'.repeat(255) });
      assert.equal((await searchIds(client, { DomainName: domain, KeyName: 'refKey', Values: ['r'.repeat(255)] })).length, 1);
    });

    test('standard-object records: Attributes and address lines take the profile rules, other members the longest (1000)', async () => {
      const domain = await newDomain(client);
      const asset = typeWith(
        {
          serial: { Source: '_source.serial' },
          description: { Source: '_source.description', Target: '_asset.Description' },
          color: { Source: '_source.color', Target: '_asset.Attributes.color' },
        },
        { serialKey: [{ StandardIdentifiers: ['ASSET'], FieldNames: ['serial'] }] },
      );
      await putType(client, domain, 'Registration', asset);
      await rejectsWith(putObject(client, domain, 'Registration', { id: 'a1', serial: 'S1', description: 'd'.repeat(1001) }), 'BadRequestException', 400, /Field description maps a value to _asset\.Description .*less than or equal to 1000/);
      await rejectsWith(putObject(client, domain, 'Registration', { id: 'a2', serial: 'S2', color: 'c'.repeat(256) }), 'BadRequestException', 400, /Field color maps a value to _asset\.Attributes\.color .*less than or equal to 255/);
      assert.deepEqual({ objects: (await stats(domain)).ObjectCount, profiles: (await stats(domain)).ProfileCount }, { objects: 0, profiles: 0 });
      await putObject(client, domain, 'Registration', { id: 'a3', serial: 'S3', description: 'd'.repeat(1000), color: 'blue' });
      const [profileId] = await searchIds(client, { DomainName: domain, KeyName: 'recId', Values: ['a3'] });
      const [record] = await listObjects(client, domain, profileId!, '_asset');
      assert.equal(record?.object['Description'], 'd'.repeat(1000));
    });

    test('bulk import: a record over a limit is rejected with its reason and the others go in', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Bulk', typeWith({ note: { Source: '_source.note', Target: '_profile.Attributes.note' }, two: { Source: NESTED_2, Target: '_profile.Attributes.two' } }));
      const asset = typeWith({ serial: { Source: '_source.serial' }, description: { Source: '_source.description', Target: '_asset.Description' } }, { serialKey: [{ StandardIdentifiers: ['ASSET'], FieldNames: ['serial'] }] });
      await putType(client, domain, 'BulkAsset', asset);
      const records = [{ id: 'b1', note: 'fine' }, { id: 'b2', note: 'n'.repeat(256) }, { ...sixKilobytes('b3') }, { id: 'b4', note: 'also fine' }];
      const assets = [{ id: 'c1', serial: 'S1', description: 'ok' }, { id: 'c2', serial: 'S2', description: 'd'.repeat(1001) }];
      const reasons = async (type: string, rows: readonly object[]) => {
        const file = join(dir, `${domain}-${type}.jsonl`);
        const rejects = join(dir, `${domain}-${type}.rejects.jsonl`);
        writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
        const args = [CLI_ENTRY, 'import', file, '--domain', domain, '--object-type', type, '--rejects', rejects, '--data-dir', server.dataDir];
        if (server.databaseUrl) args.push('--database', server.databaseUrl);
        const { stdout } = await run(process.execPath, args);
        const rejected = readFileSync(rejects, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { record: number; reason: string });
        return { summary: JSON.parse(stdout) as unknown, rejected };
      };
      const bulk = await reasons('Bulk', records);
      assert.deepEqual(bulk.summary, { Imported: 2, Rejected: 2, Records: 4 });
      assert.deepEqual(bulk.rejected.map((reject) => reject.record), [1, 2]);
      assert.match(bulk.rejected[0]!.reason, /Field note maps a value to _profile\.Attributes\.note/);
      assert.match(bulk.rejected[1]!.reason, /Field two: its template produced more than 1000 characters/);
      const standard = await reasons('BulkAsset', assets);
      assert.deepEqual(standard.summary, { Imported: 1, Rejected: 1, Records: 2 });
      assert.match(standard.rejected[0]!.reason, /Field description maps a value to _asset\.Description/);
      assert.equal((await profileOf(domain, 'b4'))?.Attributes?.['note'], 'also fine');
      assert.equal((await stats(domain)).ObjectCount, 4, 'two Bulk objects, one BulkAsset object and its _asset record');
    });
  });
}
