// Integration workflows from Zendesk, ServiceNow and Marketo through the official SDK, on every backend:
// a connector profile made with the CLI, CreateIntegrationWorkflow into the source's template, the
// historical batch and the OnDemand run seen through GetWorkflowSteps, and the profiles found by
// SearchProfiles. Each source is a local server following its public API contract.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateIntegrationWorkflowCommand, SearchProfilesCommand, type CustomerProfilesClient, type FlowDefinition } from '@aws-sdk/client-customer-profiles';
import type { SourceConnectorType } from '../../src/generated/shapes.js';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { newDomain } from '../support/profiles.js';
import { startZendeskContract, type ZendeskContract } from '../support/contract/zendesk.js';
import { startServiceNowContract, type ServiceNowContract } from '../support/contract/servicenow.js';
import { startMarketoContract, type MarketoContract } from '../support/contract/marketo.js';
import { allFinished, connectorsCli, KMS_ARN, ROLE_ARN, waitForSteps, waitForWorkflow } from '../support/workflows.js';

const PROPERTIES_KEY = { Zendesk: 'Zendesk', Servicenow: 'ServiceNow', Marketo: 'Marketo' } as const;
const BATCH = { StartTime: new Date('2024-01-01T00:00:00Z'), EndTime: new Date('2025-01-01T00:00:00Z') };

function flow(type: 'Zendesk' | 'Servicenow' | 'Marketo', profileName: string, object: string, fields: string[]): FlowDefinition {
  return {
    FlowName: `${type.toLowerCase()}-${process.pid}-${Math.random().toString(16).slice(2, 8)}`,
    KmsArn: KMS_ARN,
    SourceFlowConfig: {
      ConnectorType: type satisfies SourceConnectorType,
      ConnectorProfileName: profileName,
      SourceConnectorProperties: { [PROPERTIES_KEY[type]]: { Object: object } },
    },
    Tasks: [{ TaskType: 'Filter', SourceFields: fields, ConnectorOperator: { [PROPERTIES_KEY[type]]: 'PROJECTION' } }],
    TriggerConfig: { TriggerType: 'OnDemand' },
  };
}

for (const backend of backends()) {
  describe(`Zendesk, ServiceNow and Marketo workflows on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    let zendesk: ZendeskContract;
    let servicenow: ServiceNowContract;
    let marketo: MarketoContract;

    before(async () => {
      server = await backend.start();
      client = server.client();
      zendesk = await startZendeskContract({
        pageSize: 2,
        seed: {
          users: [
            { id: 361, name: 'Ada Lovelace', email: 'ada@example.com', external_id: 'crm-1', updated_at: '2024-03-01T10:00:00Z' },
            { id: 362, name: 'Charles Babbage', email: 'charles@example.com', external_id: 'crm-2', updated_at: '2024-03-02T10:00:00Z' },
            { id: 363, name: 'Mary Somerville', email: 'mary@example.com', external_id: 'crm-3', updated_at: '2024-03-03T10:00:00Z' },
          ],
        },
      });
      servicenow = await startServiceNowContract({
        tables: {
          sys_user: [
            { sys_id: '62826bf03710200044e0bfc8bcbe5df1', first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com', sys_updated_on: '2024-05-01 09:00:00' },
            { sys_id: '62826bf03710200044e0bfc8bcbe5df2', first_name: 'Alan', last_name: 'Turing', email: 'alan@example.com', sys_updated_on: '2024-05-02 09:00:00' },
          ],
        },
      });
      marketo = await startMarketoContract();
      marketo.upsertLead({ id: 318581, email: 'linus@example.com', firstName: 'Linus', lastName: 'Torvalds' }, new Date('2024-02-01T10:00:00Z'));
      marketo.upsertLead({ id: 318582, email: 'ken@example.com', firstName: 'Ken', lastName: 'Thompson' }, new Date('2024-02-02T10:00:00Z'));
      await connectorsCli(server, ['put-profile', '--name', 'zd', '--type', 'zendesk', '--instance-url', zendesk.url, '--email', zendesk.email, '--token', zendesk.apiToken]);
      await connectorsCli(server, ['put-profile', '--name', 'sn', '--type', 'servicenow', '--instance-url', servicenow.url, '--username', servicenow.username, '--password', servicenow.password]);
      await connectorsCli(server, ['put-profile', '--name', 'mk', '--type', 'marketo', '--instance-url', marketo.url, '--client-id', marketo.clientId, '--client-secret', marketo.clientSecret]);
    });
    after(async () => {
      client?.destroy();
      await Promise.all([zendesk?.stop(), servicenow?.stop(), marketo?.stop()]);
      await server?.stop();
    });

    const runWorkflow = async (definition: FlowDefinition, template: string, expected: number) => {
      const domain = await newDomain(client, 'src');
      const created = await client.send(
        new CreateIntegrationWorkflowCommand({
          DomainName: domain,
          WorkflowType: 'APPFLOW_INTEGRATION',
          ObjectTypeName: template,
          RoleArn: ROLE_ARN,
          IntegrationConfig: { AppflowIntegration: { FlowDefinition: definition, Batches: [BATCH] } },
        }),
      );
      const items = await waitForSteps(client, domain, created.WorkflowId!, (all) => all.length === 2 && allFinished(all));
      assert.deepEqual(items.map((item) => item.Status), ['COMPLETE', 'COMPLETE'], JSON.stringify(items));
      assert.equal(items[0]!.RecordsProcessed, expected);
      assert.equal(items[0]!.BatchRecordsStartTime, BATCH.StartTime.toISOString());
      const workflow = await waitForWorkflow(client, domain, created.WorkflowId!, 'COMPLETE');
      assert.equal(workflow.Metrics?.AppflowIntegration?.RecordsProcessed, expected);
      return domain;
    };
    const byEmail = async (domain: string, email: string) =>
      (await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [email] }))).Items ?? [];

    test('Zendesk users through Zendesk-users, paged by cursor', async () => {
      const domain = await runWorkflow(flow('Zendesk', 'zd', 'users', ['id', 'name', 'email', 'external_id', 'updated_at']), 'Zendesk-users', 3);
      for (const email of ['ada@example.com', 'charles@example.com', 'mary@example.com']) assert.equal((await byEmail(domain, email)).length, 1, email);
      const [ada] = await byEmail(domain, 'ada@example.com');
      assert.equal(ada?.Attributes?.['ZendeskUserId'], '361');
    });

    test('ServiceNow sys_user through ServiceNow-sys_user', async () => {
      const domain = await runWorkflow(flow('Servicenow', 'sn', 'sys_user', ['sys_id', 'first_name', 'last_name', 'email', 'sys_updated_on']), 'ServiceNow-sys_user', 2);
      const [grace] = await byEmail(domain, 'grace@example.com');
      assert.equal(grace?.LastName, 'Hopper');
      assert.equal((await byEmail(domain, 'alan@example.com'))[0]?.FirstName, 'Alan');
    });

    test('Marketo leads through Marketo-leads', async () => {
      const domain = await runWorkflow(flow('Marketo', 'mk', 'leads', ['id', 'email', 'firstName', 'lastName']), 'Marketo-leads', 2);
      const [linus] = await byEmail(domain, 'linus@example.com');
      assert.equal(linus?.FirstName, 'Linus');
      assert.equal(linus?.Attributes?.['MarketoLeadId'], '318581');
      assert.equal((await byEmail(domain, 'ken@example.com')).length, 1);
    });
  });
}
