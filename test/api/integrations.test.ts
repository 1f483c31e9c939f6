// Integrations through the official SDK, on every backend: upsert, lists and paging, the account-wide
// lookup by Uri, tags on integration ARNs, validation, and DeleteDomain and DeleteProfileObjectType taking them along.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DeleteDomainCommand,
  DeleteIntegrationCommand,
  DeleteProfileObjectTypeCommand,
  GetIntegrationCommand,
  ListAccountIntegrationsCommand,
  ListIntegrationsCommand,
  ListTagsForResourceCommand,
  PutIntegrationCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type CustomerProfilesClient,
  type ListIntegrationItem,
  type PutIntegrationCommandInput,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { newDomain } from '../support/profiles.js';
import { putType } from '../support/objects.js';
import { connectorsCli } from '../support/workflows.js';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const CONNECT = `arn:aws:connect:${REGION}:${ACCOUNT}:instance/1b2c3d4e`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/profiles-ingest`;
const integrationArn = (domain: string, uri: string) => `arn:aws:profile:${REGION}:${ACCOUNT}:domains/${domain}/integrations/${uri}`;

const ORDER_TYPE = {
  Description: 'orders',
  Fields: {
    id: { Source: '_source.id', ContentType: 'STRING' as const },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
  },
  Keys: {
    orderId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['id'] }],
    _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }],
  },
};

for (const backend of backends()) {
  describe(`integrations on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    const put = (domain: string, input: Omit<PutIntegrationCommandInput, 'DomainName'>) => client.send(new PutIntegrationCommand({ ...input, DomainName: domain }));
    const listAll = async (domain: string, maxResults: number, includeHidden?: boolean) => {
      const items: ListIntegrationItem[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await client.send(new ListIntegrationsCommand({ DomainName: domain, MaxResults: maxResults, NextToken: token, IncludeHidden: includeHidden }));
        items.push(...(page.Items ?? []));
        token = page.NextToken;
        pages += 1;
      } while (token !== undefined);
      return { items, pages };
    };
    before(async () => {
      server = await backend.start();
      client = server.client();
      // s3:// Uris are read with the account's own keys: these are for an endpoint nobody answers (polling is not under test here).
      await connectorsCli(server, ['put-profile', '--name', 's3', '--type', 's3', '--buckets', 'bucket', '--instance-url', 'http://127.0.0.1:9', '--access-key-id', 'AKIDEXAMPLE', '--secret-access-key', 'secret']);
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('PutIntegration stores and echoes the integration; Get returns the same; a replace keeps CreatedAt', async () => {
      const domain = await newDomain(client, 'int');
      await putType(client, domain, 'Order', ORDER_TYPE);
      const created = await put(domain, { Uri: CONNECT, ObjectTypeName: 'CTR', RoleArn: ROLE, EventTriggerNames: ['on-order'], Scope: 'PROFILE', Tags: { team: 'cc' } });
      assert.equal(created.DomainName, domain);
      assert.equal(created.Uri, CONNECT);
      assert.equal(created.ObjectTypeName, 'CTR');
      assert.equal(created.ObjectTypeNames, undefined);
      assert.equal(created.RoleArn, ROLE);
      assert.deepEqual(created.EventTriggerNames, ['on-order']);
      assert.equal(created.Scope, 'PROFILE');
      assert.deepEqual(created.Tags, { team: 'cc' });
      assert.equal(created.WorkflowId, undefined);
      assert.equal(created.IsUnstructured, undefined);
      const got = await client.send(new GetIntegrationCommand({ DomainName: domain, Uri: CONNECT }));
      assert.deepEqual({ ...got, $metadata: undefined }, { ...created, $metadata: undefined });

      await new Promise((resolve) => setTimeout(resolve, 1100)); // timestamps travel in whole seconds
      const replaced = await put(domain, { Uri: CONNECT, ObjectTypeNames: { 'Campaign-Email': 'Order', 'Campaign-SMS': 'CTR' }, Tags: { env: 'prod' } });
      assert.deepEqual(replaced.CreatedAt, created.CreatedAt);
      assert.ok(replaced.LastUpdatedAt!.getTime() > created.LastUpdatedAt!.getTime());
      assert.equal(replaced.ObjectTypeName, undefined);
      assert.deepEqual(replaced.ObjectTypeNames, { 'Campaign-Email': 'Order', 'Campaign-SMS': 'CTR' });
      assert.equal(replaced.RoleArn, undefined, 'a replace is whole: members left out are gone');
      assert.deepEqual(replaced.Tags, { team: 'cc', env: 'prod' }, 'tags merge like TagResource');
    });

    test('a FlowDefinition without Uri makes the Uri the AppFlow flow ARN; _unstructured marks IsUnstructured', async () => {
      const domain = await newDomain(client, 'int');
      const flow = await put(domain, {
        ObjectTypeName: '_unstructured',
        FlowDefinition: {
          FlowName: 'sf-accounts',
          KmsArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/abc`,
          SourceFlowConfig: { ConnectorType: 'Salesforce', SourceConnectorProperties: { Salesforce: { Object: 'Account' } } },
          Tasks: [{ TaskType: 'Filter', SourceFields: ['Id'], ConnectorOperator: { Salesforce: 'PROJECTION' } }],
          TriggerConfig: { TriggerType: 'OnDemand' },
        },
      });
      assert.equal(flow.Uri, `arn:aws:appflow:${REGION}:${ACCOUNT}:flow/sf-accounts`);
      assert.equal(flow.IsUnstructured, true);
      const got = await client.send(new GetIntegrationCommand({ DomainName: domain, Uri: flow.Uri }));
      assert.equal(got.IsUnstructured, true);
    });

    test('ListIntegrations pages by Uri with opaque tokens; IncludeHidden lists the same visible ones', async () => {
      const domain = await newDomain(client, 'int');
      const uris = ['s3://bucket/a', 's3://bucket/b', 'arn:aws:connect:x', 'https://events/z', 'S3://upper'];
      for (const uri of uris) await put(domain, { Uri: uri, ObjectTypeName: 'CTR' });
      const paged = await listAll(domain, 2);
      assert.equal(paged.pages, 3);
      assert.deepEqual(paged.items.map((item) => item.Uri), [...uris].sort());
      assert.ok(paged.items.every((item) => item.DomainName === domain && item.ObjectTypeName === 'CTR' && item.CreatedAt instanceof Date));
      const hidden = await listAll(domain, 100, true);
      assert.deepEqual(hidden.items.map((item) => item.Uri), [...uris].sort(), 'no integration is hidden until workflows create them');
      const first = await client.send(new ListIntegrationsCommand({ DomainName: domain, MaxResults: 2 }));
      await rejectsWith(
        client.send(new ListIntegrationsCommand({ DomainName: domain, MaxResults: 2, NextToken: first.NextToken, IncludeHidden: true })),
        'BadRequestException', 400,
      );
    });

    test('ListAccountIntegrations finds a Uri across the account\'s domains in the caller\'s region only', async () => {
      const [a, b] = [await newDomain(client, 'acct'), await newDomain(client, 'acct')];
      const uriA = `${CONNECT}-${a}`;
      const uriB = `${CONNECT}-${b}`;
      await put(a, { Uri: uriA, ObjectTypeName: 'CTR' });
      await put(b, { Uri: uriB, ObjectTypeName: 'CTR', Tags: { k: 'v' } });
      const forA = await client.send(new ListAccountIntegrationsCommand({ Uri: uriA }));
      assert.deepEqual(forA.Items?.map((item) => [item.DomainName, item.Uri]), [[a, uriA]]);
      const forB = await client.send(new ListAccountIntegrationsCommand({ Uri: uriB, IncludeHidden: true, MaxResults: 1 }));
      assert.deepEqual(forB.Items?.map((item) => [item.DomainName, item.Uri, item.Tags]), [[b, uriB, { k: 'v' }]]);
      assert.equal(forB.NextToken, undefined);
      const none = await client.send(new ListAccountIntegrationsCommand({ Uri: 'arn:aws:connect:nowhere' }));
      assert.deepEqual(none.Items ?? [], []);
      await rejectsWith(put(b, { Uri: uriA, ObjectTypeName: 'CTR' }), 'BadRequestException', 400, new RegExp(`already belongs to domain ${a}`));
      const elsewhere = server.client({ region: 'eu-west-1' });
      try {
        const other = await elsewhere.send(new ListAccountIntegrationsCommand({ Uri: uriA }));
        assert.deepEqual(other.Items ?? [], []);
      } finally {
        elsewhere.destroy();
      }
    });

    test('two domains claiming one Uri at once: exactly one wins, the other is a 400', async () => {
      const domains = await Promise.all([1, 2, 3].map(() => newDomain(client, 'race')));
      const uri = `${CONNECT}/race-${domains[0]}`;
      const results = await Promise.allSettled(domains.map((domain) => put(domain, { Uri: uri, ObjectTypeName: 'CTR' })));
      const won = results.filter((result) => result.status === 'fulfilled');
      assert.equal(won.length, 1);
      for (const result of results) {
        if (result.status === 'rejected') assert.match(String((result.reason as Error).message), /already belongs to domain/);
      }
      const found = await client.send(new ListAccountIntegrationsCommand({ Uri: uri }));
      assert.deepEqual(found.Items?.map((item) => item.DomainName), [won[0]!.value.DomainName]);
    });

    test('the integration ARN takes tags; ARNs of integrations whose Uri extends another keep their own', async () => {
      const domain = await newDomain(client, 'tag');
      await put(domain, { Uri: 's3://bucket/in', ObjectTypeName: 'CTR' });
      await put(domain, { Uri: 's3://bucket/in/deeper', ObjectTypeName: 'CTR', Tags: { keep: 'me' } });
      const arn = integrationArn(domain, 's3://bucket/in');
      const tagsOf = async (resourceArn: string) => (await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags;
      await client.send(new TagResourceCommand({ resourceArn: arn, tags: { a: '1', b: '2' } }));
      assert.deepEqual(await tagsOf(arn), { a: '1', b: '2' });
      await client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['a'] }));
      assert.deepEqual(await tagsOf(arn), { b: '2' });
      assert.deepEqual((await client.send(new GetIntegrationCommand({ DomainName: domain, Uri: 's3://bucket/in' }))).Tags, { b: '2' });
      await client.send(new DeleteIntegrationCommand({ DomainName: domain, Uri: 's3://bucket/in' }));
      await rejectsWith(client.send(new ListTagsForResourceCommand({ resourceArn: arn })), 'ResourceNotFoundException', 404);
      assert.deepEqual(await tagsOf(integrationArn(domain, 's3://bucket/in/deeper')), { keep: 'me' });
      await put(domain, { Uri: 's3://bucket/in', ObjectTypeName: 'CTR' });
      assert.deepEqual(await tagsOf(arn), {}, 'a deleted integration leaves no tags for its successor');
      await rejectsWith(client.send(new TagResourceCommand({ resourceArn: integrationArn(domain, 'absent'), tags: { a: 'b' } })), 'ResourceNotFoundException', 404);
    });

    test('DeleteIntegration removes it: Get and a second Delete are 404', async () => {
      const domain = await newDomain(client, 'del');
      const uri = `${CONNECT}/${domain}`;
      await put(domain, { Uri: uri, ObjectTypeName: 'CTR' });
      const deleted = await client.send(new DeleteIntegrationCommand({ DomainName: domain, Uri: uri }));
      assert.ok(deleted.Message);
      await rejectsWith(client.send(new GetIntegrationCommand({ DomainName: domain, Uri: uri })), 'ResourceNotFoundException', 404, /does not exist/);
      await rejectsWith(client.send(new DeleteIntegrationCommand({ DomainName: domain, Uri: uri })), 'ResourceNotFoundException', 404);
      assert.deepEqual((await listAll(domain, 10)).items, []);
    });

    test('validation: Uri length, object type choice and existence, Uri or FlowDefinition; unknown domain is 404', async () => {
      const domain = await newDomain(client, 'val');
      await rejectsWith(put(domain, { Uri: 'u'.repeat(256), ObjectTypeName: 'CTR' }), 'BadRequestException', 400);
      const longest = await put(domain, { Uri: 'u'.repeat(255), ObjectTypeName: 'CTR' });
      assert.equal(longest.Uri?.length, 255);
      await rejectsWith(put(domain, { Uri: 'x', ObjectTypeName: 'NoSuchType' }), 'BadRequestException', 400, /NoSuchType does not exist/);
      await rejectsWith(put(domain, { Uri: 'x', ObjectTypeNames: { SegmentIdentify: 'CTR', ShopifyCreateCustomers: 'Missing' } }), 'BadRequestException', 400, /Missing does not exist/);
      await rejectsWith(put(domain, { Uri: 'x' }), 'BadRequestException', 400, /exactly one of ObjectTypeName/);
      await rejectsWith(put(domain, { Uri: 'x', ObjectTypeName: 'CTR', ObjectTypeNames: { a: 'CTR' } }), 'BadRequestException', 400, /exactly one of ObjectTypeName/);
      await rejectsWith(put(domain, { ObjectTypeName: 'CTR' }), 'BadRequestException', 400, /Uri or a FlowDefinition/);
      await rejectsWith(client.send(new GetIntegrationCommand({ DomainName: domain, Uri: 'u'.repeat(256) })), 'BadRequestException', 400);
      await rejectsWith(put('no-such-domain', { Uri: 'x', ObjectTypeName: 'CTR' }), 'ResourceNotFoundException', 404, /Domain no-such-domain/);
      await rejectsWith(client.send(new GetIntegrationCommand({ DomainName: 'no-such-domain', Uri: 'x' })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new ListIntegrationsCommand({ DomainName: 'no-such-domain' })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new DeleteIntegrationCommand({ DomainName: 'no-such-domain', Uri: 'x' })), 'ResourceNotFoundException', 404);
      assert.deepEqual((await listAll(domain, 10)).items.map((item) => item.Uri), ['u'.repeat(255)]);
    });

    test('DeleteProfileObjectType takes the type out of integrations; one left with no type is deleted with its tags', async () => {
      const domain = await newDomain(client, 'detach');
      await putType(client, domain, 'Order', ORDER_TYPE);
      await putType(client, domain, 'Refund', ORDER_TYPE);
      const uri = (name: string) => `${CONNECT}/${domain}/${name}`;
      await put(domain, { Uri: uri('single'), ObjectTypeName: 'Order', Tags: { t: '1' } });
      const mixed = await put(domain, { Uri: uri('mixed'), ObjectTypeNames: { 'Campaign-Email': 'Order', 'Campaign-SMS': 'Refund' } });
      await put(domain, { Uri: uri('only-order'), ObjectTypeNames: { a: 'Order', b: 'Order' }, Tags: { t: '2' } });
      const other = await put(domain, { Uri: uri('other'), ObjectTypeName: 'Refund' });
      const template = await put(domain, { Uri: uri('template'), ObjectTypeName: 'CTR' });
      await new Promise((resolve) => setTimeout(resolve, 1100)); // timestamps travel in whole seconds

      await client.send(new DeleteProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: 'Order' }));
      for (const gone of [uri('single'), uri('only-order')]) {
        await rejectsWith(client.send(new GetIntegrationCommand({ DomainName: domain, Uri: gone })), 'ResourceNotFoundException', 404);
        await rejectsWith(client.send(new ListTagsForResourceCommand({ resourceArn: integrationArn(domain, gone) })), 'ResourceNotFoundException', 404);
      }
      const kept = await client.send(new GetIntegrationCommand({ DomainName: domain, Uri: uri('mixed') }));
      assert.deepEqual(kept.ObjectTypeNames, { 'Campaign-SMS': 'Refund' });
      assert.deepEqual(kept.CreatedAt, mixed.CreatedAt);
      assert.ok(kept.LastUpdatedAt!.getTime() > mixed.LastUpdatedAt!.getTime());
      const untouched = await client.send(new GetIntegrationCommand({ DomainName: domain, Uri: uri('other') }));
      assert.deepEqual({ ...untouched, $metadata: undefined }, { ...other, $metadata: undefined });
      const listed = (await listAll(domain, 10, true)).items;
      assert.deepEqual(listed.map((item) => item.Uri), [uri('mixed'), uri('other'), uri('template')]);
      assert.deepEqual(listed.find((item) => item.Uri === uri('template'))?.LastUpdatedAt, template.LastUpdatedAt);

      // The Uri is free again, and a type of the same name made anew does not bring the old integration back.
      await putType(client, domain, 'Order', ORDER_TYPE);
      await rejectsWith(client.send(new GetIntegrationCommand({ DomainName: domain, Uri: uri('single') })), 'ResourceNotFoundException', 404);
      const reclaimed = await put(domain, { Uri: uri('single'), ObjectTypeName: 'Order' });
      assert.equal(reclaimed.Tags, undefined);
    });

    test('DeleteDomain removes its integrations and their tags; the Uri is free again', async () => {
      const domain = await newDomain(client, 'gone');
      const uri = `${CONNECT}/${domain}`;
      await put(domain, { Uri: uri, ObjectTypeName: 'CTR', Tags: { t: '1' } });
      await client.send(new DeleteDomainCommand({ DomainName: domain }));
      const found = await client.send(new ListAccountIntegrationsCommand({ Uri: uri, IncludeHidden: true }));
      assert.deepEqual(found.Items ?? [], []);
      await rejectsWith(client.send(new ListTagsForResourceCommand({ resourceArn: integrationArn(domain, uri) })), 'ResourceNotFoundException', 404);
      const next = await newDomain(client, 'next');
      const claimed = await put(next, { Uri: uri, ObjectTypeName: 'CTR' });
      assert.equal(claimed.DomainName, next);
      assert.equal(claimed.Tags, undefined);
    });
  });
}
