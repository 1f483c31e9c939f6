// Conformance cases for workflows, their steps and connector profiles: newest-first lists with filters and
// paging, the page-count fence of commitPage (a stale commit changes nothing), cascading deletes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowRecord, WorkflowStepRecord } from '../../../src/storage/workflow-ports.js';
import { newScope } from './target.js';
import type { SuiteContext } from './target.js';

function workflow(id: string, at: number, extra: Partial<WorkflowRecord> = {}): WorkflowRecord {
  return {
    domainName: 'd1', workflowId: id, workflowType: 'APPFLOW_INTEGRATION', objectTypeName: 'T', status: 'IN_PROGRESS', config: { k: [1] },
    integrationUri: `arn:flow/${id}`, recordsProcessed: 0, stepsCompleted: 0, totalSteps: 1, createdAt: new Date(at), lastUpdatedAt: new Date(at), ...extra,
  };
}

function step(workflowId: string, stepNo: number, extra: Partial<WorkflowStepRecord> = {}): WorkflowStepRecord {
  return {
    workflowId, stepNo, kind: 'batch', flowName: `f-batch-${stepNo}`, status: 'NOT_STARTED', executionMessage: 'Waiting', recordsProcessed: 0,
    windowStart: new Date(1_000), windowEnd: new Date(2_000), pagesDone: 0, createdAt: new Date(10), lastUpdatedAt: new Date(10), ...extra,
  };
}

export function workflowCases(ctx: SuiteContext): void {
  describe('workflows', () => {
    it('puts and gets a workflow; lists newest first with filters and paging', async () => {
      const { workflows } = ctx.store();
      const scope = newScope();
      await workflows.put(scope, workflow('a', 1_000, { status: 'COMPLETE', startDate: new Date(1_500), errorDescription: undefined }));
      await workflows.put(scope, workflow('b', 2_000, { status: 'FAILED', errorDescription: 'boom' }));
      await workflows.put(scope, workflow('c', 2_000));
      await workflows.put(scope, { ...workflow('x', 5_000), domainName: 'd2' });
      assert.deepEqual(await workflows.get(scope, 'd1', 'a'), workflow('a', 1_000, { status: 'COMPLETE', startDate: new Date(1_500) }));
      assert.equal(await workflows.get(newScope(), 'd1', 'a'), undefined);
      const first = await workflows.list(scope, 'd1', {}, { limit: 2 });
      assert.deepEqual(first.items.map((item) => item.workflowId), ['c', 'b']);
      const second = await workflows.list(scope, 'd1', {}, { limit: 2, after: first.nextAfter });
      assert.deepEqual(second.items.map((item) => item.workflowId), ['a']);
      assert.equal(second.nextAfter, undefined);
      assert.deepEqual((await workflows.list(scope, 'd1', { status: 'FAILED' }, { limit: 10 })).items.map((item) => item.errorDescription), ['boom']);
      assert.deepEqual((await workflows.list(scope, 'd1', { createdFrom: new Date(1_001) }, { limit: 10 })).items.map((item) => item.workflowId), ['c', 'b']);
      assert.deepEqual((await workflows.list(scope, 'd1', { createdTo: new Date(1_000), workflowType: 'APPFLOW_INTEGRATION' }, { limit: 10 })).items.map((item) => item.workflowId), ['a']);
    });

    it('commits a page only at the page count it was read at, adding its records to the step and the workflow', async () => {
      const { workflows } = ctx.store();
      const scope = newScope();
      await workflows.put(scope, workflow('w', 1_000));
      await workflows.putStep(scope, 'd1', step('w', 1));
      await workflows.putStep(scope, 'd1', step('w', 2));
      const commit = { cursor: 'next-1', records: 3, watermark: new Date(1_700), status: 'IN_PROGRESS' as const, executionMessage: 'Running: 3', at: new Date(50) };
      assert.equal(await workflows.commitPage(scope, 'd1', 'w', 1, 0, commit), true);
      assert.equal(await workflows.commitPage(scope, 'd1', 'w', 1, 0, commit), false, 'the same page again is refused');
      assert.equal(await workflows.commitPage(scope, 'd1', 'w', 1, 1, { ...commit, cursor: undefined, records: 2, status: 'COMPLETE', executionMessage: 'Completed: 5' }), true);
      const [first, second] = (await workflows.steps(scope, 'd1', 'w', { limit: 10 })).items;
      assert.deepEqual(first, step('w', 1, { status: 'COMPLETE', executionMessage: 'Completed: 5', recordsProcessed: 5, pagesDone: 2, watermark: new Date(1_700), lastUpdatedAt: new Date(50) }));
      assert.equal(second?.stepNo, 2);
      const after = await workflows.get(scope, 'd1', 'w');
      assert.deepEqual([after?.recordsProcessed, after?.stepsCompleted, after?.lastUpdatedAt.getTime()], [5, 1, 50]);
      const paged = await workflows.steps(scope, 'd1', 'w', { limit: 1 });
      assert.equal(paged.nextAfter, '1');
      assert.deepEqual((await workflows.steps(scope, 'd1', 'w', { limit: 1, after: paged.nextAfter })).items.map((item) => item.stepNo), [2]);
      assert.equal(await workflows.delete(scope, 'd1', 'w'), true);
      assert.deepEqual((await workflows.steps(scope, 'd1', 'w', { limit: 10 })).items, []);
      assert.equal(await workflows.commitPage(scope, 'd1', 'w', 2, 0, commit), false, 'a deleted workflow takes no page');
    });

    it('keeps connector profiles per scope, by name, replacing them but their createdAt', async () => {
      const { connectorProfiles } = ctx.store();
      const scope = newScope();
      const profile = { name: 'sf', connectorType: 'Salesforce', instanceUrl: 'https://x', sealedCredentials: 'v1:a:b:c', createdAt: new Date(1), lastUpdatedAt: new Date(1) };
      await connectorProfiles.put(scope, profile);
      await connectorProfiles.put(scope, { ...profile, sealedCredentials: 'v1:d:e:f', createdAt: new Date(9), lastUpdatedAt: new Date(9), instanceUrl: undefined });
      await connectorProfiles.put(scope, { ...profile, name: 'a3' });
      assert.deepEqual(await connectorProfiles.get(scope, 'sf'), { name: 'sf', connectorType: 'Salesforce', sealedCredentials: 'v1:d:e:f', createdAt: new Date(1), lastUpdatedAt: new Date(9) });
      assert.deepEqual((await connectorProfiles.list(scope)).map((item) => item.name), ['a3', 'sf']);
      assert.equal(await connectorProfiles.get(newScope(), 'sf'), undefined);
      assert.equal(await connectorProfiles.delete(scope, 'sf'), true);
      assert.equal(await connectorProfiles.delete(scope, 'sf'), false);
      // An S3 profile's buckets come back as stored, and go when a replacement names none.
      const s3 = { name: 's3', connectorType: 'S3', sealedCredentials: 'v1:a:b:c', buckets: ['drops', 'exports.v2'], createdAt: new Date(1), lastUpdatedAt: new Date(1) };
      await connectorProfiles.put(scope, s3);
      assert.deepEqual(await connectorProfiles.get(scope, 's3'), s3);
      await connectorProfiles.put(scope, { ...s3, buckets: undefined });
      assert.equal((await connectorProfiles.get(scope, 's3'))?.buckets, undefined);
    });
  });
}
