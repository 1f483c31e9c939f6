// PutProfileObject's identifier rules, inferred profiles, dead letters and bad input, through the official SDK on every backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AddProfileKeyCommand, CreateDomainCommand, DeleteDomainCommand, GetDomainCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { createProfile, getProfile, newDomain, searchIds } from '../support/profiles.js';
import { listObjects, putObject, putType } from '../support/objects.js';
import { startFakeSqs, type FakeSqs } from '../support/fake-sqs.js';
import { connectorsCli } from '../support/workflows.js';

const run = promisify(execFile);

/** A CRM record: UNIQUE+PROFILE on its id, PROFILE on the e-mail, a few profile targets. */
const CRM = {
  Description: 'CRM contacts',
  AllowProfileCreation: true,
  Fields: {
    id: { Source: '_source.id' },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    note: { Source: '_source.note', Target: '_profile.Attributes.note' },
  },
  Keys: {
    crmId: [{ StandardIdentifiers: ['PROFILE' as const, 'UNIQUE' as const], FieldNames: ['id'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

for (const backend of backends()) {
  describe(`ingestion rules on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    const stats = async (domain: string) => (await client.send(new GetDomainCommand({ DomainName: domain }))).Stats!;
    let sqs: FakeSqs;
    before(async () => {
      sqs = await startFakeSqs();
      // The stand-in queue's endpoint is one the operator allows, and the account has its own keys for it.
      server = await backend.start({ env: { OPENPROFILES_SQS_ENDPOINTS: sqs.url } });
      client = server.client();
      await connectorsCli(server, ['put-profile', '--name', 'dlq', '--type', 'sqs', '--instance-url', sqs.url, '--access-key-id', 'AKIDEXAMPLE', '--secret-access-key', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY']);
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
      await sqs?.close();
    });

    test('UNIQUE: re-ingesting replaces the object wholesale and answers the same key; fields are merged, never blanked', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Crm', CRM);
      const first = await putObject(client, domain, 'Crm', { id: 'c1', email: 'Ann@Example.com', note: 'first', extra: { kept: true } });
      const second = await putObject(client, domain, 'Crm', { id: 'c1', email: 'ann@example.com' });
      assert.equal(second, first);
      assert.ok(first.length >= 1 && first.length <= 255);
      const [profileId, ...more] = await searchIds(client, { DomainName: domain, KeyName: 'crmId', Values: ['c1'] });
      assert.equal(more.length, 0);
      const objects = await listObjects(client, domain, profileId!, 'Crm');
      assert.deepEqual(objects, [{ key: first, object: { id: 'c1', email: 'ann@example.com' } }]);
      const profile = await getProfile(client, domain, profileId!);
      assert.equal(profile?.EmailAddress, 'ann@example.com');
      assert.deepEqual(profile?.Attributes, { note: 'first' });
      assert.equal((await stats(domain)).ObjectCount, 1);
    });

    test('PROFILE: a key matching exactly one profile attaches the object there; object keys become searchable', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Crm', CRM);
      const ann = await createProfile(client, domain, { EmailAddress: 'ann@example.com' });
      await putObject(client, domain, 'Crm', { id: 'c2', email: 'ANN@example.com' });
      assert.equal((await listObjects(client, domain, ann, 'Crm')).length, 1);
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: 'crmId', Values: ['c2'] }), [ann]);
      assert.equal((await stats(domain)).ProfileCount, 1);
    });

    test('an ambiguous primary key is skipped: SECONDARY decides, else an inferred profile takes e-mail and phone from untargeted fields', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Ticket', {
        Description: 'Support tickets',
        AllowProfileCreation: true,
        Fields: {
          ticketId: { Source: '_source.ticket' },
          email: { Source: '_source.requester.email', ContentType: 'EMAIL_ADDRESS' },
          phone: { Source: '_source.requester.phone', ContentType: 'PHONE_NUMBER' },
          account: { Source: '_source.account' },
        },
        Keys: {
          ticketKey: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['ticketId'] }],
          _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
          accountRef: [{ StandardIdentifiers: ['PROFILE', 'SECONDARY'], FieldNames: ['account'] }],
        },
      });
      const twinA = await createProfile(client, domain, { EmailAddress: 'shared@example.com', FirstName: 'A' });
      const twinB = await createProfile(client, domain, { EmailAddress: 'shared@example.com', FirstName: 'B' });
      const holder = await createProfile(client, domain, { FirstName: 'Holder' });
      await client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: holder, KeyName: 'accountRef', Values: ['A-1'] }));

      await putObject(client, domain, 'Ticket', { ticket: 't1', requester: { email: 'shared@example.com' }, account: 'A-1' });
      assert.equal((await listObjects(client, domain, holder, 'Ticket')).length, 1);
      for (const twin of [twinA, twinB]) assert.equal((await listObjects(client, domain, twin, 'Ticket')).length, 0);

      await putObject(client, domain, 'Ticket', { ticket: 't2', requester: { email: 'shared@example.com', phone: '(206) 555-0100' }, account: 'A-2' });
      const [inferred, ...others] = await searchIds(client, { DomainName: domain, KeyName: 'ticketKey', Values: ['t2'] });
      assert.equal(others.length, 0);
      assert.ok(![twinA, twinB, holder].includes(inferred!));
      const profile = await getProfile(client, domain, inferred!);
      assert.equal(profile?.EmailAddress, 'shared@example.com');
      assert.equal(profile?.PhoneNumber, '(206) 555-0100');
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: 'accountRef', Values: ['A-2'] }), [inferred]);
    });

    test('LOOKUP_ONLY keys match but are never stored; NEW_ONLY keys are stored only on a profile the ingestion created', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Registration', {
        Description: 'Product registrations',
        AllowProfileCreation: true,
        Fields: {
          serial: { Source: '_source.serial' },
          email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' },
          phone: { Source: '_source.phone', ContentType: 'PHONE_NUMBER' },
        },
        Keys: {
          lookupEmail: [{ StandardIdentifiers: ['PROFILE', 'LOOKUP_ONLY'], FieldNames: ['email'] }],
          newOnlyPhone: [{ StandardIdentifiers: ['PROFILE', 'NEW_ONLY'], FieldNames: ['phone'] }],
          serialKey: [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['serial'] }],
        },
      });
      const owner = await createProfile(client, domain, { FirstName: 'Owner' });
      // AddProfileKey normalizes with the content type the domain's object types give the key (EMAIL_ADDRESS here).
      await client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: owner, KeyName: 'lookupEmail', Values: ['ANN@example.com'] }));
      await putObject(client, domain, 'Registration', { serial: 's1', email: 'Ann@Example.com', phone: '+1 206 555 0100' });
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: 'serialKey', Values: ['s1'] }), [owner]);
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: 'newOnlyPhone', Values: ['+12065550100'] }), []);

      await putObject(client, domain, 'Registration', { serial: 's2', email: 'bob@example.com', phone: '+1 206 555 0101' });
      const [created] = await searchIds(client, { DomainName: domain, KeyName: 'serialKey', Values: ['s2'] });
      assert.ok(created !== undefined && created !== owner);
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: 'newOnlyPhone', Values: ['(206) 555-0101'] }), [created]);
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: 'lookupEmail', Values: ['bob@example.com'] }), []);
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_email', Values: ['bob@example.com'] }), [created]);
    });

    test('without AllowProfileCreation an unmatched object is dead-lettered: 200 with its key, nothing stored, listed by the CLI', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Crm', { ...CRM, AllowProfileCreation: false });
      const key = await putObject(client, domain, 'Crm', { id: 'lost-1', email: 'nobody@example.com' });
      assert.ok(key.length > 0);
      assert.deepEqual(await stats(domain), { ProfileCount: 0, MeteringProfileCount: 0, ObjectCount: 0, TotalSize: 0 });
      const args = [CLI_ENTRY, 'dead-letters', 'list', '--domain', domain, '--data-dir', server.dataDir];
      if (server.databaseUrl) args.push('--database', server.databaseUrl);
      const { stdout } = await run(process.execPath, args, { env: { ...process.env, OPENPROFILES_LOG_LEVEL: 'warn' } });
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
      assert.equal(lines.length, 1);
      assert.equal(lines[0]!['ObjectTypeName'], 'Crm');
      assert.equal(lines[0]!['Reason'], 'NO_PROFILE_MATCH');
      assert.deepEqual(JSON.parse(lines[0]!['Object']!), { id: 'lost-1', email: 'nobody@example.com' });

      const ann = await createProfile(client, domain, { EmailAddress: 'nobody@example.com' });
      await putObject(client, domain, 'Crm', { id: 'lost-1', email: 'nobody@example.com' });
      assert.equal((await listObjects(client, domain, ann, 'Crm')).length, 1);

      // DeleteDomain takes the objects and the dead letters with it.
      await client.send(new DeleteDomainCommand({ DomainName: domain }));
      await client.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 30 }));
      assert.deepEqual(await stats(domain), { ProfileCount: 0, MeteringProfileCount: 0, ObjectCount: 0, TotalSize: 0 });
      assert.equal((await run(process.execPath, args, { env: { ...process.env, OPENPROFILES_LOG_LEVEL: 'warn' } })).stdout, '');
    });

    test('a dead letter is also sent to an SQS DeadLetterQueueUrl, by a durable job with the official SQS client', async () => {
      const domain = `dlq-${Date.now()}`;
      const queueUrl = `${sqs.url}/123456789012/profiles-dlq`;
      await client.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 30, DeadLetterQueueUrl: queueUrl }));
      await putType(client, domain, 'Crm', { ...CRM, AllowProfileCreation: false });
      await putObject(client, domain, 'Crm', { id: 'lost-2', email: 'nobody@example.com' });
      const deadline = Date.now() + 15_000;
      while (!sqs.received.some((message) => message.queueUrl === queueUrl) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const message = sqs.received.find((item) => item.queueUrl === queueUrl);
      assert.ok(message, `no SendMessage reached the queue:\n${server.output()}`);
      assert.equal(message.target, 'AmazonSQS.SendMessage');
      const body = JSON.parse(message.body) as Record<string, string>;
      assert.deepEqual({ ...body, CreatedAt: undefined }, { DomainName: domain, ObjectTypeName: 'Crm', Reason: 'NO_PROFILE_MATCH', CreatedAt: undefined, Object: '{"id":"lost-2","email":"nobody@example.com"}' });
    });

    test('standard objects: a record found by one identifier key takes the values; one matching two records is a 400 writing nothing', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Registration', {
        Description: 'Device registrations',
        AllowProfileCreation: true,
        Fields: {
          reg: { Source: '_source.reg' },
          email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' },
          serial: { Source: '_source.serial', Target: '_asset.SerialNumber' },
          tag: { Source: '_source.tag', Target: '_asset.Attributes.tag' },
          model: { Source: '_source.model', Target: '_asset.ModelName' },
        },
        Keys: {
          regId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['reg'] }],
          _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
          serialKey: [{ StandardIdentifiers: ['ASSET'], FieldNames: ['serial'] }],
          tagKey: [{ StandardIdentifiers: ['ASSET'], FieldNames: ['tag'] }],
        },
      });
      const ann = await createProfile(client, domain, { EmailAddress: 'ann@example.com' });
      await putObject(client, domain, 'Registration', { reg: 'r1', email: 'ann@example.com', serial: 'S1' });
      await putObject(client, domain, 'Registration', { reg: 'r2', email: 'ann@example.com', tag: 'T1', model: 'X' });
      await rejectsWith(putObject(client, domain, 'Registration', { reg: 'r3', email: 'ann@example.com', serial: 'S1', tag: 'T1' }), 'BadRequestException', 400, /more than one _asset/);
      assert.equal((await stats(domain)).ObjectCount, 4);
      await putObject(client, domain, 'Registration', { reg: 'r4', email: 'ann@example.com', serial: 'S1', model: 'Y' });
      const records = await listObjects(client, domain, ann, '_asset');
      assert.equal(records.length, 2);
      assert.deepEqual(records.map((record) => [record.object['SerialNumber'], record.object['ModelName']]).sort(), [[undefined, 'X'], ['S1', 'Y']]);
      await rejectsWith(listObjects(client, domain, ann, '_profile'), 'BadRequestException', 400);
    });

    test('standard objects: SourcePriority decides per member between object types writing the same record', async () => {
      const domain = await newDomain(client);
      const assetWriter = (unique: string, priority?: number) => ({
        Description: `writes assets with priority ${priority ?? 'none'}`,
        AllowProfileCreation: true,
        SourcePriority: priority,
        Fields: {
          id: { Source: '_source.id' },
          email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' as const },
          serial: { Source: '_source.serial', Target: '_asset.SerialNumber' },
          model: { Source: '_source.model', Target: '_asset.ModelName' },
          name: { Source: '_source.name', Target: '_asset.AssetName' },
        },
        Keys: {
          [unique]: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['id'] }],
          _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
          serialKey: [{ StandardIdentifiers: ['ASSET' as const], FieldNames: ['serial'] }],
        },
      });
      await putType(client, domain, 'Erp', assetWriter('erpId', 1));
      await putType(client, domain, 'Shop', assetWriter('shopId', 5));
      await putType(client, domain, 'Web', assetWriter('webId'));
      const ann = await createProfile(client, domain, { EmailAddress: 'ann@example.com' });
      const asset = async () => {
        const records = await listObjects(client, domain, ann, '_asset');
        assert.equal(records.length, 1, 'every write went into the one asset found by its serial number');
        return { model: records[0]!.object['ModelName'], name: records[0]!.object['AssetName'] };
      };
      await putObject(client, domain, 'Erp', { id: 'e1', email: 'ann@example.com', serial: 'S1', model: 'ERP-X' });
      await putObject(client, domain, 'Shop', { id: 's1', email: 'ann@example.com', serial: 'S1', model: 'SHOP-Y', name: 'Shop name' });
      assert.deepEqual(await asset(), { model: 'ERP-X', name: 'Shop name' }, 'priority 1 keeps its model against 5; a member nobody holds is written');
      await putObject(client, domain, 'Web', { id: 'w1', email: 'ann@example.com', serial: 'S1', model: 'WEB', name: 'Web name' });
      assert.deepEqual(await asset(), { model: 'ERP-X', name: 'Shop name' }, 'a type without SourcePriority loses to any type with one');
      await putObject(client, domain, 'Shop', { id: 's2', email: 'ann@example.com', serial: 'S1', name: 'Shop name 2' });
      await putObject(client, domain, 'Erp', { id: 'e2', email: 'ann@example.com', serial: 'S1', model: 'ERP-Z' });
      assert.deepEqual(await asset(), { model: 'ERP-Z', name: 'Shop name 2' }, 'equal priority: the latest write wins');
    });

    test('bad input is a 400 that writes nothing; unknown and standard type names are refused', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Crm', CRM);
      await rejectsWith(putObject(client, domain, 'Crm', '{"id": "c1",'), 'BadRequestException', 400, /not valid JSON/);
      await rejectsWith(putObject(client, domain, 'Crm', '[{"id": "c1"}]'), 'BadRequestException', 400, /JSON object/);
      await rejectsWith(putObject(client, domain, 'Crm', { email: 'ann@example.com' }), 'BadRequestException', 400, /unique key crmId/);
      await rejectsWith(putObject(client, domain, 'Crm', { id: '   ', email: 'ann@example.com' }), 'BadRequestException', 400, /unique key crmId/);
      const big = JSON.stringify({ id: 'c9', email: 'big@example.com', pad: 'x'.repeat(256_000) });
      await rejectsWith(putObject(client, domain, 'Crm', big), 'BadRequestException', 400, /length less than or equal to 256000/);
      await rejectsWith(putObject(client, domain, 'Nope', { id: 'x' }), 'ResourceNotFoundException', 404);
      await rejectsWith(putObject(client, domain, '_profile', { id: 'x' }), 'BadRequestException', 400, /reserved/);
      await rejectsWith(putObject(client, 'no-such-domain', 'Crm', { id: 'x' }), 'ResourceNotFoundException', 404);
      assert.deepEqual(await stats(domain), { ProfileCount: 0, MeteringProfileCount: 0, ObjectCount: 0, TotalSize: 0 });
    });

    test('an object whose PROFILE keys are all empty is a 400 that writes nothing', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Order', {
        Description: 'Orders',
        AllowProfileCreation: true,
        Fields: { orderId: { Source: '_source.orderId' }, email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' } },
        Keys: {
          orderKey: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['orderId'] }],
          _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
        },
      });
      await rejectsWith(putObject(client, domain, 'Order', { orderId: 'o1' }), 'BadRequestException', 400, /no value for any PROFILE key/);
      assert.equal((await stats(domain)).ObjectCount, 0);
      assert.equal((await stats(domain)).ProfileCount, 0);
    });
  });
}
