// Text no input may hold, whatever its member: the NUL character is a 400 on both backends (never a
// PostgreSQL 500, never stored on SQLite); `__proto__` as a map key is a 400, never silently dropped;
// the mapping reads only an object's own members (issue 12, findings 6 and 7a).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddProfileKeyCommand,
  CreateDomainCommand,
  GetDomainCommand,
  ListTagsForResourceCommand,
  SearchProfilesCommand,
  TagResourceCommand,
  UpdateProfileCommand,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { CreateUserCommand, GetPolicyCommand, ListUsersCommand, type IAMClient } from '@aws-sdk/client-iam';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { iamClient } from '../support/iam.js';
import { signedFetch } from '../support/signed-fetch.js';
import { createProfile, getProfile, newDomain, searchIds } from '../support/profiles.js';
import { listObjects, putObject, putType } from '../support/objects.js';

const NUL = '\u0000';
const NUL_RULE = 'failed to satisfy constraint: Member must not contain the NUL character \\(U\\+0000\\)';
const nulAt = (path: string) => new RegExp(`Value at '${path.replace(/[[\]"]/g, '\\$&')}' ${NUL_RULE}`);

const TYPE = {
  Description: 'records',
  AllowProfileCreation: true,
  Fields: {
    id: { Source: '_source.id' },
    note: { Source: '_source.note', Target: '_profile.Attributes.note' },
    ctor: { Source: '_source.constructor', Target: '_profile.Attributes.ctor' },
    proto: { Source: '_source.__proto__', Target: '_profile.Attributes.proto' },
    shown: { Source: '{{_source.constructor}}{{_source.toString}}{{_source.__proto__}}', Target: '_profile.Attributes.shown' },
  },
  Keys: { recordId: [{ StandardIdentifiers: ['PROFILE' as const, 'UNIQUE' as const], FieldNames: ['id'] }] },
};

for (const backend of backends()) {
  describe(`input text on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    let iam: IAMClient;
    before(async () => {
      server = await backend.start();
      client = server.client();
      iam = iamClient(server);
    });
    after(async () => {
      client?.destroy();
      iam?.destroy();
      await server?.stop();
    });

    const raw = (method: string, path: string, body: string) => signedFetch(server.endpoint, server.root, { method, path, body });

    test('NUL in a domain name or tag is a 400 naming the member; nothing is created', async () => {
      await rejectsWith(client.send(new CreateDomainCommand({ DomainName: `n${NUL}1`, DefaultExpirationDays: 1 })), 'BadRequestException', 400, nulAt('DomainName'));
      await rejectsWith(
        client.send(new CreateDomainCommand({ DomainName: 'nul-tags', DefaultExpirationDays: 1, Tags: { team: `a${NUL}b` } })),
        'BadRequestException',
        400,
        nulAt('Tags["team"]'),
      );
      await rejectsWith(client.send(new CreateDomainCommand({ DomainName: 'nul-tags', DefaultExpirationDays: 1, Tags: { [`t${NUL}`]: 'v' } })), 'BadRequestException', 400, nulAt('Tags.key'));
      await rejectsWith(client.send(new GetDomainCommand({ DomainName: 'nul-tags' })), 'ResourceNotFoundException', 404);
    });

    test('NUL in TagResource tags is a 400; the tags stay as they were', async () => {
      const domain = await newDomain(client);
      const arn = `arn:aws:profile:us-east-1:000000000000:domains/${domain}`;
      await rejectsWith(client.send(new TagResourceCommand({ resourceArn: arn, tags: { team: `x${NUL}` } })), 'BadRequestException', 400, nulAt('tags["team"]'));
      assert.deepEqual((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, {});
    });

    test('NUL in a profile attribute, a search value or an added key value is a 400 naming the member', async () => {
      const domain = await newDomain(client);
      await rejectsWith(createProfile(client, domain, { FirstName: 'Ann', Attributes: { tier: `gold${NUL}` } }), 'BadRequestException', 400, nulAt('Attributes["tier"]'));
      await rejectsWith(createProfile(client, domain, { Attributes: { [`ti${NUL}er`]: 'gold' } }), 'BadRequestException', 400, nulAt('Attributes.key'));
      const ann = await createProfile(client, domain, { FirstName: 'Ann' });
      await rejectsWith(
        client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_fullName', Values: ['ann', `a${NUL}`] })),
        'BadRequestException',
        400,
        nulAt('Values[1]'),
      );
      await rejectsWith(client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: ann, KeyName: 'loyalty', Values: [`L${NUL}1`] })), 'BadRequestException', 400, nulAt('Values[0]'));
      assert.deepEqual(await searchIds(client, { DomainName: domain, KeyName: 'loyalty', Values: ['L1'] }), []);
      assert.equal((await client.send(new GetDomainCommand({ DomainName: domain }))).Stats?.ProfileCount, 1);
    });

    test('NUL inside the Object document of PutProfileObject is a 400 naming where; nothing is stored', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Rec', TYPE);
      await rejectsWith(putObject(client, domain, 'Rec', { id: `r${NUL}1` }), 'BadRequestException', 400, /Object holds the NUL character \(U\+0000\) at _source\.id/);
      await rejectsWith(putObject(client, domain, 'Rec', { id: 'r2', nested: { [`k${NUL}`]: 1 } }), 'BadRequestException', 400, /at _source\.nested\.k/);
      const stats = (await client.send(new GetDomainCommand({ DomainName: domain }))).Stats!;
      assert.equal(stats.ObjectCount, 0);
      assert.equal(stats.ProfileCount, 0);
      // The six characters \u0000 written as text (an escaped backslash) are ordinary text.
      await putObject(client, domain, 'Rec', { id: 'r3', note: '\\u0000' });
      const [profileId] = await searchIds(client, { DomainName: domain, KeyName: 'recordId', Values: ['r3'] });
      assert.deepEqual((await getProfile(client, domain, profileId!))?.Attributes, { note: '\\u0000' });
    });

    test('NUL in an IAM input is a ValidationError naming the member, also where the model sets no pattern', async () => {
      await rejectsWith(iam.send(new CreateUserCommand({ UserName: 'nul-path', Path: `/a${NUL}/` })), 'ValidationError', 400, nulAt('Path'));
      await rejectsWith(
        iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::000000000000:policy/p${NUL}q` })),
        'ValidationError',
        400,
        nulAt('PolicyArn'),
      );
      const users = (await iam.send(new ListUsersCommand({}))).Users ?? [];
      assert.equal(users.some((user) => user.UserName === 'nul-path'), false);
    });

    test('NUL in a label of our extension routes is a 400 too, not a database error', async () => {
      const result = await signedFetch(server.endpoint, server.root, { method: 'POST', path: '/_openprofiles/domains/a%00b/identity-resolution-jobs', body: '{}' });
      assert.equal(result.status, 400, result.text);
      assert.equal(result.headers.get('x-amzn-errortype'), 'BadRequestException');
      assert.match(String(result.json?.['Message']), nulAt('DomainName'));
    });

    test('__proto__ as a map key is a 400 naming the member, never dropped while the call says 200', async () => {
      const domain = await newDomain(client);
      const profile = await raw('POST', `/domains/${domain}/profiles`, '{"FirstName":"Ann","Attributes":{"__proto__":"x","tier":"gold"}}');
      assert.equal(profile.status, 400, profile.text);
      assert.match(String(profile.json?.['Message']), /Value at 'Attributes\.key' failed to satisfy constraint: Member must not be __proto__/);
      const tags = await raw('POST', '/domains/proto-tags', '{"DefaultExpirationDays":1,"Tags":{"__proto__":"v"}}');
      assert.equal(tags.status, 400, tags.text);
      assert.match(String(tags.json?.['Message']), /Value at 'Tags\.key'/);
      const type = await raw(
        'PUT',
        `/domains/${domain}/object-types/Proto`,
        JSON.stringify({ Description: 'd', Keys: TYPE.Keys }).replace('{"Description"', '{"Fields":{"__proto__":{"Source":"_source.id"},"id":{"Source":"_source.id"}},"Description"'),
      );
      assert.equal(type.status, 400, type.text);
      assert.match(String(type.json?.['Message']), /Value at 'Fields\.key'/);
      const keys = await raw('PUT', `/domains/${domain}/object-types/Proto`, JSON.stringify({ Description: 'd', Fields: TYPE.Fields }).replace('"Fields"', '"Keys":{"__proto__":[{"FieldNames":["id"]}]},"Fields"'));
      assert.equal(keys.status, 400, keys.text);
      assert.match(String(keys.json?.['Message']), /Value at 'Keys\.key'/);
      const [a, b] = [await createProfile(client, domain), await createProfile(client, domain)];
      const merge = await raw('POST', `/domains/${domain}/profiles/objects/merge`, JSON.stringify({ MainProfileId: a, ProfileIdsToBeMerged: [b] }).replace('}', ',"FieldSourceProfileIds":{"Attributes":{"__proto__":"' + a + '"}}}'));
      assert.equal(merge.status, 400, merge.text);
      assert.match(String(merge.json?.['Message']), /Value at 'FieldSourceProfileIds\.Attributes\.key'/);
      assert.equal((await client.send(new GetDomainCommand({ DomainName: domain }))).Stats?.ProfileCount, 2);
    });

    test('attributes named like Object members (constructor, toString, hasOwnProperty) are ordinary attributes', async () => {
      const domain = await newDomain(client);
      const attributes = { constructor: 'c', toString: 't', hasOwnProperty: 'h', valueOf: 'v' };
      const id = await createProfile(client, domain, { Attributes: attributes });
      assert.deepEqual((await getProfile(client, domain, id))?.Attributes, attributes);
      await client.send(new UpdateProfileCommand({ DomainName: domain, ProfileId: id, Attributes: { constructor: '', toString: 'T' } }));
      assert.deepEqual((await getProfile(client, domain, id))?.Attributes, { toString: 'T', hasOwnProperty: 'h', valueOf: 'v' });
    });

    test('the mapping reads only the object\'s own members: never Object\'s constructor or prototype', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Rec', TYPE);
      await putObject(client, domain, 'Rec', { id: 'o1', note: 'plain' });
      const [plain] = await searchIds(client, { DomainName: domain, KeyName: 'recordId', Values: ['o1'] });
      assert.deepEqual((await getProfile(client, domain, plain!))?.Attributes, { note: 'plain' });
      // A document's own "__proto__" and "constructor" members are data like any other: stored and mapped.
      await putObject(client, domain, 'Rec', '{"id":"o2","constructor":"own-c","__proto__":"own-p"}');
      const [own] = await searchIds(client, { DomainName: domain, KeyName: 'recordId', Values: ['o2'] });
      assert.deepEqual((await getProfile(client, domain, own!))?.Attributes, { ctor: 'own-c', proto: 'own-p', shown: 'own-cown-p' });
      const [stored] = await listObjects(client, domain, own!, 'Rec');
      assert.deepEqual(Object.entries(stored!.object), [['id', 'o2'], ['constructor', 'own-c'], ['__proto__', 'own-p']]);
    });
  });
}
