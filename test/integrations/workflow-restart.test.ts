// A server killed (SIGKILL) in the middle of a workflow, restarted on the same data, on both backends:
// the workflow goes on from its last committed page (the same Salesforce query, through its
// nextRecordsUrl), so every record is ingested exactly once and none is skipped.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateIntegrationWorkflowCommand,
  GetWorkflowCommand,
  ListProfileObjectsCommand,
  SearchProfilesCommand,
} from '@aws-sdk/client-customer-profiles';
import { startServer, type RunningServer } from '../support/server.js';
import { createTempDatabase, postgresSkipReason, type TempDatabase } from '../support/postgres.js';
import { newDomain } from '../support/profiles.js';
import { putType } from '../support/objects.js';
import { sfTime, startSalesforceContract } from '../support/contract/salesforce.js';
import { allFinished, connectorsCli, CUSTOMER_TYPE, KMS_ARN, ROLE_ARN, waitForSteps } from '../support/workflows.js';

const RECORDS = 60;
const PAGE = 3;

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`a workflow across a killed server on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'op-restart-'));
    let database: TempDatabase | undefined;
    let server: RunningServer | undefined;
    after(async () => {
      await server?.stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('resumes from the last committed page: each record ingested once, none skipped', async () => {
      if (backend === 'postgres') database = await createTempDatabase();
      const options = { dataDir, databaseUrl: database?.url, env: { OPENPROFILES_JOB_LEASE_SECONDS: '2' } };
      const sf = await startSalesforceContract({ pageSize: PAGE });
      try {
        const base = Date.now() - 3_600_000;
        sf.put('Kill__c', Array.from({ length: RECORDS }, (_, i) => ({
          Id: `003K${String(i).padStart(12, '0')}`, Email: `k${i}@example.com`, FirstName: `K${i}`, SystemModstamp: sfTime(new Date(base + i * 1000)),
        })));
        sf.setDelay(120);
        server = await startServer(options);
        await connectorsCli(server, ['put-profile', '--name', 'sf', '--type', 'salesforce', '--instance-url', sf.instanceUrl, '--token', sf.token]);
        let client = server.client();
        const domain = await newDomain(client, 'kill');
        await putType(client, domain, 'Customer', CUSTOMER_TYPE);
        const created = await client.send(new CreateIntegrationWorkflowCommand({
          DomainName: domain,
          WorkflowType: 'APPFLOW_INTEGRATION',
          ObjectTypeName: 'Customer',
          RoleArn: ROLE_ARN,
          IntegrationConfig: {
            AppflowIntegration: {
              FlowDefinition: {
                FlowName: `kill-flow-${process.pid}`,
                KmsArn: KMS_ARN,
                SourceFlowConfig: { ConnectorType: 'Salesforce', ConnectorProfileName: 'sf', SourceConnectorProperties: { Salesforce: { Object: 'Kill__c' } } },
                Tasks: [
                  { TaskType: 'Map', SourceFields: ['Id'], DestinationField: 'id', ConnectorOperator: { Salesforce: 'NO_OP' } },
                  { TaskType: 'Map', SourceFields: ['Email'], DestinationField: 'email', ConnectorOperator: { Salesforce: 'NO_OP' } },
                  { TaskType: 'Map', SourceFields: ['FirstName'], DestinationField: 'first', ConnectorOperator: { Salesforce: 'NO_OP' } },
                ],
                TriggerConfig: { TriggerType: 'OnDemand' },
              },
            },
          },
        }));
        const workflowId = created.WorkflowId!;
        const before = await waitForSteps(client, domain, workflowId, (items) => (items[0]?.RecordsProcessed ?? 0) >= 6 * PAGE);
        assert.ok(before[0]!.RecordsProcessed! < RECORDS, 'killed mid-step');
        client.destroy();
        await server.stop('SIGKILL');
        const servedBeforeKill = sf.pagesServed.length;

        server = await startServer(options);
        client = server.client();
        const items = await waitForSteps(client, domain, workflowId, allFinished, 60_000);
        assert.equal(items[0]!.Status, 'COMPLETE', items[0]!.ExecutionMessage);
        assert.equal(items[0]!.RecordsProcessed, RECORDS, 'every record counted once');
        const workflow = await client.send(new GetWorkflowCommand({ DomainName: domain, WorkflowId: workflowId }));
        assert.equal(workflow.Status, 'COMPLETE');
        assert.equal(workflow.Metrics?.AppflowIntegration?.RecordsProcessed, RECORDS);
        assert.equal(sf.queries.length, 1, 'the restarted server went on through nextRecordsUrl instead of querying again');
        const resumedAt = sf.pagesServed[servedBeforeKill]!;
        assert.ok(resumedAt >= before[0]!.RecordsProcessed!, `resumed at offset ${resumedAt}, not before a page seen committed (${before[0]!.RecordsProcessed})`);
        const afterRestart = sf.pagesServed.slice(servedBeforeKill);
        const expected = Array.from({ length: (RECORDS - resumedAt) / PAGE }, (_, i) => resumedAt + i * PAGE);
        assert.deepEqual(afterRestart, expected, 'after the restart every later page was pulled once, in order');
        const beforeKill = new Set(sf.pagesServed.slice(0, servedBeforeKill));
        for (let offset = PAGE; offset < resumedAt; offset += PAGE) assert.ok(beforeKill.has(offset), `page at ${offset} was pulled before the kill`);
        for (let i = 0; i < RECORDS; i++) {
          const found = (await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [`k${i}@example.com`] }))).Items ?? [];
          assert.equal(found.length, 1, `record ${i} has its profile`);
          const objects = await client.send(new ListProfileObjectsCommand({ DomainName: domain, ProfileId: found[0]!.ProfileId!, ObjectTypeName: 'Customer' }));
          assert.equal(objects.Items?.length, 1, `record ${i} is one object`);
        }
        client.destroy();
      } finally {
        await sf.stop();
      }
    });
  });
}
