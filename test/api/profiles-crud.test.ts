// CreateProfile, UpdateProfile (three-state), DeleteProfile, Stats and DeleteDomain through the official SDK, on every backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateDomainCommand,
  CreateProfileCommand,
  DeleteDomainCommand,
  DeleteProfileCommand,
  GetDomainCommand,
  UpdateProfileCommand,
  type CreateProfileCommandInput,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { createProfile, getProfile, newDomain, searchIds } from '../support/profiles.js';

const run = promisify(execFile);

const ADDRESS = { Address1: '1 Main St', Address2: 'Apt 2', City: 'Seattle', State: 'WA', Country: 'US', PostalCode: '98101' };

const EVERYTHING: Omit<CreateProfileCommandInput, 'DomainName'> = {
  AccountNumber: 'ACC-1',
  AdditionalInformation: 'likes tea',
  PartyType: 'INDIVIDUAL',
  BusinessName: 'Acme',
  FirstName: 'Jane',
  MiddleName: 'Q',
  LastName: 'Doe',
  BirthDate: '1990-01-31',
  Gender: 'FEMALE',
  PhoneNumber: '+1 (206) 345-7890',
  MobilePhoneNumber: '2065550100',
  HomePhoneNumber: '206-555-0101',
  BusinessPhoneNumber: '+44 20 7946 0018',
  EmailAddress: 'Jane@Example.com',
  PersonalEmailAddress: 'jane@home.example',
  BusinessEmailAddress: 'jdoe@acme.example',
  Address: ADDRESS,
  ShippingAddress: { City: 'Portland' },
  MailingAddress: { Address1: 'PO Box 1' },
  BillingAddress: { County: 'King', Province: 'n/a' },
  Attributes: { tier: 'gold', 'with.dot': 'x' },
  PartyTypeString: 'person',
  GenderString: 'woman',
  ProfileType: 'PROFILE',
  EngagementPreferences: {
    Phone: [{ KeyName: '_phone', KeyValue: '+12063457890', ContactType: 'PhoneNumber' }],
    Email: [{ ProfileId: 'a'.repeat(32), ContactType: 'EmailAddress' }],
  },
};

for (const backend of backends()) {
  describe(`profiles: create, update, delete on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    before(async () => {
      server = await backend.start();
      client = server.client();
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('CreateProfile stores every standard member and returns a 32-hex id', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain, EVERYTHING);
      assert.match(id, /^[a-f0-9]{32}$/);
      assert.deepEqual(await getProfile(client, domain, id), { ProfileId: id, ...EVERYTHING });
      const empty = await createProfile(client, domain);
      assert.notEqual(empty, id);
      assert.deepEqual(await getProfile(client, domain, empty), { ProfileId: empty });
    });

    test('CreateProfile rejects "" anywhere and bad enums, writing nothing', async () => {
      const domain = await newDomain(client);
      const bad = async (input: Record<string, unknown>, message: RegExp) =>
        rejectsWith(client.send(new CreateProfileCommand({ DomainName: domain, ...input } as never)), 'BadRequestException', 400, message);
      await bad({ FirstName: '' }, /at 'FirstName' .*length greater than or equal to 1/);
      await bad({ Address: { City: '' } }, /at 'Address\.City'/);
      await bad({ Attributes: { a: '' } }, /at 'Attributes\["a"\]'/);
      await bad({ Gender: 'NONE' }, /at 'Gender' .*enum value set/);
      await bad({ AdditionalInformation: 'x'.repeat(1001) }, /length less than or equal to 1000/);
      await bad({ EngagementPreferences: { Phone: [{ ProfileId: 'NOT-HEX' }] } }, /EngagementPreferences\.Phone\[0\]\.ProfileId/);
      assert.equal((await client.send(new GetDomainCommand({ DomainName: domain }))).Stats?.ProfileCount, 0);
      await rejectsWith(client.send(new CreateProfileCommand({ DomainName: 'no-such-domain' })), 'ResourceNotFoundException', 404, /Domain no-such-domain does not exist/);
    });

    test('UpdateProfile: absent keeps, "" deletes, a value sets — per member, address line and attribute', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain, EVERYTHING);
      const updated = await client.send(
        new UpdateProfileCommand({
          DomainName: domain,
          ProfileId: id,
          FirstName: 'Janet',
          MiddleName: '',
          AccountNumber: '',
          Gender: 'UNSPECIFIED',
          GenderString: '',
          Address: { City: '', Address3: 'Floor 3', Address1: '2 Main St' },
          ShippingAddress: { City: '' },
          Attributes: { tier: '', level: '7' },
          EngagementPreferences: { Phone: [{ KeyName: '_email', KeyValue: 'x@y.z', ContactType: 'EmailAddress' }] },
        }),
      );
      assert.equal(updated.ProfileId, id);
      const {
        MiddleName: _m,
        AccountNumber: _a,
        GenderString: _g,
        ShippingAddress: _s,
        ...kept
      } = EVERYTHING;
      const { City: _city, ...addressKept } = ADDRESS;
      assert.deepEqual(await getProfile(client, domain, id), {
        ...kept,
        ProfileId: id,
        FirstName: 'Janet',
        Gender: 'UNSPECIFIED',
        Address: { ...addressKept, Address1: '2 Main St', Address3: 'Floor 3' },
        Attributes: { 'with.dot': 'x', level: '7' },
        EngagementPreferences: { Phone: [{ KeyName: '_email', KeyValue: 'x@y.z', ContactType: 'EmailAddress' }], Email: EVERYTHING.EngagementPreferences!.Email },
      });
    });

    test('UpdateProfile: clearing every line or attribute removes the member; an empty list removes a preference list', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain, { MailingAddress: { Address1: 'PO', City: 'X' }, Attributes: { only: '1' }, EngagementPreferences: EVERYTHING.EngagementPreferences });
      await client.send(
        new UpdateProfileCommand({ DomainName: domain, ProfileId: id, MailingAddress: { Address1: '', City: '' }, Attributes: { only: '' }, EngagementPreferences: { Email: [] } }),
      );
      assert.deepEqual(await getProfile(client, domain, id), { ProfileId: id, EngagementPreferences: { Phone: EVERYTHING.EngagementPreferences!.Phone } });
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, EngagementPreferences: { Phone: [] } }));
      assert.deepEqual(await getProfile(client, domain, id), { ProfileId: id });
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, FirstName: '', Attributes: { never: '' } }));
      assert.deepEqual(await getProfile(client, domain, id), { ProfileId: id });
    });

    test('UpdateProfile and DeleteProfile on a missing profile, domain, or another domain\'s profile are 404', async () => {
      const domain = await newDomain(client);
      const other = await newDomain(client);
      const foreign = await createProfile(client, other, { FirstName: 'Other' });
      const missing = 'f'.repeat(32);
      for (const profileId of [missing, foreign]) {
        await rejectsWith(client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: profileId, FirstName: 'x' })), 'ResourceNotFoundException', 404, new RegExp(`Profile ${profileId} does not exist`));
        await rejectsWith(client.send(new DeleteProfileCommand({ DomainName: domain, ProfileId: profileId })), 'ResourceNotFoundException', 404);
      }
      await rejectsWith(client.send(new UpdateProfileCommand({ DomainName: 'nope', ProfileId: foreign, FirstName: 'x' })), 'ResourceNotFoundException', 404, /Domain nope/);
      await rejectsWith(client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: 'ABC', FirstName: 'x' })), 'BadRequestException', 400, /ProfileId/);
      assert.equal((await getProfile(client, other, foreign))?.FirstName, 'Other');
    });

    test('profiles of another region or account are invisible: 404, never touched', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain, { FirstName: 'Home' });
      const elsewhere = server.client({ region: 'eu-west-1' });
      const args = [CLI_ENTRY, 'accounts', 'create', '--id', '444455556666', '--data-dir', server.dataDir];
      if (server.databaseUrl) args.push('--database', server.databaseUrl);
      const created = JSON.parse((await run(process.execPath, args)).stdout) as { AccessKeyId: string; SecretAccessKey: string };
      const stranger = server.client({ credentials: { accessKeyId: created.AccessKeyId, secretAccessKey: created.SecretAccessKey } });
      try {
        for (const other of [elsewhere, stranger]) {
          await other.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 1 }));
          await rejectsWith(other.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, FirstName: 'x' })), 'ResourceNotFoundException', 404);
          await rejectsWith(other.send(new DeleteProfileCommand({ DomainName: domain, ProfileId: id })), 'ResourceNotFoundException', 404);
          assert.equal(await getProfile(other, domain, id), undefined);
        }
      } finally {
        elsewhere.destroy();
        stranger.destroy();
      }
      assert.equal((await getProfile(client, domain, id))?.FirstName, 'Home');
    });

    test('DeleteProfile removes the profile and its keys; the id answers 404 afterwards', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain, { EmailAddress: 'gone@example.com' });
      const deleted = await client.send(new DeleteProfileCommand({ DomainName: domain, ProfileId: id }));
      assert.equal(deleted.Message, 'Profile deleted');
      assert.equal(await getProfile(client, domain, id), undefined);
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_email', Values: ['gone@example.com'] }), []);
      await rejectsWith(client.send(new DeleteProfileCommand({ DomainName: domain, ProfileId: id })), 'ResourceNotFoundException', 404);
    });

    test('GetDomain Stats counts profiles; DeleteDomain removes them and their keys', async () => {
      const domain = await newDomain(client);
      for (let n = 0; n < 3; n++) await createProfile(client, domain, { EmailAddress: `s${n}@example.com` });
      const doomed = await createProfile(client, domain);
      await client.send(new DeleteProfileCommand({ DomainName: domain, ProfileId: doomed }));
      const stats = (await client.send(new GetDomainCommand({ DomainName: domain }))).Stats;
      assert.deepEqual(stats, { ProfileCount: 3, MeteringProfileCount: 3, ObjectCount: 0, TotalSize: 0 });
      await client.send(new DeleteDomainCommand({ DomainName: domain }));
      await client.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 1 }));
      assert.equal((await client.send(new GetDomainCommand({ DomainName: domain }))).Stats?.ProfileCount, 0);
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_email', Values: ['s0@example.com'] }), []);
    });

    test('concurrent UpdateProfile calls on different fields of one profile all stick', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain, { FirstName: 'Start' });
      const writers = Array.from({ length: 16 }, (_, n) =>
        client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, Attributes: { [`a${n}`]: String(n) }, ...(n === 0 ? { LastName: 'Zero' } : {}), ...(n === 1 ? { Address: { City: 'One' } } : {}) })),
      );
      await Promise.all(writers);
      const profile = await getProfile(client, domain, id);
      assert.deepEqual(profile?.Attributes, Object.fromEntries(Array.from({ length: 16 }, (_, n) => [`a${n}`, String(n)])));
      assert.equal(profile?.LastName, 'Zero');
      assert.deepEqual(profile?.Address, { City: 'One' });
      assert.equal(profile?.FirstName, 'Start');
    });
  });
}
