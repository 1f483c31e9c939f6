// Object types and templates through the official SDK, on every backend.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  DeleteProfileObjectTypeCommand,
  GetProfileObjectTypeCommand,
  GetProfileObjectTypeTemplateCommand,
  ListProfileObjectTypesCommand,
  ListProfileObjectTypeTemplatesCommand,
  ListTagsForResourceCommand,
  PutProfileObjectTypeCommand,
  TagResourceCommand,
  type CustomerProfilesClient,
  type PutProfileObjectTypeCommandInput,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';

const ORDER_TYPE: Omit<PutProfileObjectTypeCommandInput, 'DomainName' | 'ObjectTypeName'> = {
  Description: 'Orders from the web shop',
  AllowProfileCreation: true,
  ExpirationDays: 90,
  MaxProfileObjectCount: 200,
  SourcePriority: 2,
  SourceLastUpdatedTimestampFormat: 'EpochMilli',
  Fields: {
    orderId: { Source: '_source.order.id', ContentType: 'STRING' },
    email: { Source: '_source.customer.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' },
    fullName: { Source: '{{#removeExtraSpace}}{{_source.customer.first}} {{_source.customer.last}}{{/removeExtraSpace}}', Target: '_profile.Attributes.displayName', ContentType: 'NAME' },
    updated: { Source: '_source.updatedAt', Target: '_profile.SourceLastUpdatedTimestamp' },
  },
  Keys: {
    webOrderId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['orderId'] }],
    _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
  },
};

for (const backend of backends()) {
  describe(`object types on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    const put = (name: string, input: Partial<PutProfileObjectTypeCommandInput> = ORDER_TYPE, domain = 'shop') =>
      client.send(new PutProfileObjectTypeCommand({ ...(input as PutProfileObjectTypeCommandInput), DomainName: domain, ObjectTypeName: name }));
    before(async () => {
      server = await backend.start();
      client = server.client();
      await client.send(new CreateDomainCommand({ DomainName: 'shop', DefaultExpirationDays: 30 }));
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('PutProfileObjectType stores and echoes the definition; Get returns the same', async () => {
      const created = await put('WebOrder', { ...ORDER_TYPE, Tags: { team: 'web' } });
      assert.equal(created.ObjectTypeName, 'WebOrder');
      assert.deepEqual(created.Fields, ORDER_TYPE.Fields, 'a field given without ContentType comes back without it');
      assert.deepEqual(created.Keys, ORDER_TYPE.Keys);
      assert.equal(created.MaxAvailableProfileObjectCount, 800);
      assert.deepEqual(created.Tags, { team: 'web' });
      const got = await client.send(new GetProfileObjectTypeCommand({ DomainName: 'shop', ObjectTypeName: 'WebOrder' }));
      assert.deepEqual({ ...got, $metadata: undefined }, { ...created, $metadata: undefined });
    });

    test('Put replaces an existing type, keeping CreatedAt', async () => {
      const first = await put('Replaceable');
      const second = await put('Replaceable', { ...ORDER_TYPE, Description: 'changed', AllowProfileCreation: false });
      assert.equal(second.Description, 'changed');
      assert.equal(second.AllowProfileCreation, false);
      assert.deepEqual(second.CreatedAt, first.CreatedAt);
      assert.ok(second.LastUpdatedAt!.getTime() >= first.LastUpdatedAt!.getTime());
    });

    test('a TemplateId resolves to the template mapping; mixing it with Fields is a 400', async () => {
      const fromTemplate = await put('SfAccount', { Description: 'Salesforce accounts', TemplateId: 'Salesforce-Account' });
      assert.equal(fromTemplate.TemplateId, 'Salesforce-Account');
      assert.equal(fromTemplate.AllowProfileCreation, true);
      assert.deepEqual(fromTemplate.Keys?.['_salesforceAccountId'], [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['Id'] }]);
      assert.equal(fromTemplate.Fields?.['Name']?.Target, '_profile.BusinessName');
      await rejectsWith(put('Mixed', { Description: 'x', TemplateId: 'Salesforce-Account', Fields: ORDER_TYPE.Fields }), 'BadRequestException', 400, /TemplateId supplies/);
      await rejectsWith(put('Nope', { Description: 'x', TemplateId: 'No-Such-Template' }), 'ResourceNotFoundException', 404);
    });

    test('the validation rules answer 400 naming the rule, and write nothing', async () => {
      const noUnique = { ...ORDER_TYPE, Keys: { _email: ORDER_TYPE.Keys!['_email']! } };
      await rejectsWith(put('Broken', noUnique), 'BadRequestException', 400, /rule 1/);
      const badTarget = { ...ORDER_TYPE, Fields: { ...ORDER_TYPE.Fields, x: { Source: '_source.x', Target: '_profile.ProfileId' } } };
      await rejectsWith(put('Broken', badTarget), 'BadRequestException', 400, /rule 8/);
      const badTemplate = { ...ORDER_TYPE, Fields: { ...ORDER_TYPE.Fields, x: { Source: '{{#each _source.items}}' } } };
      await rejectsWith(put('Broken', badTemplate), 'BadRequestException', 400, /rule 9.*Handlebars/);
      await rejectsWith(put('_Reserved'), 'BadRequestException', 400, /reserved/);
      await rejectsWith(put('Bad Name'), 'BadRequestException', 400, /ObjectTypeName/);
      await rejectsWith(put('NoFields', { Description: 'x' }), 'BadRequestException', 400, /Fields and Keys/);
      await rejectsWith(client.send(new GetProfileObjectTypeCommand({ DomainName: 'shop', ObjectTypeName: 'Broken' })), 'ResourceNotFoundException', 404);
    });

    test('key names are domain-global: reusing one with other content types is refused', async () => {
      const clash = { ...ORDER_TYPE, Fields: { ...ORDER_TYPE.Fields, email: { Source: '_source.mail', ContentType: 'STRING' as const } } };
      await rejectsWith(put('Clash', clash), 'BadRequestException', 400, /_email is used elsewhere/);
    });

    test('the per-profile object budget is shared between types', async () => {
      await client.send(new CreateDomainCommand({ DomainName: 'budget', DefaultExpirationDays: 1 }));
      await put('Big', { ...ORDER_TYPE, MaxProfileObjectCount: 700 }, 'budget');
      await rejectsWith(put('Bigger', { ...ORDER_TYPE, MaxProfileObjectCount: 301 }, 'budget'), 'BadRequestException', 400, /1001/);
      const fits = await put('Fits', { ...ORDER_TYPE, MaxProfileObjectCount: 300 }, 'budget');
      assert.equal(fits.MaxAvailableProfileObjectCount, 0);
    });

    test('ListProfileObjectTypes pages by name without mappings; unknown domain is 404', async () => {
      await client.send(new CreateDomainCommand({ DomainName: 'budget2', DefaultExpirationDays: 1 }));
      for (const name of ['L3', 'L1', 'L2']) await put(name, ORDER_TYPE, 'budget2');
      const first = await client.send(new ListProfileObjectTypesCommand({ DomainName: 'budget2', MaxResults: 2 }));
      assert.deepEqual(first.Items?.map((item) => item.ObjectTypeName), ['L1', 'L2']);
      assert.equal(first.Items?.[0]?.Description, ORDER_TYPE.Description);
      assert.equal((first.Items?.[0] as unknown as Record<string, unknown>)['Fields'], undefined);
      const second = await client.send(new ListProfileObjectTypesCommand({ DomainName: 'budget2', NextToken: first.NextToken }));
      assert.deepEqual(second.Items?.map((item) => item.ObjectTypeName), ['L3']);
      assert.equal(second.NextToken, undefined);
      await rejectsWith(client.send(new ListProfileObjectTypesCommand({ DomainName: 'ghost' })), 'ResourceNotFoundException', 404);
    });

    test('object-type ARNs are taggable; deleting the type removes it and its tags', async () => {
      await put('Tagged');
      const arn = 'arn:aws:profile:us-east-1:000000000000:domains/shop/object-types/Tagged';
      await client.send(new TagResourceCommand({ resourceArn: arn, tags: { env: 'prod' } }));
      assert.deepEqual((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { env: 'prod' });
      const deleted = await client.send(new DeleteProfileObjectTypeCommand({ DomainName: 'shop', ObjectTypeName: 'Tagged' }));
      assert.ok(deleted.Message);
      await rejectsWith(client.send(new GetProfileObjectTypeCommand({ DomainName: 'shop', ObjectTypeName: 'Tagged' })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new DeleteProfileObjectTypeCommand({ DomainName: 'shop', ObjectTypeName: 'Tagged' })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new ListTagsForResourceCommand({ resourceArn: arn })), 'ResourceNotFoundException', 404);
    });

    test('deleting the domain deletes its object types', async () => {
      await client.send(new CreateDomainCommand({ DomainName: 'temp', DefaultExpirationDays: 1 }));
      await put('Gone', ORDER_TYPE, 'temp');
      await client.send(new DeleteDomainCommand({ DomainName: 'temp' }));
      await client.send(new CreateDomainCommand({ DomainName: 'temp', DefaultExpirationDays: 1 }));
      assert.deepEqual((await client.send(new ListProfileObjectTypesCommand({ DomainName: 'temp' }))).Items, []);
    });

    test('templates: listed by id and paged; each readable; unknown is 404', async () => {
      const all: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListProfileObjectTypeTemplatesCommand({ MaxResults: 5, NextToken: token }));
        all.push(...(page.Items ?? []).map((item) => item.TemplateId!));
        token = page.NextToken;
      } while (token);
      assert.ok(all.length >= 16);
      assert.deepEqual(all, [...all].sort());
      for (const id of all) {
        const template = await client.send(new GetProfileObjectTypeTemplateCommand({ TemplateId: id }));
        assert.equal(template.TemplateId, id);
        assert.ok(template.SourceName && template.SourceObject && template.Fields && template.Keys, id);
      }
      const zendesk = await client.send(new GetProfileObjectTypeTemplateCommand({ TemplateId: 'Zendesk-tickets' }));
      assert.equal(zendesk.Fields?.['subject']?.Target, '_case.Title');
      await rejectsWith(client.send(new GetProfileObjectTypeTemplateCommand({ TemplateId: 'Nope-x' })), 'ResourceNotFoundException', 404);
    });
  });
}
