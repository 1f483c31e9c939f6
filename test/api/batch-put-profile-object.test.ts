// BatchPutProfileObject, which the JS v3 SDK does not have yet, sent as SigV4-signed requests: each item is
// answered on its own, exactly as one PutProfileObject call per item answers it, and a request-level fault
// (unknown domain or type, duplicate Ids, a request the model refuses) writes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateDomainCommand, ListProfileObjectsCommand, PutProfileObjectCommand, SearchProfilesCommand } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { iamClient, policyDocument, userWithPolicies } from '../support/iam.js';
import { putType } from '../support/objects.js';
import type { Credentials, RunningServer } from '../support/server.js';
import { signedFetch, type RawResult } from '../support/signed-fetch.js';

const ORDER_TYPE = {
  Description: 'orders',
  AllowProfileCreation: true,
  MaxProfileObjectCount: 2,
  Fields: {
    id: { Source: '_source.id' },
    email: { Source: '_source.email', Target: '_profile.EmailAddress' },
    name: { Source: '_source.name', Target: '_profile.FirstName' },
  },
  Keys: {
    orderId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['id'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

/** Items that succeed, fail on their own (bad JSON, no unique key, over MaxProfileObjectCount), and share a profile. */
const ITEMS = [
  { Id: 'first', Object: JSON.stringify({ id: 'o-1', email: 'ann@example.com', name: 'Ann' }) },
  { Id: 'not-json', Object: '{"id": "o-x",' },
  { Id: 'no-unique-key', Object: JSON.stringify({ email: 'ann@example.com' }) },
  { Id: 'second', Object: JSON.stringify({ id: 'o-2', email: 'ann@example.com' }) },
  { Id: 'over-limit', Object: JSON.stringify({ id: 'o-3', email: 'ann@example.com' }) },
  { Id: 'other_profile', Object: JSON.stringify({ id: 'o-4', email: 'bob@example.com', name: 'Bob' }) },
  { Id: 'replaces-first', Object: JSON.stringify({ id: 'o-1', email: 'ann@example.com', name: 'Annie' }) },
];

for (const backend of backends()) {
  describe(`BatchPutProfileObject on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    const batch = (body: unknown, domain: string, credentials: Credentials = server.root): Promise<RawResult> =>
      signedFetch(server.endpoint, credentials, { method: 'PUT', path: `/domains/${domain}/profiles/objects/batch-put-profile-object`, body: JSON.stringify(body) });
    const newDomain = async (name: string): Promise<string> => {
      const client = server.client();
      await client.send(new CreateDomainCommand({ DomainName: name, DefaultExpirationDays: 30 }));
      await putType(client, name, 'Order', ORDER_TYPE);
      return name;
    };
    const objectsOf = async (domain: string): Promise<Record<string, string[]>> => {
      const client = server.client();
      const profiles = await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: ['ann@example.com', 'bob@example.com'], LogicalOperator: 'OR' }));
      const out: Record<string, string[]> = {};
      for (const profile of profiles.Items ?? []) {
        const objects = await client.send(new ListProfileObjectsCommand({ DomainName: domain, ProfileId: profile.ProfileId!, ObjectTypeName: 'Order' }));
        out[`${profile.EmailAddress} ${profile.FirstName}`] = (objects.Items ?? []).map((item) => item.Object!).sort();
      }
      return out;
    };

    before(async () => {
      server = await backend.start();
    });
    after(async () => {
      await server?.stop();
    });

    test('each item succeeds or fails on its own, exactly as one PutProfileObject call per item would', async () => {
      const batched = await newDomain('batched');
      const sequential = await newDomain('sequential');
      const result = await batch({ ObjectTypeName: 'Order', Items: ITEMS }, batched);
      assert.equal(result.status, 200, result.text);

      const expectedSuccessful: Array<{ Id: string; ProfileObjectUniqueKey: string }> = [];
      const expectedFailed: Array<{ Id: string; Code: number; Message: string }> = [];
      for (const item of ITEMS) {
        try {
          const put = await server.client().send(new PutProfileObjectCommand({ DomainName: sequential, ObjectTypeName: 'Order', Object: item.Object }));
          expectedSuccessful.push({ Id: item.Id, ProfileObjectUniqueKey: put.ProfileObjectUniqueKey! });
        } catch (error) {
          const e = error as { name: string; message: string; $metadata: { httpStatusCode: number } };
          assert.equal(e.name, 'BadRequestException', `${item.Id}: ${e.message}`);
          expectedFailed.push({ Id: item.Id, Code: e.$metadata.httpStatusCode, Message: e.message });
        }
      }
      const withoutProfileIds = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/[0-9a-f]{32}/g, '<profile id>')) as unknown;
      assert.deepEqual(withoutProfileIds(result.json), withoutProfileIds({ Successful: expectedSuccessful, Failed: expectedFailed }));
      assert.deepEqual(expectedSuccessful.map((item) => item.Id), ['first', 'second', 'other_profile', 'replaces-first']);
      assert.deepEqual(expectedFailed.map((item) => [item.Id, item.Code]), [['not-json', 400], ['no-unique-key', 400], ['over-limit', 400]]);
      assert.deepEqual(await objectsOf(batched), await objectsOf(sequential));
      assert.deepEqual(Object.keys(await objectsOf(batched)).sort(), ['ann@example.com Annie', 'bob@example.com Bob']);
    });

    test('a request-level fault answers the whole call and writes nothing', async () => {
      const domain = await newDomain('faults');
      const valid = { Id: 'ok', Object: JSON.stringify({ id: 'o-9', email: 'ann@example.com' }) };
      const cases: Array<[string, unknown, string, number, RegExp]> = [
        ['unknown domain', { ObjectTypeName: 'Order', Items: [valid] }, 'no-such-domain', 404, /no-such-domain/],
        ['unknown object type', { ObjectTypeName: 'Nope', Items: [valid] }, domain, 404, /Nope/],
        ['duplicate Ids', { ObjectTypeName: 'Order', Items: [valid, { ...valid }] }, domain, 400, /Id ok more than once/],
        ['more than ten items', { ObjectTypeName: 'Order', Items: Array.from({ length: 11 }, (_, i) => ({ ...valid, Id: `i${i}` })) }, domain, 400, /Items/],
        ['no items', { ObjectTypeName: 'Order', Items: [] }, domain, 400, /Items/],
        ['an Id outside the model pattern', { ObjectTypeName: 'Order', Items: [{ ...valid, Id: 'a b' }] }, domain, 400, /Items\[0\]\.Id/],
        ['an item without Object', { ObjectTypeName: 'Order', Items: [{ Id: 'x' }] }, domain, 400, /Items\[0\]\.Object/],
      ];
      for (const [what, body, target, status, message] of cases) {
        const result = await batch(body, target);
        assert.equal(result.status, status, `${what}: ${result.text}`);
        assert.match(String(result.json?.['Message']), message, what);
      }
      assert.deepEqual(await objectsOf(domain), {});
    });

    test('is authorized as profile:BatchPutProfileObject on the domain and the object type', async () => {
      const domain = await newDomain('authorized');
      const arn = `arn:aws:profile:us-east-1:000000000000:domains/${domain}`;
      const iam = iamClient(server);
      const putOnly = await userWithPolicies(iam, `put-only-${backend.name}`, [policyDocument({ Effect: 'Allow', Action: 'profile:PutProfileObject', Resource: '*' })]);
      const batcher = await userWithPolicies(iam, `batcher-${backend.name}`, [
        policyDocument({ Effect: 'Allow', Action: 'profile:BatchPutProfileObject', Resource: [arn, `${arn}/object-types/Order`] }),
      ]);
      const body = { ObjectTypeName: 'Order', Items: [{ Id: 'a', Object: JSON.stringify({ id: 'o-1', email: 'ann@example.com' }) }] };
      const denied = await batch(body, domain, putOnly);
      assert.equal(denied.status, 403, denied.text);
      assert.match(String(denied.json?.['Message']), /profile:BatchPutProfileObject/);
      const allowed = await batch(body, domain, batcher);
      assert.equal(allowed.status, 200, allowed.text);
      assert.equal((allowed.json?.['Successful'] as unknown[]).length, 1);
    });
  });
}
