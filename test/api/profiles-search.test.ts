// SearchProfiles (built-in keys, normalization, AND/OR, FoundByItems, paging), AddProfileKey,
// DeleteProfileKey and BatchGetProfile through the official SDK, on every backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddProfileKeyCommand,
  BatchGetProfileCommand,
  DeleteProfileKeyCommand,
  SearchProfilesCommand,
  UpdateProfileCommand,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { createProfile, newDomain, searchIds } from '../support/profiles.js';

for (const backend of backends()) {
  describe(`profiles: search and keys on ${backend.name}`, { skip: backend.skip }, () => {
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

    const find = (DomainName: string, KeyName: string, Values: string[]) => searchIds(client, { DomainName, KeyName, Values });

    test('built-in keys match normalized values: phone formatting, e-mail case, name case and spacing', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain, {
        PhoneNumber: '+1 (206) 345-7890',
        BusinessPhoneNumber: '206.555.0100',
        PersonalEmailAddress: 'Jane.Doe@Example.COM',
        FirstName: 'Jane',
        MiddleName: 'Mary',
        LastName: 'DOE',
        AccountNumber: 'Acc-9',
      });
      assert.deepEqual(await find(domain, '_phone', ['2063457890']), [id]);
      assert.deepEqual(await find(domain, '_phone', ['+1 206 555 0100']), [id]);
      assert.deepEqual(await find(domain, '_email', ['jane.doe@example.com']), [id]);
      assert.deepEqual(await find(domain, '_fullName', ['  jane   mary doe ']), [id]);
      assert.deepEqual(await find(domain, '_account', ['Acc-9']), [id]);
      assert.deepEqual(await find(domain, '_account', ['acc-9']), [], '_account is exact');
      assert.deepEqual(await find(domain, '_profileId', [id]), [id]);
      assert.deepEqual(await find(domain, 'noSuchKey', ['x']), []);
      await rejectsWith(client.send(new SearchProfilesCommand({ DomainName: 'nope', KeyName: '_email', Values: ['x'] })), 'ResourceNotFoundException', 404);
    });

    test('clearing a field removes its value from the index unless another field still holds it', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain, { PhoneNumber: '2063457890', MobilePhoneNumber: '(206) 345-7890', EmailAddress: 'a@x.com', FirstName: 'Ann', MiddleName: 'B', LastName: 'Cole' });
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, PhoneNumber: '', EmailAddress: '', MiddleName: '' }));
      assert.deepEqual(await find(domain, '_phone', ['+12063457890']), [id], 'MobilePhoneNumber still holds it');
      assert.deepEqual(await find(domain, '_email', ['a@x.com']), []);
      assert.deepEqual(await find(domain, '_fullName', ['Ann B Cole']), []);
      assert.deepEqual(await find(domain, '_fullName', ['Ann Cole']), [id]);
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, MobilePhoneNumber: '', EmailAddress: 'new@x.com' }));
      assert.deepEqual(await find(domain, '_phone', ['2063457890']), []);
      assert.deepEqual(await find(domain, '_email', ['NEW@x.com']), [id]);
    });

    test('OR finds by any key and reports only the keys and values that found each profile; AND needs all', async () => {
      const domain = await newDomain(client);
      const a = await createProfile(client, domain, { EmailAddress: 'a@x.com', PhoneNumber: '2065550001' });
      const b = await createProfile(client, domain, { EmailAddress: 'b@x.com', PhoneNumber: '2065550001' });
      const c = await createProfile(client, domain, { EmailAddress: 'c@x.com' });
      const search = (LogicalOperator: 'AND' | 'OR' | undefined) =>
        client.send(
          new SearchProfilesCommand({
            DomainName: domain,
            KeyName: '_email',
            Values: ['A@x.com', 'c@x.com', 'zzz@x.com'],
            AdditionalSearchKeys: [{ KeyName: '_phone', Values: ['(206) 555-0001'] }],
            LogicalOperator,
          }),
        );
      const byId = (items: { ProfileId?: string; FoundByItems?: unknown }[] | undefined) => new Map((items ?? []).map((item) => [item.ProfileId, item.FoundByItems]));
      const or = await search(undefined);
      assert.deepEqual(or.Items?.map((item) => item.ProfileId), [a, b, c].sort());
      const found = byId(or.Items);
      assert.deepEqual(found.get(a), [{ KeyName: '_email', Values: ['A@x.com'] }, { KeyName: '_phone', Values: ['(206) 555-0001'] }]);
      assert.deepEqual(found.get(b), [{ KeyName: '_phone', Values: ['(206) 555-0001'] }]);
      assert.deepEqual(found.get(c), [{ KeyName: '_email', Values: ['c@x.com'] }]);
      const and = await search('AND');
      assert.deepEqual(and.Items?.map((item) => item.ProfileId), [a]);
      assert.deepEqual(and.Items?.[0]?.FoundByItems, [{ KeyName: '_email', Values: ['A@x.com'] }, { KeyName: '_phone', Values: ['(206) 555-0001'] }]);
      assert.equal(and.Items?.[0]?.EmailAddress, 'a@x.com');
    });

    test('pages of 20 by default, ordered by id; NextToken stays correct while profiles are inserted', async () => {
      const domain = await newDomain(client);
      const original: string[] = [];
      for (let n = 0; n < 23; n++) original.push(await createProfile(client, domain, { EmailAddress: 'same@x.com' }));
      const first = await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: ['same@x.com'] }));
      assert.equal(first.Items?.length, 20);
      assert.ok(first.NextToken);
      const seen: string[] = [];
      const inserted: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: ['same@x.com'], MaxResults: 4, NextToken: token }));
        seen.push(...(page.Items ?? []).map((item) => item.ProfileId!));
        token = page.NextToken;
        for (let n = 0; n < 2; n++) inserted.push(await createProfile(client, domain, { EmailAddress: 'same@x.com' }));
      } while (token !== undefined);
      assert.deepEqual(seen, [...seen].sort(), 'ascending profile-id order');
      assert.equal(new Set(seen).size, seen.length, 'no profile twice');
      for (const id of original) assert.ok(seen.includes(id), `${id} present throughout was skipped`);
      for (const id of seen) assert.ok(original.includes(id) || inserted.includes(id));
    });

    test('a NextToken belongs to its own query; page sizes outside 1-100 are 400', async () => {
      const domain = await newDomain(client);
      for (let n = 0; n < 3; n++) await createProfile(client, domain, { EmailAddress: 'p@x.com', PhoneNumber: '2065550002' });
      const page = await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: ['p@x.com'], MaxResults: 1 }));
      await rejectsWith(
        client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_phone', Values: ['2065550002'], MaxResults: 1, NextToken: page.NextToken })),
        'BadRequestException',
        400,
        /NextToken/,
      );
      await rejectsWith(client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: ['p@x.com'], MaxResults: 0 })), 'BadRequestException', 400, /MaxResults/);
      await rejectsWith(client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: ['p@x.com'], MaxResults: 101 })), 'BadRequestException', 400, /MaxResults/);
      const five = Array.from({ length: 5 }, () => ({ KeyName: '_email', Values: ['p@x.com'] }));
      await rejectsWith(client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: ['p@x.com'], AdditionalSearchKeys: five })), 'BadRequestException', 400, /AdditionalSearchKeys/);
      const many = Array.from({ length: 101 }, (_, n) => `v${n}`);
      await rejectsWith(client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: many })), 'BadRequestException', 400, /At most 100 values/);
    });

    test('AddProfileKey: one value may point at several profiles; DeleteProfileKey of the last value removes the key', async () => {
      const domain = await newDomain(client);
      const a = await createProfile(client, domain);
      const b = await createProfile(client, domain);
      const added = await client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: a, KeyName: '_ctrContactId', Values: ['ctr-1', 'ctr-2'] }));
      assert.deepEqual([added.KeyName, added.Values], ['_ctrContactId', ['ctr-1', 'ctr-2']]);
      await client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: b, KeyName: '_ctrContactId', Values: ['ctr-1'] }));
      assert.deepEqual(await find(domain, '_ctrContactId', ['ctr-1']), [a, b].sort());
      assert.deepEqual(await find(domain, '_ctrContactId', ['CTR-1']), [], 'custom keys are exact');
      await client.send(new DeleteProfileKeyCommand({ DomainName: domain, ProfileId: a, KeyName: '_ctrContactId', Values: ['ctr-1'] }));
      assert.deepEqual(await find(domain, '_ctrContactId', ['ctr-1']), [b]);
      assert.deepEqual(await find(domain, '_ctrContactId', ['ctr-2']), [a]);
      const deleted = await client.send(new DeleteProfileKeyCommand({ DomainName: domain, ProfileId: a, KeyName: '_ctrContactId', Values: ['ctr-2'] }));
      assert.equal(deleted.Message, 'Profile key deleted');
      assert.deepEqual(await find(domain, '_ctrContactId', ['ctr-2']), []);
      await rejectsWith(client.send(new DeleteProfileKeyCommand({ DomainName: domain, ProfileId: a, KeyName: '_ctrContactId', Values: ['ctr-2'] })), 'ResourceNotFoundException', 404);
    });

    test('AddProfileKey normalizes by the key\'s content type, refuses _profileId, and 404s on unknown profiles', async () => {
      const domain = await newDomain(client);
      const id = await createProfile(client, domain);
      await client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: id, KeyName: '_phone', Values: ['+1 (425) 555-0199'] }));
      await client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: id, KeyName: '_email', Values: ['Key@Example.com'] }));
      assert.deepEqual(await find(domain, '_phone', ['4255550199']), [id]);
      assert.deepEqual(await find(domain, '_email', ['key@example.COM']), [id]);
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, FirstName: 'Still' }));
      assert.deepEqual(await find(domain, '_phone', ['4255550199']), [id], 'an added key survives writes of the fields');
      await rejectsWith(client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: id, KeyName: '_profileId', Values: ['f'.repeat(32)] })), 'BadRequestException', 400, /_profileId/);
      await rejectsWith(client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: 'e'.repeat(32), KeyName: 'k', Values: ['v'] })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: id, KeyName: 'bad key', Values: ['v'] })), 'BadRequestException', 400, /KeyName/);
      await rejectsWith(client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: id, KeyName: 'k', Values: [''] })), 'BadRequestException', 400, /Values\[0\]/);
    });

    test('BatchGetProfile returns found profiles in request order and reports missing ids in Errors', async () => {
      const domain = await newDomain(client);
      const a = await createProfile(client, domain, { FirstName: 'A' });
      const b = await createProfile(client, domain, { FirstName: 'B', Attributes: { k: 'v' } });
      const missing = '0'.repeat(32);
      const got = await client.send(new BatchGetProfileCommand({ DomainName: domain, ProfileIds: [b, missing, a] }));
      assert.deepEqual(got.Profiles, [
        { ProfileId: b, FirstName: 'B', Attributes: { k: 'v' } },
        { ProfileId: a, FirstName: 'A' },
      ]);
      assert.deepEqual(got.Errors, [{ Code: '404', Message: `Profile ${missing} does not exist`, ProfileId: missing }]);
      await rejectsWith(client.send(new BatchGetProfileCommand({ DomainName: domain, ProfileIds: Array.from({ length: 21 }, () => a) })), 'BadRequestException', 400, /ProfileIds/);
      await rejectsWith(client.send(new BatchGetProfileCommand({ DomainName: 'nope', ProfileIds: [a] })), 'ResourceNotFoundException', 404);
    });
  });
}
