// Every built-in template used as an implicit object type, each with a realistic record of its source
// system, through the official SDK on every backend (spec §3.13, §3.4).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AddProfileKeyCommand, DeleteProfileObjectTypeCommand, GetDomainCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { createProfile, getProfile, newDomain, searchIds } from '../support/profiles.js';
import { listObjects, putObject, putType } from '../support/objects.js';

const contactRecord = (contactId: string, phone: string) => ({
  AWSAccountId: '123456789012',
  ContactId: contactId,
  InstanceARN: 'arn:aws:connect:us-east-1:123456789012:instance/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  Channel: 'VOICE',
  InitiationMethod: 'INBOUND',
  InitiationTimestamp: '2024-03-05T10:20:30Z',
  DisconnectTimestamp: '2024-03-05T10:31:02Z',
  CustomerEndpoint: { Address: phone, Type: 'TELEPHONE_NUMBER' },
  SystemEndpoint: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
  Queue: { Name: 'BasicQueue', ARN: 'arn:aws:connect:us-east-1:123456789012:instance/x/queue/y' },
  Agent: { Username: 'jdoe', ARN: 'arn:aws:connect:us-east-1:123456789012:instance/x/agent/z' },
  Attributes: { intent: 'billing' },
});

const salesforceContact = {
  attributes: { type: 'Contact', url: '/services/data/v58.0/sobjects/Contact/0035e00000AbCdEAAV' },
  Id: '0035e00000AbCdEAAV',
  AccountId: '0015e00000XyZaBAAV',
  FirstName: 'Rose',
  LastName: 'Gonzalez',
  Email: 'rose@edge.example.com',
  Phone: '(512) 757-6000',
  MobilePhone: '(512) 757-9340',
  MailingStreet: '313 Constitution Place',
  MailingCity: 'Austin',
  MailingState: 'TX',
  MailingPostalCode: '78767',
  MailingCountry: 'USA',
  Birthdate: '1968-04-17',
  SystemModstamp: '2024-03-05T10:20:30.000+0000',
};

for (const backend of backends()) {
  describe(`templates as implicit object types on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    /** The one profile a key value finds. */
    const only = async (domain: string, keyName: string, value: string) => {
      const ids = await searchIds(client, { DomainName: domain, KeyName: keyName, Values: [value] });
      assert.equal(ids.length, 1, `${keyName}=${value} finds ${ids.length} profiles`);
      return ids[0]!;
    };
    before(async () => {
      server = await backend.start();
      client = server.client();
    });
    after(async () => {
      client?.destroy();
      await server?.stop();
    });

    test('CTR: a record attaches to the profile holding its _ctrContactId (AddProfileKey); unmatched, it infers a profile with the caller phone', async () => {
      const domain = await newDomain(client);
      const caller = await createProfile(client, domain, { FirstName: 'Known' });
      await client.send(new AddProfileKeyCommand({ DomainName: domain, ProfileId: caller, KeyName: '_ctrContactId', Values: ['c0ffee00-1111-2222-3333-444455556666'] }));
      await putObject(client, domain, 'CTR', contactRecord('c0ffee00-1111-2222-3333-444455556666', '+12065550100'));
      assert.equal((await listObjects(client, domain, caller, 'CTR')).length, 1);
      await putObject(client, domain, 'CTR', contactRecord('c0ffee00-9999-2222-3333-444455556666', '+12065550177'));
      const inferred = await only(domain, '_ctrContactId', 'c0ffee00-9999-2222-3333-444455556666');
      assert.notEqual(inferred, caller);
      assert.equal((await getProfile(client, domain, inferred))?.PhoneNumber, '+12065550177');
    });

    test('CTR-NoInferred: an unknown contact id falls back to _phone', async () => {
      const domain = await newDomain(client);
      const caller = await createProfile(client, domain, { PhoneNumber: '(206) 555-0199' });
      await putObject(client, domain, 'CTR-NoInferred', contactRecord('aaaa0000-1111-2222-3333-444455556666', '+12065550199'));
      assert.equal((await listObjects(client, domain, caller, 'CTR-NoInferred')).length, 1);
      assert.equal(await only(domain, '_ctrContactId', 'aaaa0000-1111-2222-3333-444455556666'), caller);
    });

    test('CTR-AutoAssociateOnly: matched by phone it attaches; unmatched it creates no profile', async () => {
      const domain = await newDomain(client);
      const caller = await createProfile(client, domain, { MobilePhoneNumber: '+44 20 7946 0958' });
      await putObject(client, domain, 'CTR-AutoAssociateOnly', contactRecord('bbbb0000-1111-2222-3333-444455556666', '+442079460958'));
      assert.equal((await listObjects(client, domain, caller, 'CTR-AutoAssociateOnly')).length, 1);
      await putObject(client, domain, 'CTR-AutoAssociateOnly', contactRecord('bbbb0000-9999-2222-3333-444455556666', '+12065550111'));
      const stats = (await client.send(new GetDomainCommand({ DomainName: domain }))).Stats!;
      assert.equal(stats.ProfileCount, 1);
      assert.equal(stats.ObjectCount, 1);
    });

    test('Salesforce-Account: a business account becomes a profile with its addresses', async () => {
      const domain = await newDomain(client);
      await putObject(client, domain, 'Salesforce-Account', {
        attributes: { type: 'Account' },
        Id: '0015e00000XyZaBAAV',
        Name: 'Edge Communications',
        AccountNumber: 'CD451796',
        Phone: '(512) 757-6000',
        IsPersonAccount: false,
        BillingStreet: '312 Constitution Place',
        BillingCity: 'Austin',
        BillingState: 'TX',
        BillingPostalCode: '78767',
        BillingCountry: 'USA',
        ShippingStreet: '312 Constitution Place',
        ShippingCity: 'Austin',
        SystemModstamp: '2024-03-05T10:20:30.000+0000',
      });
      const profile = await getProfile(client, domain, await only(domain, '_salesforceAccountId', '0015e00000XyZaBAAV'));
      assert.equal(profile?.BusinessName, 'Edge Communications');
      assert.equal(profile?.AccountNumber, 'CD451796');
      assert.equal(profile?.PartyType, 'BUSINESS');
      assert.equal(profile?.PhoneNumber, '(512) 757-6000');
      assert.deepEqual(profile?.BillingAddress, { Address1: '312 Constitution Place', City: 'Austin', State: 'TX', PostalCode: '78767', Country: 'USA' });
      assert.deepEqual(profile?.ShippingAddress, { Address1: '312 Constitution Place', City: 'Austin' });
      assert.equal(profile?.Attributes?.['sfdcAccountId'], '0015e00000XyZaBAAV');
    });

    test('Salesforce-Contact: names, e-mail, phones and mailing address; searchable by its account id', async () => {
      const domain = await newDomain(client);
      await putObject(client, domain, 'Salesforce-Contact', salesforceContact);
      const id = await only(domain, '_salesforceContactId', '0035e00000AbCdEAAV');
      assert.equal(await only(domain, '_salesforceAccountId', '0015e00000XyZaBAAV'), id);
      const profile = await getProfile(client, domain, id);
      assert.equal(profile?.FirstName, 'Rose');
      assert.equal(profile?.LastName, 'Gonzalez');
      assert.equal(profile?.EmailAddress, 'rose@edge.example.com');
      assert.equal(profile?.MobilePhoneNumber, '(512) 757-9340');
      assert.equal(profile?.BirthDate, '1968-04-17');
      assert.deepEqual(profile?.MailingAddress, { Address1: '313 Constitution Place', City: 'Austin', State: 'TX', PostalCode: '78767', Country: 'USA' });
      // SystemModstamp is the SourceLastUpdatedTimestamp (SimpleDateFormat with a zone offset): an older edit does not win.
      await putObject(client, domain, 'Salesforce-Contact', { ...salesforceContact, FirstName: 'Rosa', SystemModstamp: '2024-03-05T10:20:30.000+0100' });
      assert.equal((await getProfile(client, domain, id))?.FirstName, 'Rose');
      await putObject(client, domain, 'Salesforce-Contact', { ...salesforceContact, FirstName: 'Rosie', SystemModstamp: '2024-03-05T10:20:31.000+0000' });
      assert.equal((await getProfile(client, domain, id))?.FirstName, 'Rosie');
    });

    test("Salesforce-Asset: stored on the contact's profile through its PROFILE key", async () => {
      const domain = await newDomain(client);
      await putObject(client, domain, 'Salesforce-Contact', salesforceContact);
      const id = await only(domain, '_salesforceContactId', '0035e00000AbCdEAAV');
      await putObject(client, domain, 'Salesforce-Asset', {
        Id: '02i5e00000AsSeTAAF',
        ContactId: '0035e00000AbCdEAAV',
        AccountId: '0015e00000XyZaBAAV',
        Name: 'GC1060 Generator',
        SerialNumber: 'SN-2024-00042',
        StockKeepingUnit: 'GC1060',
        Status: 'Installed',
        Price: 1250.5,
        Quantity: 1,
      });
      const [asset] = await listObjects(client, domain, id, 'Salesforce-Asset');
      assert.equal(asset?.object['SerialNumber'], 'SN-2024-00042');
      // The standard asset record it targets, found again (not duplicated) when the asset is re-ingested.
      const [record] = await listObjects(client, domain, id, '_asset');
      const assetId = record?.object['AssetId'] as string;
      assert.match(assetId, /^[0-9a-f]{32}$/);
      assert.deepEqual(record?.object, {
        AssetId: assetId,
        Attributes: { sfdcAssetId: '02i5e00000AsSeTAAF', sfdcContactId: '0035e00000AbCdEAAV', sfdcAccountId: '0015e00000XyZaBAAV' },
        AssetName: 'GC1060 Generator',
        SerialNumber: 'SN-2024-00042',
        ProductSKU: 'GC1060',
        Status: 'Installed',
        Price: '1250.5',
        Quantity: '1',
      });
      await putObject(client, domain, 'Salesforce-Asset', { Id: '02i5e00000AsSeTAAF', ContactId: '0035e00000AbCdEAAV', Status: 'Obsolete' });
      const records = await listObjects(client, domain, id, '_asset', { KeyName: '_serialNumber', Values: ['SN-2024-00042'] });
      assert.equal(records.length, 1);
      assert.equal(records[0]?.object['Status'], 'Obsolete');
      assert.equal(records[0]?.object['AssetName'], 'GC1060 Generator');
      assert.equal((await listObjects(client, domain, id, '_asset', { KeyName: '_assetId', Values: [assetId] })).length, 1);
    });

    test('Zendesk-users and Zendesk-tickets: the ticket lands on its requester', async () => {
      const domain = await newDomain(client);
      await putObject(client, domain, 'Zendesk-users', {
        id: 35436,
        url: 'https://example.zendesk.com/api/v2/users/35436.json',
        name: 'Johnny Agent',
        email: 'johnny@example.com',
        phone: '+15551234567',
        external_id: 'ext-8812',
        role: 'end-user',
        created_at: '2023-06-09T08:45:01Z',
        updated_at: '2024-01-11T11:25:27Z',
      });
      const id = await only(domain, '_zendeskUserId', '35436');
      assert.equal(await only(domain, '_zendeskExternalId', 'ext-8812'), id);
      const profile = await getProfile(client, domain, id);
      assert.equal(profile?.EmailAddress, 'johnny@example.com');
      assert.equal(profile?.Attributes?.['ZendeskName'], 'Johnny Agent');
      await putObject(client, domain, 'Zendesk-tickets', {
        id: 35436001,
        subject: 'Help, my printer is on fire!',
        description: 'The fire is very colorful.',
        status: 'open',
        requester_id: 35436,
        created_at: '2024-01-12T09:00:00Z',
        updated_at: '2024-01-12T09:05:00Z',
      });
      assert.equal((await listObjects(client, domain, id, 'Zendesk-tickets')).length, 1);
      const [ticket] = await listObjects(client, domain, id, '_case');
      assert.equal(ticket?.object['Title'], 'Help, my printer is on fire!');
      assert.equal(ticket?.object['Status'], 'open');
      assert.equal(ticket?.key, ticket?.object['CaseId']);
    });

    test('Marketo-leads: a lead with billing address and free-text gender', async () => {
      const domain = await newDomain(client);
      await putObject(client, domain, 'Marketo-leads', {
        id: 318581,
        firstName: 'Kate',
        lastName: 'Nguyen',
        email: 'kate.nguyen@example.org',
        phone: '415-555-0142',
        gender: 'female',
        dateOfBirth: '1990-02-11',
        billingStreet: '500 Howard St',
        billingCity: 'San Francisco',
        billingState: 'CA',
        billingPostalCode: '94105',
        billingCountry: 'US',
        sfdcContactId: '0035e00000LeAdCAAV',
        updatedAt: '2024-02-01T12:00:00Z',
      });
      const profile = await getProfile(client, domain, await only(domain, '_marketoLeadId', '318581'));
      assert.equal(profile?.GenderString, 'female');
      assert.equal(profile?.EmailAddress, 'kate.nguyen@example.org');
      assert.equal(profile?.BillingAddress?.City, 'San Francisco');
      assert.equal(profile?.Attributes?.['sfdcContactId'], '0035e00000LeAdCAAV');
    });

    test('ServiceNow-sys_user, -task and -incident: task and incident land on the user', async () => {
      const domain = await newDomain(client);
      await putObject(client, domain, 'ServiceNow-sys_user', {
        sys_id: '62826bf03710200044e0bfc8bcbe5df1',
        user_name: 'abel.tuter',
        first_name: 'Abel',
        last_name: 'Tuter',
        email: 'abel.tuter@example.com',
        mobile_phone: '+1 858 287 7834',
        street: '1 Main St',
        city: 'San Diego',
        state: 'CA',
        zip: '92101',
        sys_updated_on: '2024-03-01 08:00:00',
      });
      const id = await only(domain, '_serviceNowSystemId', '62826bf03710200044e0bfc8bcbe5df1');
      const profile = await getProfile(client, domain, id);
      assert.equal(profile?.MobilePhoneNumber, '+1 858 287 7834');
      assert.deepEqual(profile?.Address, { Address1: '1 Main St', City: 'San Diego', State: 'CA', PostalCode: '92101' });
      const reference = { link: 'https://dev.service-now.com/api/now/table/sys_user/62826bf03710200044e0bfc8bcbe5df1', value: '62826bf03710200044e0bfc8bcbe5df1' };
      await putObject(client, domain, 'ServiceNow-task', {
        sys_id: '46b66a40a9fe198101f243dfbc79033d',
        number: 'TASK0000001',
        short_description: 'Replace laptop battery',
        state: '1',
        opened_by: reference,
        sys_created_on: '2024-03-02 09:00:00',
      });
      await putObject(client, domain, 'ServiceNow-incident', {
        sys_id: '9c573169c611228700193229fff72400',
        number: 'INC0000001',
        short_description: 'Email server is down',
        incident_state: '2',
        category: 'network',
        caller_id: reference,
        sys_created_on: '2024-03-03 10:00:00',
      });
      assert.equal((await listObjects(client, domain, id, 'ServiceNow-task')).length, 1);
      assert.equal((await listObjects(client, domain, id, 'ServiceNow-incident')).length, 1);
    });

    test('Segment-Identify: traits fill the profile', async () => {
      const domain = await newDomain(client);
      await putObject(client, domain, 'Segment-Identify', {
        type: 'identify',
        messageId: 'ajs-9f8e7d6c5b4a',
        userId: '97980cfea0067',
        timestamp: '2024-02-23T22:28:55.111Z',
        traits: {
          firstName: 'Peter',
          lastName: 'Gibbons',
          email: 'peter@example.com',
          phone: '555-555-5555',
          company: { name: 'Initech' },
          address: { street: '6th St', city: 'San Francisco', state: 'CA', postalCode: '94103', country: 'USA' },
        },
      });
      const profile = await getProfile(client, domain, await only(domain, '_segmentUserId', '97980cfea0067'));
      assert.equal(profile?.BusinessName, 'Initech');
      assert.equal(profile?.FirstName, 'Peter');
      assert.equal(profile?.Address?.City, 'San Francisco');
      assert.equal(profile?.Attributes?.['SegmentUserId'], '97980cfea0067');
    });

    test('Shopify-Customer, -Order and -DraftOrder: orders land on the customer', async () => {
      const domain = await newDomain(client);
      await putObject(client, domain, 'Shopify-Customer', {
        id: 207119551,
        email: 'bob.norman@mail.example.com',
        first_name: 'Bob',
        last_name: 'Norman',
        phone: '+16136120707',
        note: 'Prefers e-mail',
        updated_at: '2024-01-05T10:11:12-05:00',
        default_address: { address1: 'Chestnut Street 92', city: 'Louisville', province: 'Kentucky', country: 'United States', zip: '40202' },
      });
      const id = await only(domain, '_shopifyCustomerId', '207119551');
      const profile = await getProfile(client, domain, id);
      assert.equal(profile?.AdditionalInformation, 'Prefers e-mail');
      assert.deepEqual(profile?.Address, { Address1: 'Chestnut Street 92', City: 'Louisville', Province: 'Kentucky', Country: 'United States', PostalCode: '40202' });
      const order = { id: 450789469, name: '#1001', email: 'bob.norman@mail.example.com', currency: 'USD', total_price: '598.94', customer: { id: 207119551 } };
      await putObject(client, domain, 'Shopify-Order', { ...order, financial_status: 'paid', created_at: '2024-01-06T10:00:00-05:00' });
      await putObject(client, domain, 'Shopify-DraftOrder', { ...order, id: 994118539, name: '#D2', status: 'open' });
      assert.equal((await listObjects(client, domain, id, 'Shopify-Order')).length, 1);
      assert.equal((await listObjects(client, domain, id, 'Shopify-DraftOrder')).length, 1);
      const orders = await listObjects(client, domain, id, '_order');
      assert.deepEqual(orders.map((item) => item.object['Name']).sort(), ['#1001', '#D2']);
      assert.deepEqual(orders.map((item) => item.object['TotalPrice']), ['598.94', '598.94']);
    });

    test('a type defined from a TemplateId ingests like the template; DeleteProfileObjectType purges an implicit type', async () => {
      const domain = await newDomain(client);
      await putType(client, domain, 'Contacts', { Description: 'Salesforce contacts', TemplateId: 'Salesforce-Contact' });
      await putObject(client, domain, 'Contacts', salesforceContact);
      const id = await only(domain, '_salesforceContactId', '0035e00000AbCdEAAV');
      assert.equal((await listObjects(client, domain, id, 'Contacts')).length, 1);
      await putObject(client, domain, 'Segment-Identify', { userId: 'u-1', traits: { email: 'rose@edge.example.com' } });
      const stats = async () => (await client.send(new GetDomainCommand({ DomainName: domain }))).Stats!.ObjectCount;
      assert.equal(await stats(), 2);
      await client.send(new DeleteProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: 'Segment-Identify' }));
      assert.equal(await stats(), 1);
    });
  });
}
