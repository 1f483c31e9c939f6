// The event endpoint of an integration, through a real server on every backend: PutIntegration by the
// official SDK, batches posted signed to /_openprofiles/integrations/{Uri}/events, the profiles then
// found by SearchProfiles; routing by EventType, bad records reported per record with the good kept,
// batch limits, and authorization as profile:PutProfileObject on the target object types.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PutIntegrationCommand, SearchProfilesCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { Credentials, RunningServer } from '../support/server.js';
import { signedFetch } from '../support/signed-fetch.js';
import { newDomain } from '../support/profiles.js';
import { listObjects, putType } from '../support/objects.js';
import { iamClient, policyDocument, userWithPolicies } from '../support/iam.js';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const EVENTS = (uri: string) => `/_openprofiles/integrations/${encodeURIComponent(uri)}/events`;
const TYPE_ARN = (domain: string, type: string) => `arn:aws:profile:${REGION}:${ACCOUNT}:domains/${domain}/object-types/${type}`;
const DOMAIN_ARN = (domain: string) => `arn:aws:profile:${REGION}:${ACCOUNT}:domains/${domain}`;

const CONTACT_TYPE = {
  Description: 'web sign-ups',
  AllowProfileCreation: true,
  Fields: {
    contactId: { Source: '_source.contactId', ContentType: 'STRING' as const },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    firstName: { Source: '_source.firstName', Target: '_profile.FirstName', ContentType: 'NAME' as const },
  },
  Keys: {
    contactId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['contactId'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};
const ORDER_TYPE = {
  Description: 'shop orders',
  AllowProfileCreation: true,
  Fields: {
    orderId: { Source: '_source.orderId', ContentType: 'STRING' as const },
    email: { Source: '_source.buyer', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
  },
  Keys: {
    orderId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['orderId'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

interface Outcome {
  ObjectTypeName?: string;
  ProfileObjectUniqueKey?: string;
  ErrorCode?: string;
  Message?: string;
}

for (const backend of backends()) {
  describe(`integration event endpoint on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    let domain: string;
    const shopUri = () => `https://events.example.com/shop/${domain}?v=1`;
    const post = (uri: string, body: unknown, credentials: Credentials = server.root) =>
      signedFetch(server.endpoint, credentials, { method: 'POST', path: EVENTS(uri), body: typeof body === 'string' ? body : JSON.stringify(body) });
    const emailSearch = async (email: string) =>
      (await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [email] }))).Items ?? [];

    before(async () => {
      server = await backend.start();
      client = server.client();
      domain = await newDomain(client, 'events');
      await putType(client, domain, 'Contact', CONTACT_TYPE);
      await putType(client, domain, 'Order', ORDER_TYPE);
      await client.send(new PutIntegrationCommand({ DomainName: domain, Uri: shopUri(), ObjectTypeNames: { SignUp: 'Contact', Purchase: 'Order' } }));
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('records are routed by EventType and ingested; the profiles are then found by SearchProfiles', async () => {
      const result = await post(shopUri(), {
        Records: [
          { EventType: 'SignUp', Object: { contactId: 'c-1', email: 'ada@example.com', firstName: 'Ada' } },
          { EventType: 'Purchase', Object: JSON.stringify({ orderId: 'o-1', buyer: 'ADA@example.com' }) },
          { EventType: 'SignUp', Object: { contactId: 'c-2', email: 'grace@example.com', firstName: 'Grace' } },
        ],
      });
      assert.equal(result.status, 200, result.text);
      const records = result.json?.['Records'] as Outcome[];
      assert.deepEqual(records.map((record) => record.ObjectTypeName), ['Contact', 'Order', 'Contact']);
      assert.ok(records.every((record) => /^[A-Za-z0-9_-]{43}$/.test(record.ProfileObjectUniqueKey ?? '')));
      assert.equal(result.json?.['SuccessCount'], 3);
      assert.equal(result.json?.['FailureCount'], 0);

      const ada = await emailSearch('ada@example.com');
      assert.equal(ada.length, 1);
      assert.equal(ada[0]!.FirstName, 'Ada');
      const orders = await listObjects(client, domain, ada[0]!.ProfileId!, 'Order');
      assert.deepEqual(orders.map((order) => order.key), [records[1]!.ProfileObjectUniqueKey]);
      assert.equal((await emailSearch('grace@example.com'))[0]?.FirstName, 'Grace');
    });

    test('an Amazon Connect instance ARN is stored, and its contact records arrive through the endpoint with the CTR template', async () => {
      const instance = `arn:aws:connect:us-east-1:000000000000:instance/0f1e2d3c-4b5a-6978-8796-${domain.slice(-12).padStart(12, '0')}`;
      await client.send(new PutIntegrationCommand({ DomainName: domain, Uri: instance, ObjectTypeName: 'CTR' }));
      const contactRecord = {
        AWSAccountId: ACCOUNT,
        ContactId: 'a1b2c3d4-0000-4000-8000-000000000001',
        InstanceARN: instance,
        Channel: 'VOICE',
        InitiationMethod: 'INBOUND',
        InitiationTimestamp: '2024-03-05T10:20:30Z',
        DisconnectTimestamp: '2024-03-05T10:31:02Z',
        CustomerEndpoint: { Address: '+12065550188', Type: 'TELEPHONE_NUMBER' },
        SystemEndpoint: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
        Attributes: { intent: 'billing' },
      };
      const result = await post(instance, { Records: [{ Object: contactRecord }] });
      assert.equal(result.status, 200, result.text);
      const [outcome] = result.json?.['Records'] as Outcome[];
      assert.equal(outcome?.ObjectTypeName, 'CTR');
      assert.ok(outcome?.ProfileObjectUniqueKey, JSON.stringify(outcome));
      const found = (await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_phone', Values: ['+12065550188'] }))).Items ?? [];
      assert.equal(found.length, 1);
      const objects = await listObjects(client, domain, found[0]!.ProfileId!, 'CTR');
      assert.deepEqual(objects.map((object) => object.key), [outcome.ProfileObjectUniqueKey]);
    });

    test('bad records are reported one by one and the good ones in the same batch are kept', async () => {
      const result = await post(shopUri(), {
        Records: [
          { EventType: 'SignUp', Object: { contactId: 'c-3', email: 'linus@example.com', firstName: 'Linus' } },
          { EventType: 'Refund', Object: { orderId: 'o-9' } },
          { Object: { contactId: 'c-4', email: 'x@example.com' } },
          { EventType: 'Purchase', Object: '{not json' },
          { EventType: 'Purchase', Object: { buyer: 'nobody@example.com' } },
          'just a string',
          { EventType: 'SignUp' },
          { EventType: 'Purchase', Object: { orderId: 'o-2', buyer: 'linus@example.com' } },
        ],
      });
      assert.equal(result.status, 200, result.text);
      const records = result.json?.['Records'] as Outcome[];
      assert.equal(records.length, 8);
      assert.ok(records[0]!.ProfileObjectUniqueKey);
      assert.ok(records[7]!.ProfileObjectUniqueKey);
      for (const index of [1, 2, 3, 4, 5, 6]) {
        assert.equal(records[index]!.ErrorCode, 'BadRequestException', `record ${index}`);
        assert.ok(records[index]!.Message, `record ${index}`);
        assert.equal(records[index]!.ProfileObjectUniqueKey, undefined);
      }
      assert.match(records[1]!.Message!, /EventType Refund is not mapped.*SignUp, Purchase/);
      assert.match(records[2]!.Message!, /EventType is required/);
      assert.equal(records[4]!.ObjectTypeName, 'Order');
      assert.deepEqual([result.json?.['SuccessCount'], result.json?.['FailureCount']], [2, 6]);
      const linus = await emailSearch('linus@example.com');
      assert.equal(linus.length, 1);
      assert.equal((await listObjects(client, domain, linus[0]!.ProfileId!, 'Order')).length, 1);
      assert.equal((await emailSearch('nobody@example.com')).length, 0);
      assert.equal((await emailSearch('x@example.com')).length, 0);
    });

    test('with ObjectTypeName every record goes to that type (here a template used by its id)', async () => {
      const uri = `zendesk-push-${domain}`;
      await client.send(new PutIntegrationCommand({ DomainName: domain, Uri: uri, ObjectTypeName: 'Zendesk-users' }));
      const result = await post(uri, {
        Records: [
          { Object: { id: 9001, name: 'Margaret Hamilton', email: 'margaret@example.com', updated_at: '2024-03-01T10:00:00Z' } },
          { EventType: 'anything', Object: { id: 9002, name: 'Katherine Johnson', email: 'katherine@example.com', updated_at: '2024-03-01T10:00:00Z' } },
        ],
      });
      assert.equal(result.status, 200, result.text);
      assert.deepEqual((result.json?.['Records'] as Outcome[]).map((record) => record.ObjectTypeName), ['Zendesk-users', 'Zendesk-users']);
      assert.equal((await emailSearch('margaret@example.com')).length, 1);
      assert.equal((await emailSearch('katherine@example.com')).length, 1);
    });

    test('a batch that is not a Records list, is empty or holds more than 500 records is refused whole', async () => {
      const tooMany = Array.from({ length: 501 }, (_, i) => ({ EventType: 'SignUp', Object: { contactId: `bulk-${i}`, email: `bulk${i}@example.com` } }));
      for (const body of [{ Records: tooMany }, { Records: [] }, { Records: 'x' }, {}, '{not json']) {
        const result = await post(shopUri(), body);
        assert.equal(result.status, 400, JSON.stringify(body).slice(0, 60));
        assert.equal(result.headers.get('x-amzn-errortype'), 'BadRequestException');
      }
      assert.equal((await emailSearch('bulk0@example.com')).length, 0);
      const exactly = await post(shopUri(), { Records: tooMany.slice(0, 500) });
      assert.equal(exactly.status, 200, exactly.text);
      assert.equal(exactly.json?.['SuccessCount'], 500);
    });

    test('an unknown Uri is ResourceNotFoundException; an unsigned call is refused', async () => {
      const missing = await post('https://events.example.com/nothing-here', { Records: [{ Object: {} }] });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
      const unsigned = await signedFetch(server.endpoint, server.root, { method: 'POST', path: EVENTS(shopUri()), body: '{"Records":[]}', sign: false });
      assert.equal(unsigned.status, 403);
    });

    test('an IAM user needs profile:PutProfileObject on the domain and on each object type the batch goes to', async () => {
      const iam = iamClient(server);
      const contactsOnly = await userWithPolicies(iam, `events-contacts-${backend.name}`, [
        policyDocument({ Effect: 'Allow', Action: 'profile:PutProfileObject', Resource: [DOMAIN_ARN(domain), TYPE_ARN(domain, 'Contact')] }),
      ]);
      const signUp = { EventType: 'SignUp', Object: { contactId: 'c-iam', email: 'iam@example.com' } };
      const allowed = await post(shopUri(), { Records: [signUp] }, contactsOnly);
      assert.equal(allowed.status, 200, allowed.text);
      const mixed = await post(shopUri(), { Records: [signUp, { EventType: 'Purchase', Object: { orderId: 'o-iam', buyer: 'iam@example.com' } }] }, contactsOnly);
      assert.equal(mixed.status, 403);
      assert.equal(mixed.headers.get('x-amzn-errortype'), 'AccessDeniedException');
      assert.match(String(mixed.json?.['Message']), /profile:PutProfileObject/);
      // Without the right to put objects anywhere, an unknown Uri is not told apart from a forbidden one.
      const unknown = await post('https://events.example.com/nothing-here', { Records: [signUp] }, contactsOnly);
      assert.equal(unknown.status, 403);
    });
  });
}
