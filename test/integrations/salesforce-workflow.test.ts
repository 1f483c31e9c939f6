// Integration workflows from Salesforce through the official SDK, on every backend, against a local server
// following the Salesforce query API contract: historical batches then an OnDemand run, the SOQL windows
// and paging, transient errors retried, a refused token failing the step with a message, ListWorkflows
// filters, DeleteWorkflow stopping a running workflow, and the validation of CreateIntegrationWorkflow.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateIntegrationWorkflowCommand,
  DeleteWorkflowCommand,
  GetWorkflowCommand,
  ListIntegrationsCommand,
  ListProfileObjectsCommand,
  ListWorkflowsCommand,
  SearchProfilesCommand,
  type CustomerProfilesClient,
  type FlowDefinition,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { newDomain } from '../support/profiles.js';
import { putType } from '../support/objects.js';
import { sfTime, startSalesforceContract, type SalesforceContract, type SObject } from '../support/contract/salesforce.js';
import { allFinished, connectorsCli, CUSTOMER_TYPE, KMS_ARN, ROLE_ARN, waitForSteps, waitForWorkflow } from '../support/workflows.js';

const HOUR = 3_600_000;
let flowCounter = 0;

function contact(n: number, modified: Date, prefix = 'c'): SObject {
  return { Id: `003${prefix}${String(n).padStart(12, '0')}`, Email: `${prefix}${n}@example.com`, FirstName: `First${n}`, Phone: '555-0100', SystemModstamp: sfTime(modified) };
}

export function salesforceFlow(profileName: string, object = 'Contact', trigger: FlowDefinition['TriggerConfig'] = { TriggerType: 'OnDemand' }, flowName = `sf-flow-${process.pid}-${++flowCounter}`): FlowDefinition {
  return {
    FlowName: flowName,
    KmsArn: KMS_ARN,
    SourceFlowConfig: {
      ConnectorType: 'Salesforce',
      ConnectorProfileName: profileName,
      IncrementalPullConfig: { DatetimeTypeFieldName: 'SystemModstamp' },
      SourceConnectorProperties: { Salesforce: { Object: object } },
    },
    Tasks: [
      { TaskType: 'Filter', SourceFields: ['Id', 'Email', 'FirstName', 'SystemModstamp'], ConnectorOperator: { Salesforce: 'PROJECTION' } },
      { TaskType: 'Map', SourceFields: ['Id'], DestinationField: 'id', ConnectorOperator: { Salesforce: 'NO_OP' }, TaskProperties: {} },
      { TaskType: 'Map', SourceFields: ['Email'], DestinationField: 'email', ConnectorOperator: { Salesforce: 'NO_OP' }, TaskProperties: {} },
      { TaskType: 'Map', SourceFields: ['FirstName'], DestinationField: 'first', ConnectorOperator: { Salesforce: 'NO_OP' }, TaskProperties: {} },
    ],
    TriggerConfig: trigger,
  };
}


for (const backend of backends()) {
  describe(`Salesforce workflows on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    let sf: SalesforceContract;
    const create = (domain: string, flow: FlowDefinition, batches?: Array<{ StartTime: Date; EndTime: Date }>) =>
      client.send(new CreateIntegrationWorkflowCommand({
        DomainName: domain,
        WorkflowType: 'APPFLOW_INTEGRATION',
        ObjectTypeName: 'Customer',
        RoleArn: ROLE_ARN,
        IntegrationConfig: { AppflowIntegration: { FlowDefinition: flow, Batches: batches } },
        Tags: { team: 'crm' },
      }));
    const profileByEmail = async (domain: string, email: string) =>
      (await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [email] }))).Items ?? [];
    const objectsOf = async (domain: string, profileId: string) =>
      (await client.send(new ListProfileObjectsCommand({ DomainName: domain, ProfileId: profileId, ObjectTypeName: 'Customer' }))).Items ?? [];

    before(async () => {
      server = await backend.start();
      client = server.client();
      sf = await startSalesforceContract({ pageSize: 3 });
      await connectorsCli(server, ['put-profile', '--name', 'sf', '--type', 'salesforce', '--instance-url', sf.instanceUrl, '--token', sf.token]);
      await connectorsCli(server, ['put-profile', '--name', 'sf-expired', '--type', 'salesforce', '--instance-url', sf.instanceUrl, '--token', 'expired-token']);
    });
    after(async () => {
      client?.destroy();
      await sf?.stop();
      await server?.stop();
    });

    test('connector profiles are listed without their secrets', async () => {
      const lines = (await connectorsCli(server, ['list'])).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const profile = lines.find((line) => line['ConnectorProfileName'] === 'sf');
      assert.deepEqual(profile?.['Credentials'], ['token']);
      assert.equal(profile?.['ConnectorType'], 'Salesforce');
      assert.doesNotMatch(JSON.stringify(lines), new RegExp(sf.token));
    });

    test('historical batches then the OnDemand run: each window is one step, records land on profiles found by SearchProfiles', async () => {
      const domain = await newDomain(client, 'sfw');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      const jan = new Date('2024-01-01T00:00:00Z');
      const mar = new Date('2024-03-01T00:00:00Z');
      const jun = new Date('2024-06-01T00:00:00Z');
      const tag = domain.slice(-6);
      const records = [
        contact(1, new Date('2023-12-31T23:59:59Z'), tag), // before every window: never pulled
        ...[2, 3, 4, 5].map((n) => contact(n, new Date(jan.getTime() + n * HOUR), tag)),
        ...[6, 7, 8].map((n) => contact(n, new Date(mar.getTime() + n * HOUR), tag)),
        ...[9, 10].map((n) => contact(n, new Date(Date.now() - n * HOUR), tag)),
      ];
      sf.put('Contact', records);
      const created = await create(domain, salesforceFlow('sf'), [{ StartTime: jan, EndTime: mar }, { StartTime: mar, EndTime: jun }]);
      assert.match(created.WorkflowId!, /^[a-f0-9]{32}$/);
      assert.ok(created.Message);
      const items = await waitForSteps(client, domain, created.WorkflowId!, (all) => all.length === 3 && allFinished(all));
      assert.deepEqual(items.map((item) => item.Status), ['COMPLETE', 'COMPLETE', 'COMPLETE']);
      assert.deepEqual(items.map((item) => item.RecordsProcessed), [4, 3, 2]);
      assert.equal(items[0]!.BatchRecordsStartTime, jan.toISOString());
      assert.equal(items[0]!.BatchRecordsEndTime, mar.toISOString());
      assert.equal(items[2]!.BatchRecordsStartTime, jun.toISOString());
      assert.match(items[0]!.FlowName!, /-batch-1$/);
      assert.match(items[2]!.FlowName!, /-run-1$/);
      assert.ok(items.every((item) => item.ExecutionMessage && item.CreatedAt instanceof Date && item.LastUpdatedAt instanceof Date));
      assert.ok(sf.queries.some((q) => q.includes('SystemModstamp >= 2024-01-01T00:00:00Z AND SystemModstamp < 2024-03-01T00:00:00Z')), sf.queries.join('\n'));

      const workflow = await waitForWorkflow(client, domain, created.WorkflowId!, 'COMPLETE');
      assert.deepEqual(workflow.Metrics?.AppflowIntegration, { RecordsProcessed: 9, StepsCompleted: 3, TotalSteps: 3 });
      assert.deepEqual(workflow.Attributes?.AppflowIntegration, { SourceConnectorType: 'Salesforce', ConnectorProfileName: 'sf', RoleArn: ROLE_ARN });
      assert.ok(workflow.StartDate instanceof Date);

      for (const n of [2, 5, 6, 10]) {
        const found = await profileByEmail(domain, `${tag}${n}@example.com`);
        assert.equal(found.length, 1, `profile of contact ${n}`);
        assert.equal(found[0]!.FirstName, `First${n}`);
        const objects = await objectsOf(domain, found[0]!.ProfileId!);
        assert.equal(objects.length, 1);
        assert.deepEqual(JSON.parse(objects[0]!.Object!), { id: records[n - 1]!.Id, email: `${tag}${n}@example.com`, first: `First${n}` });
      }
      assert.equal((await profileByEmail(domain, `${tag}1@example.com`)).length, 0);

      const integrations = await client.send(new ListIntegrationsCommand({ DomainName: domain, IncludeHidden: true }));
      const owned = integrations.Items?.find((item) => item.WorkflowId === created.WorkflowId);
      assert.ok(owned, 'the workflow owns an integration');
      assert.equal(owned.ObjectTypeName, 'Customer');
      assert.deepEqual(owned.Tags, { team: 'crm' });
    });

    test('transient errors (503, REQUEST_LIMIT_EXCEEDED) are retried and the step completes', async () => {
      const domain = await newDomain(client, 'sfr');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      const tag = domain.slice(-6);
      const object = `Retry_${tag}__c`;
      sf.put(object, [1, 2, 3, 4].map((n) => contact(n, new Date(Date.now() - HOUR), tag)));
      const before = sf.requests();
      sf.failNext(1, { status: 503, errorCode: 'SERVER_UNAVAILABLE', message: 'Too many requests', retryAfterSeconds: 0 });
      sf.failNext(1, { status: 403, errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.', retryAfterSeconds: 0 });
      const created = await create(domain, salesforceFlow('sf', object));
      const items = await waitForSteps(client, domain, created.WorkflowId!, allFinished);
      assert.equal(items[0]!.Status, 'COMPLETE', items[0]!.ExecutionMessage);
      assert.equal(items[0]!.RecordsProcessed, 4);
      assert.ok(sf.requests() - before >= 4, 'two failures, then the pages');
      for (const n of [1, 2, 3, 4]) assert.equal((await profileByEmail(domain, `${tag}${n}@example.com`)).length, 1);
    });

    test('a transient error that outlasts the retries fails the step, saying how often it was tried', async () => {
      const domain = await newDomain(client, 'sfx');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      const object = `Down_${domain.slice(-6)}__c`;
      sf.put(object, [contact(1, new Date(Date.now() - HOUR), domain.slice(-6))]);
      sf.failNext(5, { status: 503, errorCode: 'SERVER_UNAVAILABLE', message: 'Too many requests', retryAfterSeconds: 0 });
      const created = await create(domain, salesforceFlow('sf', object));
      const items = await waitForSteps(client, domain, created.WorkflowId!, allFinished);
      assert.equal(items[0]!.Status, 'FAILED');
      assert.match(items[0]!.ExecutionMessage!, /SERVER_UNAVAILABLE.*after 5 attempts/);
    });

    test('a refused token fails the step and the workflow with a message the operator can act on', async () => {
      const domain = await newDomain(client, 'sfp');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      const created = await create(domain, salesforceFlow('sf-expired'));
      const items = await waitForSteps(client, domain, created.WorkflowId!, allFinished);
      assert.equal(items[0]!.Status, 'FAILED');
      assert.match(items[0]!.ExecutionMessage!, /INVALID_SESSION_ID/);
      assert.match(items[0]!.ExecutionMessage!, /connector profile/);
      const workflow = await waitForWorkflow(client, domain, created.WorkflowId!, 'FAILED');
      assert.match(workflow.ErrorDescription!, /INVALID_SESSION_ID/);
    });

    test('ListWorkflows filters by status, type and creation date, newest first, with paging', async () => {
      const domain = await newDomain(client, 'sfl');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      const failed = await create(domain, salesforceFlow('sf-expired'));
      await waitForWorkflow(client, domain, failed.WorkflowId!, 'FAILED');
      const ok = await create(domain, salesforceFlow('sf', 'Empty__c'));
      await waitForWorkflow(client, domain, ok.WorkflowId!, 'COMPLETE');
      const all = await client.send(new ListWorkflowsCommand({ DomainName: domain }));
      assert.deepEqual(all.Items?.map((item) => item.WorkflowId), [ok.WorkflowId, failed.WorkflowId]);
      assert.ok(all.Items?.every((item) => item.WorkflowType === 'APPFLOW_INTEGRATION' && item.StatusDescription && item.CreatedAt && item.LastUpdatedAt));
      const onlyFailed = await client.send(new ListWorkflowsCommand({ DomainName: domain, Status: 'FAILED' }));
      assert.deepEqual(onlyFailed.Items?.map((item) => item.WorkflowId), [failed.WorkflowId]);
      const typed = await client.send(new ListWorkflowsCommand({ DomainName: domain, WorkflowType: 'APPFLOW_INTEGRATION', Status: 'COMPLETE' }));
      assert.deepEqual(typed.Items?.map((item) => item.WorkflowId), [ok.WorkflowId]);
      const future = await client.send(new ListWorkflowsCommand({ DomainName: domain, QueryStartDate: new Date(Date.now() + HOUR) }));
      assert.deepEqual(future.Items, []);
      const past = await client.send(new ListWorkflowsCommand({ DomainName: domain, QueryEndDate: new Date(Date.now() - HOUR) }));
      assert.deepEqual(past.Items, []);
      const first = await client.send(new ListWorkflowsCommand({ DomainName: domain, MaxResults: 1 }));
      assert.equal(first.Items?.length, 1);
      assert.ok(first.NextToken);
      const second = await client.send(new ListWorkflowsCommand({ DomainName: domain, MaxResults: 1, NextToken: first.NextToken }));
      assert.deepEqual(second.Items?.map((item) => item.WorkflowId), [failed.WorkflowId]);
      assert.equal(second.NextToken, undefined);
    });

    test('DeleteWorkflow stops a running workflow; what it ingested stays', async () => {
      const domain = await newDomain(client, 'sfd');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      const tag = domain.slice(-6);
      const records = Array.from({ length: 30 }, (_, i) => contact(i + 1, new Date(Date.now() - HOUR + i * 1000), tag));
      const object = `Delete_${tag}__c`;
      sf.put(object, records);
      sf.setDelay(250);
      try {
        const created = await create(domain, salesforceFlow('sf', object));
        await waitForSteps(client, domain, created.WorkflowId!, (all) => (all[0]?.RecordsProcessed ?? 0) >= 3);
        await client.send(new DeleteWorkflowCommand({ DomainName: domain, WorkflowId: created.WorkflowId! }));
        await rejectsWith(client.send(new GetWorkflowCommand({ DomainName: domain, WorkflowId: created.WorkflowId! })), 'ResourceNotFoundException', 404);
        await new Promise((resolve) => setTimeout(resolve, 800));
        const settled = sf.requests();
        await new Promise((resolve) => setTimeout(resolve, 1_200));
        assert.equal(sf.requests(), settled, 'no more pulls after DeleteWorkflow');
        const kept = (await Promise.all(records.map((record) => profileByEmail(domain, String(record.Email))))).filter((found) => found.length === 1).length;
        assert.ok(kept >= 3 && kept < 30, `kept ${kept} profiles`);
        const integrations = await client.send(new ListIntegrationsCommand({ DomainName: domain, IncludeHidden: true }));
        assert.equal(integrations.Items?.length ?? 0, 0);
        const listed = await client.send(new ListWorkflowsCommand({ DomainName: domain }));
        assert.deepEqual(listed.Items, []);
      } finally {
        sf.setDelay(0);
      }
    });

    test('CreateIntegrationWorkflow refuses what cannot run, and GetWorkflow/DeleteWorkflow know unknown ids', async () => {
      const domain = await newDomain(client, 'sfv');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      await rejectsWith(create(domain, salesforceFlow('nobody')), 'BadRequestException', 400, /connector profile nobody does not exist/);
      await rejectsWith(create('no-such-domain', salesforceFlow('sf')), 'ResourceNotFoundException', 404);
      await rejectsWith(
        client.send(new CreateIntegrationWorkflowCommand({ DomainName: domain, WorkflowType: 'APPFLOW_INTEGRATION', ObjectTypeName: 'Missing', RoleArn: ROLE_ARN, IntegrationConfig: { AppflowIntegration: { FlowDefinition: salesforceFlow('sf') } } })),
        'BadRequestException', 400, /Missing/,
      );
      await rejectsWith(create(domain, salesforceFlow('sf', 'Contact', { TriggerType: 'Scheduled', TriggerProperties: { Scheduled: { ScheduleExpression: 'every now and then' } } })), 'BadRequestException', 400, /ScheduleExpression/);
      await rejectsWith(create(domain, salesforceFlow('sf'), [{ StartTime: new Date('2024-02-01T00:00:00Z'), EndTime: new Date('2024-01-01T00:00:00Z') }]), 'BadRequestException', 400, /Batches\[0\]/);
      const badTask = salesforceFlow('sf');
      badTask.Tasks!.push({ TaskType: 'Arithmetic', SourceFields: ['A'], ConnectorOperator: { Salesforce: 'ADDITION' } });
      await rejectsWith(create(domain, badTask), 'BadRequestException', 400, /Tasks\[4\]/);
      await rejectsWith(client.send(new CreateIntegrationWorkflowCommand({ DomainName: domain, WorkflowType: 'APPFLOW_INTEGRATION', ObjectTypeName: 'Customer', RoleArn: ROLE_ARN, IntegrationConfig: {} })), 'BadRequestException', 400, /AppflowIntegration/);
      const flow = salesforceFlow('sf-expired');
      await create(domain, flow);
      await rejectsWith(create(domain, flow), 'BadRequestException', 400, /already belongs/);
      await rejectsWith(client.send(new GetWorkflowCommand({ DomainName: domain, WorkflowId: 'f'.repeat(32) })), 'ResourceNotFoundException', 404);
      await rejectsWith(client.send(new DeleteWorkflowCommand({ DomainName: domain, WorkflowId: 'no-such-workflow' })), 'ResourceNotFoundException', 404);
      assert.equal((await client.send(new ListWorkflowsCommand({ DomainName: domain }))).Items?.length, 1, 'refused requests created nothing');
    });
  });
}

