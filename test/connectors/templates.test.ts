// Records as each contract server's source hands them out, pulled by its connector and put through the
// official SDK into the source's template (Zendesk-users, ServiceNow-sys_user, Marketo-leads): the
// profiles are then found by SearchProfiles — the connectors' records fit the templates as they come.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PutProfileObjectCommand, SearchProfilesCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import type { Connector } from '../../src/connectors/connector.js';
import { connectorFactories } from '../../src/connectors/index.js';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { newDomain } from '../support/profiles.js';
import { startZendeskContract } from '../support/contract/zendesk.js';
import { startServiceNowContract } from '../support/contract/servicenow.js';
import { startMarketoContract } from '../support/contract/marketo.js';
import { drain } from './drain.js';

for (const backend of backends()) {
  describe(`connector records into templates on ${backend.name}`, { skip: backend.skip }, () => {
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

    const ingestAll = async (connector: Connector, object: string, template: string) => {
      const domain = await newDomain(client, 'tmpl');
      const { records } = await drain(connector, { object, properties: {}, window: { from: new Date('2024-01-01T00:00:00Z') } });
      for (const record of records) await client.send(new PutProfileObjectCommand({ DomainName: domain, ObjectTypeName: template, Object: JSON.stringify(record) }));
      return { domain, count: records.length };
    };
    const byEmail = async (domain: string, email: string) =>
      (await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [email] }))).Items ?? [];

    test('Zendesk users', async () => {
      const zendesk = await startZendeskContract({
        seed: { users: [{ id: 361, name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0018', external_id: 'crm-1', updated_at: '2024-03-01T10:00:00Z' }] },
      });
      try {
        const connector = connectorFactories.Zendesk!({ name: 'zd', type: 'Zendesk', instanceUrl: zendesk.url, credentials: { email: zendesk.email, token: zendesk.apiToken } });
        const { domain, count } = await ingestAll(connector, 'users', 'Zendesk-users');
        assert.equal(count, 1);
        const [ada] = await byEmail(domain, 'ada@example.com');
        assert.equal(ada?.Attributes?.['ZendeskUserId'], '361');
        assert.equal(ada?.PhoneNumber, '+44 20 7946 0018');
      } finally {
        await zendesk.stop();
      }
    });

    test('ServiceNow sys_user', async () => {
      const servicenow = await startServiceNowContract({
        tables: { sys_user: [{ sys_id: '62826bf03710200044e0bfc8bcbe5df1', first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com', city: 'Arlington', sys_updated_on: '2024-05-01 09:00:00' }] },
      });
      try {
        const connector = connectorFactories.Servicenow!({ name: 'sn', type: 'Servicenow', instanceUrl: servicenow.url, credentials: { username: servicenow.username, password: servicenow.password } });
        const { domain, count } = await ingestAll(connector, 'sys_user', 'ServiceNow-sys_user');
        assert.equal(count, 1);
        const [grace] = await byEmail(domain, 'grace@example.com');
        assert.equal(grace?.LastName, 'Hopper');
        assert.equal(grace?.Address?.City, 'Arlington');
      } finally {
        await servicenow.stop();
      }
    });

    test('Marketo leads', async () => {
      const marketo = await startMarketoContract();
      try {
        marketo.upsertLead({ id: 318581, email: 'linus@example.com', firstName: 'Linus', lastName: 'Torvalds', city: 'Portland' }, new Date('2024-02-01T10:00:00Z'));
        const connector = connectorFactories.Marketo!({ name: 'mk', type: 'Marketo', instanceUrl: marketo.url, credentials: { clientId: marketo.clientId, clientSecret: marketo.clientSecret } });
        const { domain, count } = await ingestAll(connector, 'leads', 'Marketo-leads');
        assert.equal(count, 1);
        const [linus] = await byEmail(domain, 'linus@example.com');
        assert.equal(linus?.FirstName, 'Linus');
        assert.equal(linus?.Attributes?.['MarketoLeadId'], '318581');
      } finally {
        await marketo.stop();
      }
    });
  });
}
