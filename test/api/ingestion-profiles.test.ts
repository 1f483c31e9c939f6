// PutProfileObject's effect on profile fields (manual values, SourcePriority, SourceLastUpdatedTimestamp,
// Handlebars sources), per-profile limits, and what deleting or merging does to objects, on every backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DeleteProfileCommand,
  DeleteProfileObjectTypeCommand,
  GetDomainCommand,
  MergeProfilesCommand,
  type CustomerProfilesClient,
  type PutProfileObjectTypeCommandInput,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { createProfile, getProfile, newDomain, searchIds } from '../support/profiles.js';
import { listObjects, putObject, putType } from '../support/objects.js';

/** A type writing FirstName, keyed by e-mail (PROFILE) and its own id (UNIQUE). */
function nameWriter(priority?: number): Omit<PutProfileObjectTypeCommandInput, 'DomainName' | 'ObjectTypeName'> {
  return {
    Description: `writes FirstName with priority ${priority ?? 'none'}`,
    AllowProfileCreation: true,
    SourcePriority: priority,
    Fields: {
      id: { Source: '_source.id' },
      email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' },
      first: { Source: '_source.first', Target: '_profile.FirstName', ContentType: 'NAME' },
    },
    Keys: {
      recordId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }],
      _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
    },
  };
}

for (const backend of backends()) {
  describe(`ingestion into profiles on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    const stats = async (domain: string) => (await client.send(new GetDomainCommand({ DomainName: domain }))).Stats!;
    const firstName = async (domain: string, id: string) => (await getProfile(client, domain, id))?.FirstName;
    before(async () => {
      server = await backend.start();
      client = server.client();
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('manual values are kept unless the type has a SourcePriority; lower SourcePriority wins; none loses; empty never blanks', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Plain', nameWriter());
      await putType(client, domain, 'Five', nameWriter(5));
      await putType(client, domain, 'Two', nameWriter(2));
      const ann = await createProfile(client, domain, { EmailAddress: 'ann@example.com', FirstName: 'Manual' });
      const put = (type: string, id: string, first: string) => putObject(client, domain, type, { id, email: 'ann@example.com', first });

      await put('Plain', 'p1', 'Plain');
      assert.equal(await firstName(domain, ann), 'Manual');
      await put('Five', 'f1', 'Five');
      assert.equal(await firstName(domain, ann), 'Five');
      await put('Plain', 'p2', 'Plain again');
      assert.equal(await firstName(domain, ann), 'Five');
      await put('Two', 't1', 'Two');
      assert.equal(await firstName(domain, ann), 'Two');
      await put('Five', 'f2', 'Five again');
      assert.equal(await firstName(domain, ann), 'Two');
      await put('Two', 't2', '  ');
      assert.equal(await firstName(domain, ann), 'Two');
      await put('Two', 't3', 'Two, later');
      assert.equal(await firstName(domain, ann), 'Two, later');
      assert.equal((await stats(domain)).ObjectCount, 7);
    });

    test('equal priority: the latest ingestion wins, unless its SourceLastUpdatedTimestamp is older than the value it would replace', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Feed', {
        Description: 'A feed with source timestamps',
        AllowProfileCreation: true,
        SourceLastUpdatedTimestampFormat: 'EpochMilli',
        Fields: {
          id: { Source: '_source.id' },
          first: { Source: '_source.first', Target: '_profile.FirstName' },
          city: { Source: '_source.city', Target: '_profile.Address.City' },
          updated: { Source: '_source.updated', Target: '_profile.SourceLastUpdatedTimestamp' },
        },
        Keys: { feedId: [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['id'] }] },
      });
      const key = await putObject(client, domain, 'Feed', { id: 'f1', first: 'New', updated: 2000 });
      const [id] = await searchIds(client, { DomainName: domain, KeyName: 'feedId', Values: ['f1'] });
      await putObject(client, domain, 'Feed', { id: 'f1', first: 'Old', city: 'Oldtown', updated: 1000 });
      let profile = await getProfile(client, domain, id!);
      assert.equal(profile?.FirstName, 'New');
      // A value the older object is first to carry is still written, and the object itself is replaced.
      assert.equal(profile?.Address?.City, 'Oldtown');
      assert.deepEqual(await listObjects(client, domain, id!, 'Feed'), [{ key, object: { id: 'f1', first: 'Old', city: 'Oldtown', updated: 1000 } }]);
      await putObject(client, domain, 'Feed', { id: 'f1', first: 'Newer', updated: 3000 });
      profile = await getProfile(client, domain, id!);
      assert.equal(profile?.FirstName, 'Newer');
      await putObject(client, domain, 'Feed', { id: 'f1', first: 'Undated' });
      assert.equal(await firstName(domain, id!), 'Undated');
    });

    test('Handlebars sources: interpolation, removeExtraSpace, #if/#else, #each, nested paths, no HTML escaping', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Member', {
        Description: 'Loyalty members',
        AllowProfileCreation: true,
        Fields: {
          id: { Source: '_source.member.id' },
          display: { Source: '{{#removeExtraSpace}}{{_source.name.first}} {{_source.name.middle}} {{_source.name.last}}{{/removeExtraSpace}}', Target: '_profile.Attributes.displayName' },
          tier: { Source: '{{#if _source.gold}}gold{{else}}standard{{/if}}', Target: '_profile.Attributes.tier' },
          labels: { Source: '{{#each _source.labels}}{{this}};{{/each}}', Target: '_profile.Attributes.labels' },
          company: { Source: '{{_source.employer.name}} ({{_source.employer.city}})', Target: '_profile.BusinessName' },
        },
        Keys: { memberId: [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['id'] }] },
      });
      await putObject(client, domain, 'Member', {
        member: { id: 'm-1' },
        name: { first: 'Ann', last: "O'Neil" },
        gold: true,
        labels: ['vip', 'beta'],
        employer: { name: 'Smith & Sons', city: 'Leeds' },
      });
      const [id] = await searchIds(client, { DomainName: domain, KeyName: 'memberId', Values: ['m-1'] });
      const profile = await getProfile(client, domain, id!);
      assert.deepEqual(profile?.Attributes, { displayName: "Ann O'Neil", tier: 'gold', labels: 'vip;beta;' });
      assert.equal(profile?.BusinessName, 'Smith & Sons (Leeds)');
    });

    test('ListProfileObjects: newest first, paged with NextToken, ObjectFilter by key with normalized values; DeleteProfileObject', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Purchase', {
        Description: 'Purchases',
        AllowProfileCreation: true,
        Fields: {
          id: { Source: '_source.id' },
          email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' },
          sku: { Source: '_source.sku' },
        },
        Keys: {
          purchaseId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }],
          _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
          purchaseSku: [{ StandardIdentifiers: [], FieldNames: ['sku'] }],
        },
      });
      const ann = await createProfile(client, domain, { EmailAddress: 'ann@example.com' });
      const keys: string[] = [];
      for (const [i, sku] of ['A', 'B', 'C', 'D', 'E'].entries()) {
        keys.push(await putObject(client, domain, 'Purchase', { id: `p${i}`, email: i % 2 ? 'ANN@example.com' : 'ann@example.com', sku }));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const all = await listObjects(client, domain, ann, 'Purchase', undefined, 2);
      assert.deepEqual(all.map((item) => item.object['sku']), ['E', 'D', 'C', 'B', 'A']);
      assert.deepEqual(all.map((item) => item.key), [...keys].reverse());
      const many = Array.from({ length: 60 }, (_, i) => `missing-sku-${i}-${'x'.repeat(200)}`);
      const filtered = await listObjects(client, domain, ann, 'Purchase', { KeyName: 'purchaseSku', Values: ['B', ...many, 'D', 'Z'] }, 1);
      assert.deepEqual(filtered.map((item) => item.object['sku']), ['D', 'B']);
      assert.equal((await listObjects(client, domain, ann, 'Purchase', { KeyName: '_email', Values: ['Ann@Example.COM'] })).length, 5);

      const { DeleteProfileObjectCommand } = await import('@aws-sdk/client-customer-profiles');
      const del = (profileId: string, key: string) =>
        client.send(new DeleteProfileObjectCommand({ DomainName: domain, ProfileId: profileId, ObjectTypeName: 'Purchase', ProfileObjectUniqueKey: key }));
      const other = await createProfile(client, domain, {});
      await rejectsWith(del(other, keys[0]!), 'ResourceNotFoundException', 404);
      assert.equal((await del(ann, keys[0]!)).Message, 'Profile object deleted');
      await rejectsWith(del(ann, keys[0]!), 'ResourceNotFoundException', 404);
      assert.equal((await listObjects(client, domain, ann, 'Purchase')).length, 4);
      const { ListProfileObjectsCommand } = await import('@aws-sdk/client-customer-profiles');
      await rejectsWith(client.send(new ListProfileObjectsCommand({ DomainName: domain, ProfileId: 'f'.repeat(32), ObjectTypeName: 'Purchase' })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new ListProfileObjectsCommand({ DomainName: domain, ProfileId: ann, ObjectTypeName: 'Nope' })), 'ResourceNotFoundException', 404);
      await rejectsWith(
        client.send(new ListProfileObjectsCommand({ DomainName: domain, ProfileId: ann, ObjectTypeName: 'Purchase', NextToken: 'bm90LW91cnM' })),
        'BadRequestException',
        400,
      );
    });

    test('concurrent objects for one profile all land: each ingestion holds the profile lock, no field write is lost', async () => {
      const domain = await newDomain(client);
      const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
      for (const name of names) {
        await putType(client, domain, `Feed${name}`, {
          Description: `feed ${name}`,
          AllowProfileCreation: false,
          SourcePriority: 1,
          Fields: { id: { Source: '_source.id' }, email: { Source: '_source.email', ContentType: 'EMAIL_ADDRESS' }, value: { Source: '_source.value', Target: `_profile.Attributes.${name}` } },
          Keys: { [`feed${name}Id`]: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }], _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }] },
        });
      }
      const ann = await createProfile(client, domain, { EmailAddress: 'ann@example.com' });
      await Promise.all(names.map((name) => putObject(client, domain, `Feed${name}`, { id: `${name}-1`, email: 'ann@example.com', value: name.toUpperCase() })));
      const profile = await getProfile(client, domain, ann);
      assert.deepEqual(profile?.Attributes, Object.fromEntries(names.map((name) => [name, name.toUpperCase()])));
      assert.equal((await stats(domain)).ObjectCount, names.length);
    });

    test('concurrent objects for one new customer infer one profile, not one each', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Signup', nameWriter());
      const ids = Array.from({ length: 8 }, (_, i) => `s${i}`);
      await Promise.all(ids.map((id) => putObject(client, domain, 'Signup', { id, email: 'new@example.com', first: 'New' })));
      const profiles = await searchIds(client, { DomainName: domain, KeyName: '_email', Values: ['new@example.com'] });
      assert.equal(profiles.length, 1);
      assert.equal((await listObjects(client, domain, profiles[0]!, 'Signup')).length, ids.length);
    });

    test('MaxProfileObjectCount: a new object over the cap is a 400; replacing one in place is not', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Capped', { ...nameWriter(), MaxProfileObjectCount: 2 });
      const ann = await createProfile(client, domain, { EmailAddress: 'ann@example.com' });
      const put = (id: string) => putObject(client, domain, 'Capped', { id, email: 'ann@example.com', first: id });
      await put('c1');
      await put('c2');
      await rejectsWith(put('c3'), 'BadRequestException', 400, /already holds 2 objects of type Capped/);
      await put('c2');
      assert.equal((await listObjects(client, domain, ann, 'Capped')).length, 2);
    });

    test('GetDomain Stats: ObjectCount, TotalSize in UTF-8 bytes, MeteringProfileCount per started 100 objects', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Note', nameWriter());
      await createProfile(client, domain, {});
      const texts: string[] = [];
      for (let i = 0; i < 101; i++) {
        const text = JSON.stringify({ id: `n${i}`, email: 'busy@example.com', first: 'Zoë' });
        texts.push(text);
        await putObject(client, domain, 'Note', text);
      }
      const single = JSON.stringify({ id: 'solo', email: 'solo@example.com', first: '李' });
      await putObject(client, domain, 'Note', single);
      const bytes = [...texts, single].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
      assert.deepEqual(await stats(domain), { ProfileCount: 3, MeteringProfileCount: 4, ObjectCount: 102, TotalSize: bytes });
    });

    test('DeleteProfileObjectType scrubs the profile values the type wrote and keeps the others', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Crm', {
        ...nameWriter(1),
        Fields: { ...nameWriter(1).Fields, tier: { Source: '_source.tier', Target: '_profile.Attributes.tier' }, city: { Source: '_source.city', Target: '_profile.Address.City' } },
      });
      await putType(client, domain, 'Other', { ...nameWriter(), Fields: { ...nameWriter().Fields, tier: { Source: '_source.tier', Target: '_profile.Attributes.other' } } });
      const ann = await createProfile(client, domain, { EmailAddress: 'ann@example.com', FirstName: 'Manual', LastName: 'Lee', Address: { Country: 'UK' } });
      await putObject(client, domain, 'Crm', { id: 'c1', email: 'ann@example.com', first: 'Ann', tier: 'gold', city: 'Leeds' });
      await putObject(client, domain, 'Other', { id: 'o1', email: 'ann@example.com', tier: 'silver' });
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_fullName', Values: ['ann lee'] }), [ann]);
      await client.send(new DeleteProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: 'Crm' }));
      const profile = await getProfile(client, domain, ann);
      assert.equal(profile?.FirstName, undefined);
      assert.equal(profile?.LastName, 'Lee');
      assert.deepEqual(profile?.Address, { Country: 'UK' });
      assert.deepEqual(profile?.Attributes, { other: 'silver' });
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_fullName', Values: ['ann lee'] }), []);
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: '_fullName', Values: ['lee'] }), [ann]);
    });

    test('objects follow their profile: MergeProfiles moves them, DeleteProfile and DeleteProfileObjectType remove them', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Note', nameWriter());
      const main = await createProfile(client, domain, { EmailAddress: 'main@example.com' });
      const dup = await createProfile(client, domain, { EmailAddress: 'dup@example.com' });
      await putObject(client, domain, 'Note', { id: 'n1', email: 'main@example.com' });
      await putObject(client, domain, 'Note', { id: 'n2', email: 'dup@example.com' });
      await client.send(new MergeProfilesCommand({ DomainName: domain, MainProfileId: main, ProfileIdsToBeMerged: [dup] }));
      assert.deepEqual((await listObjects(client, domain, main, 'Note')).map((item) => item.object['id']).sort(), ['n1', 'n2']);

      const other = await createProfile(client, domain, { EmailAddress: 'other@example.com' });
      await putObject(client, domain, 'Note', { id: 'n3', email: 'other@example.com' });
      assert.equal((await stats(domain)).ObjectCount, 3);
      await client.send(new DeleteProfileCommand({ DomainName: domain, ProfileId: other }));
      assert.equal((await stats(domain)).ObjectCount, 2);

      await client.send(new DeleteProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: 'Note' }));
      assert.equal((await stats(domain)).ObjectCount, 0);
      await putType(client, domain, 'Note', nameWriter());
      assert.deepEqual(await listObjects(client, domain, main, 'Note'), []);
    });
  });
}
