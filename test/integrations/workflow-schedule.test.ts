// Scheduled workflows with an injected clock, in-process on both backends, against the Salesforce contract
// server: the first run at ScheduleStartTime reads from FirstExecutionFrom, each later run at the next firing
// of rate(1 hours) reads from where the previous one ended, nothing runs between firings, and the workflow
// completes once the next firing is after ScheduleEndTime.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppflowIntegration } from '../../src/generated/shapes.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessContainer } from '../support/in-process.js';
import { sfTime, startSalesforceContract, type SalesforceContract } from '../support/contract/salesforce.js';
import { KMS_ARN, ROLE_ARN } from '../support/workflows.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const scope = { accountId: '000000000000', region: 'us-east-1' };

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`scheduled workflows on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    const t0 = Date.UTC(2026, 5, 1, 12);
    let now = t0 - 10 * MINUTE;
    const container = useInProcessContainer(backend, () => new Date(now));
    let sf: SalesforceContract;
    before(async () => {
      sf = await startSalesforceContract({ pageSize: 2 });
    });
    after(async () => sf?.stop());

    test('incremental runs on rate(1 hours) between ScheduleStartTime and ScheduleEndTime', async () => {
      const { domains, objectTypes, connectorProfiles, workflows, profileSearch } = container().services;
      await domains.create(scope, { name: 'sched', defaultExpirationDays: 365 });
      await objectTypes.put(scope, 'sched', {
        name: 'Customer',
        description: 'customers',
        allowProfileCreation: true,
        fields: { id: { source: '_source.id', contentType: 'STRING' }, email: { source: '_source.email', target: '_profile.EmailAddress', contentType: 'EMAIL_ADDRESS' } },
        keys: { customerId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }] },
      });
      await connectorProfiles.put(scope, { name: 'sf', type: 'Salesforce', instanceUrl: sf.instanceUrl, credentials: { token: sf.token } });
      const contact = (n: number, at: number) => ({ Id: `003S${n}`, Email: `s${n}@example.com`, SystemModstamp: sfTime(new Date(at)) });
      sf.put('Contact', [contact(0, t0 - 48 * HOUR), contact(1, t0 - 2 * HOUR), contact(2, t0 - HOUR)]);
      const appflow: AppflowIntegration = {
        FlowDefinition: {
          FlowName: 'scheduled',
          KmsArn: KMS_ARN,
          SourceFlowConfig: { ConnectorType: 'Salesforce', ConnectorProfileName: 'sf', SourceConnectorProperties: { Salesforce: { Object: 'Contact' } } },
          Tasks: [
            { TaskType: 'Map', SourceFields: ['Id'], DestinationField: 'id', ConnectorOperator: { Salesforce: 'NO_OP' } },
            { TaskType: 'Map', SourceFields: ['Email'], DestinationField: 'email', ConnectorOperator: { Salesforce: 'NO_OP' } },
          ],
          TriggerConfig: {
            TriggerType: 'Scheduled',
            TriggerProperties: {
              Scheduled: {
                ScheduleExpression: 'rate(1hours)',
                DataPullMode: 'Incremental',
                ScheduleStartTime: new Date(t0),
                ScheduleEndTime: new Date(t0 + 150 * MINUTE),
                FirstExecutionFrom: new Date(t0 - 24 * HOUR),
              },
            },
          },
        },
      };
      const { workflowId } = await workflows.create(scope, 'sched', { workflowType: 'APPFLOW_INTEGRATION', appflow, objectTypeName: 'Customer', roleArn: ROLE_ARN });
      const stepsNow = async () => (await workflows.steps(scope, 'sched', workflowId, 100)).items;
      const found = async (n: number) => (await profileSearch.search(scope, 'sched', { keys: [{ keyName: '_email', values: [`s${n}@example.com`] }], mode: 'OR', maxResults: 10 })).items.length;
      const run = () => container().jobs.runOnce();

      await run();
      assert.equal((await stepsNow()).length, 0, 'nothing before ScheduleStartTime');
      assert.equal((await workflows.get(scope, 'sched', workflowId)).status, 'IN_PROGRESS');

      now = t0 + MINUTE;
      await run();
      let steps = await stepsNow();
      assert.equal(steps.length, 1);
      assert.equal(steps[0]!.status, 'COMPLETE');
      assert.equal(steps[0]!.windowStart?.getTime(), t0 - 24 * HOUR, 'the first run reads from FirstExecutionFrom');
      assert.equal(steps[0]!.recordsProcessed, 2);
      assert.equal(await found(0), 0, 'older than FirstExecutionFrom');
      assert.equal(await found(1), 1);

      sf.put('Contact', [contact(3, t0 + 20 * MINUTE)]);
      now = t0 + 30 * MINUTE;
      assert.equal(await run(), 0, 'not due between firings');

      now = t0 + HOUR + 5 * MINUTE;
      await run();
      steps = await stepsNow();
      assert.equal(steps.length, 2);
      assert.equal(steps[1]!.windowStart?.getTime(), t0 + MINUTE, 'the next run starts where the previous ended');
      assert.equal(steps[1]!.recordsProcessed, 1);
      assert.equal(await found(3), 1);

      sf.put('Contact', [contact(4, t0 + HOUR + 30 * MINUTE)]);
      now = t0 + 2 * HOUR + 1 * MINUTE;
      await run();
      steps = await stepsNow();
      assert.deepEqual(steps.map((step) => step.recordsProcessed), [2, 1, 1]);
      assert.deepEqual(steps.map((step) => step.flowName), ['scheduled-run-1', 'scheduled-run-2', 'scheduled-run-3']);
      const workflow = await workflows.get(scope, 'sched', workflowId);
      assert.equal(workflow.status, 'COMPLETE', 'the next firing is after ScheduleEndTime');
      assert.deepEqual([workflow.recordsProcessed, workflow.stepsCompleted, workflow.totalSteps], [4, 3, 3]);
    });
  });
}
