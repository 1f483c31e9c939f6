// MergeProfiles through the official SDK, on every backend: field rules, keys moving, refusals, races.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddProfileKeyCommand,
  GetDomainCommand,
  MergeProfilesCommand,
  UpdateProfileCommand,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { createProfile, getProfile, newDomain, searchIds } from '../support/profiles.js';

for (const backend of backends()) {
  describe(`profiles: merge on ${backend.name}`, { skip: backend.skip }, () => {
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

    test('unions fields, main wins conflicts, FieldSourceProfileIds wins even when its value is empty', async () => {
      const domain = await newDomain(client);
      const main = await createProfile(client, domain, {
        FirstName: 'Main',
        LastName: 'Keep',
        BirthDate: '1980',
        Address: { City: 'Main City', State: 'WA' },
        Attributes: { shared: 'main', mainOnly: 'm', dropMe: 'd' },
      });
      const first = await createProfile(client, domain, {
        FirstName: 'First',
        LastName: 'Other',
        EmailAddress: 'first@x.com',
        Address: { City: 'First City' },
        Attributes: { shared: 'first', firstOnly: 'f' },
      });
      const second = await createProfile(client, domain, { MiddleName: 'Mid', EmailAddress: 'second@x.com', PhoneNumber: '2065550123' });
      const result = await client.send(
        new MergeProfilesCommand({
          DomainName: domain,
          MainProfileId: main,
          ProfileIdsToBeMerged: [first, second],
          FieldSourceProfileIds: { LastName: first, BirthDate: second, Address: first, Attributes: { shared: first, dropMe: second } },
        }),
      );
      assert.equal(result.Message, `Merged 2 profiles into profile ${main}`);
      assert.deepEqual(await getProfile(client, domain, main), {
        ProfileId: main,
        FirstName: 'Main',
        MiddleName: 'Mid',
        LastName: 'Other',
        EmailAddress: 'first@x.com',
        PhoneNumber: '2065550123',
        Address: { City: 'First City' },
        Attributes: { shared: 'first', mainOnly: 'm', firstOnly: 'f' },
      });
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_fullName', Values: ['Main Mid Other'] }), [main]);
    });

    test('keys move to the main profile; merged profiles are gone and answer 404', async () => {
      const domain = await newDomain(client);
      const main = await createProfile(client, domain, { EmailAddress: 'main@x.com' });
      const other = await createProfile(client, domain, { EmailAddress: 'other@x.com', PhoneNumber: '2065550124' });
      await client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: other, KeyName: '_ctrContactId', Values: ['c-9'] }));
      await client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: [other] }));
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_ctrContactId', Values: ['c-9'] }), [main]);
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_email', Values: ['other@x.com'] }), [main], 'the absorbed e-mail still finds the main profile');
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_phone', Values: ['2065550124'] }), [main]);
      assert.equal((await getProfile(client, domain, main))?.EmailAddress, 'main@x.com');
      assert.equal(await getProfile(client, domain, other), undefined);
      await rejectsWith(client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: other, FirstName: 'x' })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: [other] })), 'ResourceNotFoundException', 404);
      assert.equal((await client.send(new GetDomainCommand({ DomainName: domain }))).Stats?.ProfileCount, 1);
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: main, PhoneNumber: '2065550124' }));
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: main, PhoneNumber: '' }));
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_phone', Values: ['2065550124'] }), [], 'a carried value the main profile took over is cleared like its own');
    });

    test('merging into itself, an unknown id, or naming an outsider as source is refused and changes nothing', async () => {
      const domain = await newDomain(client);
      const main = await createProfile(client, domain, { FirstName: 'M' });
      const other = await createProfile(client, domain, { LastName: 'O' });
      const outsider = await createProfile(client, domain, { LastName: 'X' });
      await rejectsWith(client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: [main] })), 'BadRequestException', 400, /merged into itself/);
      await rejectsWith(client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: [other, main] })), 'BadRequestException', 400, /MainProfileId/);
      await rejectsWith(
        client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: [other, 'd'.repeat(32)] })),
        'ResourceNotFoundException',
        404,
        new RegExp(`Profile ${'d'.repeat(32)} does not exist`),
      );
      await rejectsWith(
        client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: [other], FieldSourceProfileIds: { LastName: outsider } })),
        'BadRequestException',
        400,
        /FieldSourceProfileIds\.LastName names profile/,
      );
      await rejectsWith(
        client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: Array.from({ length: 21 }, (_, n) => n.toString(16).padStart(32, '0')) })),
        'BadRequestException',
        400,
        /ProfileIdsToBeMerged/,
      );
      assert.deepEqual(await getProfile(client, domain, main), { ProfileId: main, FirstName: 'M' });
      assert.deepEqual(await getProfile(client, domain, other), { ProfileId: other, LastName: 'O' });
      assert.equal((await client.send(new GetDomainCommand({ DomainName: domain }))).Stats?.ProfileCount, 3);
    });

    test('a merge racing updates never leaves a half-merged profile and loses no acknowledged write', async () => {
      const domain = await newDomain(client);
      for (let round = 0; round < 4; round++) {
        const main = await createProfile(client, domain, { FirstName: `Main${round}` });
        const others = [await createProfile(client, domain, { LastName: `L${round}` }), await createProfile(client, domain, { BirthDate: `B${round}` })];
        const [merge, mainUpdate, otherUpdate] = await Promise.allSettled([
          client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: others })),
          client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: main, Attributes: { fromMain: 'yes' } })),
          client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: others[0]!, Attributes: { fromOther: 'yes' } })),
        ]);
        assert.equal(merge.status, 'fulfilled');
        assert.equal(mainUpdate.status, 'fulfilled');
        const merged = await getProfile(client, domain, main);
        assert.equal(merged?.FirstName, `Main${round}`);
        assert.equal(merged?.LastName, `L${round}`);
        assert.equal(merged?.BirthDate, `B${round}`);
        assert.equal(merged?.Attributes?.['fromMain'], 'yes');
        if (otherUpdate.status === 'fulfilled') assert.equal(merged?.Attributes?.['fromOther'], 'yes', 'an acknowledged update of an absorbed profile is merged');
        else assert.equal((otherUpdate.reason as { name?: string }).name, 'ResourceNotFoundException');
        for (const id of others) assert.equal(await getProfile(client, domain, id), undefined);
      }
    });
  });
}
