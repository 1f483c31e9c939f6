// Runs an integration workflow (spec §3.12) as one durable job: each step pulls pages from its connector,
// applies the FlowDefinition's Tasks, and ingests the records through the same path as PutProfileObject.
// Each page is ingested in ONE transaction with its checkpoint (the connector's next cursor, fenced by the
// step's page count), so a worker killed at any point resumes after its last committed page: no record is
// ingested twice, none is skipped. Transient connector errors are retried with backoff (honouring
// retryAfterMs); a permanent one fails the step and the workflow with a message the operator can act on.
import type { Logger } from 'pino';
import type { Scope, Store } from '../../storage/ports.js';
import type { WorkflowRecord, WorkflowStatus, WorkflowStepRecord } from '../../storage/workflow-ports.js';
import type { Clock } from '../../domain/clock.js';
import type { IngestionService } from '../../domain/ingestion/ingestion-service.js';
import type { ConnectorProfiles } from '../../domain/workflows/connector-profiles.js';
import type { FlowDefinition } from '../../generated/shapes.js';
import { ServiceException } from '../../generated/errors.js';
import { ConnectorError, type Connector, type PullPage, type PullRequest } from '../../connectors/connector.js';
import { connectorFactories } from '../../connectors/index.js';
import { s3Connector } from '../../connectors/s3.js';
import type { S3AccessResolver } from '../../domain/outbound/s3-access.js';
import { applyTasks, FlowTerminated, projectedFields } from '../../domain/workflows/flow-tasks.js';
import { configFromJson, sourceObject } from '../../domain/workflows/workflow-config.js';
import { INTEGRATION_WORKFLOW_JOB, nextStep, runFlowName } from '../../domain/workflows/workflow-steps.js';
import type { JobHandler } from '../runner.js';

export { INTEGRATION_WORKFLOW_JOB };

const TERMINAL: ReadonlySet<WorkflowStatus> = new Set(['COMPLETE', 'FAILED', 'CANCELLED']);
const MESSAGE_LIMIT = 255;

export interface WorkflowRuntimeOptions {
  /** Tries of one page before a transient error fails the step. */
  readonly attempts?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  readonly log?: Logger;
}

export interface WorkflowRuntimeDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ingestion: IngestionService;
  readonly connectorProfiles: ConnectorProfiles;
  readonly s3Access: S3AccessResolver;
}

/** The step's page was committed by someone else, or the workflow is gone: this run stops. */
class Stopped extends Error {}

/** Fails the step and the workflow with an operator-facing message. */
class StepFailed extends Error {}

const clip = (text: string) => (text.length > MESSAGE_LIMIT ? text.slice(0, MESSAGE_LIMIT - 1) + '…' : text);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function integrationWorkflowHandler(deps: WorkflowRuntimeDeps, options: WorkflowRuntimeOptions = {}): JobHandler {
  const attempts = options.attempts ?? 5;
  const backoffBaseMs = options.backoffBaseMs ?? 1_000;
  const backoffMaxMs = options.backoffMaxMs ?? 20_000;
  const { store, clock } = deps;

  return async (context) => {
    const { domainName, workflowId } = context.job.payload as { domainName: string; workflowId: string };
    const scope = context.scope;
    const initial = await store.workflows.get(scope, domainName, workflowId);
    if (!initial || TERMINAL.has(initial.status)) return;
    const flow = configFromJson(initial.config).appflow.FlowDefinition;
    const objectTypeName = initial.objectTypeName;

    const updateWorkflow = (change: (current: WorkflowRecord) => Partial<WorkflowRecord>) =>
      store.transaction(async (repos) => {
        const current = await repos.workflows.get(scope, domainName, workflowId);
        if (!current) throw new Stopped();
        await repos.workflows.put(scope, { ...current, ...change(current), lastUpdatedAt: clock() });
      });

    const renew = async () => {
      if (!(await context.renew())) throw new Stopped();
    };

    try {
      if (initial.status === 'NOT_STARTED') await updateWorkflow(() => ({ status: 'IN_PROGRESS', startDate: clock() }));
      let connector: Connector | undefined;
      for (;;) {
        await renew();
        const steps = await allSteps(store, scope, domainName, workflowId);
        let step = steps.find((candidate) => candidate.status !== 'COMPLETE' && candidate.status !== 'FAILED');
        if (!step) {
          const workflow = await store.workflows.get(scope, domainName, workflowId);
          if (!workflow) return;
          const plan = nextStep(workflow, flow, steps, clock());
          if (plan.kind === 'done') {
            await updateWorkflow(() => ({ status: 'COMPLETE' }));
            await revealIntegration(store, scope, domainName, workflow.integrationUri, clock());
            return;
          }
          if (plan.kind === 'wait') return { rerunAt: plan.until };
          step = await startRun(store, scope, workflow, flow, steps.length + 1, steps.filter((done) => done.kind === 'run').length + 1, plan, clock());
        }
        try {
          connector ??= await openConnector(deps, scope, flow);
        } catch (error) {
          if (error instanceof StepFailed) await store.workflows.putStep(scope, domainName, { ...step, status: 'FAILED', executionMessage: clip(error.message), lastUpdatedAt: clock() });
          throw error;
        }
        await runStep(step, connector);
      }
    } catch (error) {
      if (error instanceof Stopped) return;
      if (error instanceof StepFailed) {
        await updateWorkflow(() => ({ status: 'FAILED', errorDescription: clip(error.message) })).catch(() => undefined);
        return;
      }
      throw error;
    }

    async function runStep(initialStep: WorkflowStepRecord, connector: Connector): Promise<void> {
      let step = initialStep;
      const source = sourceObject(flow)!;
      const pullProperties = {
        ...source.properties,
        Fields: projectedFields(flow.Tasks) ?? [...new Set(flow.Tasks.flatMap((task) => task.SourceFields))].filter(Boolean),
        ...(flow.SourceFlowConfig.IncrementalPullConfig?.DatetimeTypeFieldName ? { DatetimeTypeFieldName: flow.SourceFlowConfig.IncrementalPullConfig.DatetimeTypeFieldName } : {}),
      };
      const putStep = async (status: WorkflowStatus, executionMessage: string) => {
        step = { ...step, status, executionMessage: clip(executionMessage), lastUpdatedAt: clock() };
        await store.workflows.putStep(scope, domainName, step);
      };
      const fail = async (message: string): Promise<never> => {
        await putStep('FAILED', message);
        throw new StepFailed(message);
      };
      if (step.status === 'NOT_STARTED') await putStep('IN_PROGRESS', 'Running');
      for (;;) {
        await renew();
        const request: PullRequest = { object: source.object, properties: pullProperties, window: { from: step.windowStart, to: step.windowEnd }, cursor: step.cursor };
        let page: PullPage;
        try {
          page = await pullWithRetry(connector, request, putStep);
        } catch (error) {
          if (error instanceof Stopped) throw error;
          const why = error instanceof Error ? error.message : String(error);
          return fail(`${flow.SourceFlowConfig.ConnectorType} ${source.object}: ${why}`);
        }
        const texts: string[] = [];
        const dropped: string[] = [];
        try {
          for (const record of page.records) {
            const outcome = applyTasks(flow.Tasks, record);
            if (outcome.kind === 'keep') texts.push(JSON.stringify(outcome.record));
            else dropped.push(outcome.reason);
          }
        } catch (error) {
          if (error instanceof FlowTerminated) return fail(error.message);
          throw error;
        }
        const last = page.cursor === undefined;
        const watermark = page.watermark && (!step.watermark || page.watermark > step.watermark) ? page.watermark : step.watermark;
        let ingested = 0;
        try {
          await deps.ingestion.putObjects(scope, domainName, objectTypeName, texts, async (repos, outcomes) => {
            ingested = outcomes.filter((outcome) => outcome.ok).length;
            const rejected = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error.message]));
            const total = step.recordsProcessed + ingested;
            const notes = [
              rejected.length > 0 ? `${rejected.length} rejected in the last page (${rejected[0]})` : '',
              dropped.length > 0 ? `${dropped.length} dropped by the flow's tasks in the last page` : '',
            ].filter(Boolean);
            const message = `${last ? 'Completed' : 'Running'}: ${total} records ingested` + (notes.length > 0 ? `; ${notes.join('; ')}` : '');
            const moved = await repos.workflows.commitPage(scope, domainName, workflowId, step.stepNo, step.pagesDone, {
              cursor: page.cursor, records: ingested, watermark, status: last ? 'COMPLETE' : 'IN_PROGRESS', executionMessage: clip(message), at: clock(),
            });
            if (!moved) throw new Stopped();
            for (const reason of rejected) options.log?.warn({ workflowId, step: step.stepNo, reason }, 'workflow record rejected');
          });
        } catch (error) {
          if (error instanceof Stopped) throw error;
          if (error instanceof ServiceException) return fail(`Ingestion into ${objectTypeName} failed: ${error.message}`);
          throw error;
        }
        step = { ...step, cursor: page.cursor, pagesDone: step.pagesDone + 1, recordsProcessed: step.recordsProcessed + ingested, watermark, status: last ? 'COMPLETE' : 'IN_PROGRESS' };
        if (last) return;
      }
    }

    async function pullWithRetry(connector: Connector, request: PullRequest, putStep: (status: WorkflowStatus, message: string) => Promise<void>): Promise<PullPage> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await connector.pull(request);
        } catch (error) {
          // Anything but a ConnectorError (a network failure the connector did not classify) is retried too.
          const transient = !(error instanceof ConnectorError) || error.transient;
          if (!transient || attempt >= attempts) {
            if (attempt > 1 && error instanceof Error) error.message = `${error.message} (after ${attempt} attempts)`;
            throw error;
          }
          const delay = Math.min(error instanceof ConnectorError && error.retryAfterMs !== undefined ? error.retryAfterMs : backoffBaseMs * 2 ** (attempt - 1), backoffMaxMs);
          const why = error instanceof Error ? error.message : String(error);
          await putStep('RETRY', `Retrying in ${Math.round(delay / 1000)} s after a transient error (attempt ${attempt} of ${attempts}): ${why}`);
          await sleep(delay);
          await renew();
        }
      }
    }
  };
}

async function allSteps(store: Store, scope: Scope, domainName: string, workflowId: string): Promise<WorkflowStepRecord[]> {
  const steps: WorkflowStepRecord[] = [];
  let after: string | undefined;
  do {
    const page = await store.workflows.steps(scope, domainName, workflowId, { after, limit: 500 });
    steps.push(...page.items);
    after = page.nextAfter;
  } while (after !== undefined);
  return steps;
}

async function startRun(
  store: Store, scope: Scope, workflow: WorkflowRecord, flow: FlowDefinition, stepNo: number, runNo: number,
  plan: { windowStart?: Date; windowEnd?: Date }, now: Date,
): Promise<WorkflowStepRecord> {
  const step: WorkflowStepRecord = {
    workflowId: workflow.workflowId,
    stepNo,
    kind: 'run',
    flowName: runFlowName(flow.FlowName, runNo),
    status: 'IN_PROGRESS',
    executionMessage: 'Running',
    recordsProcessed: 0,
    windowStart: plan.windowStart,
    windowEnd: plan.windowEnd,
    pagesDone: 0,
    createdAt: now,
    lastUpdatedAt: now,
  };
  await store.transaction(async (repos) => {
    const current = await repos.workflows.get(scope, workflow.domainName, workflow.workflowId);
    if (!current) throw new Stopped();
    await repos.workflows.putStep(scope, workflow.domainName, step);
    // Scheduled runs are counted as they start; the one OnDemand/Event run was counted at creation.
    if (flow.TriggerConfig.TriggerType === 'Scheduled') await repos.workflows.put(scope, { ...current, totalSteps: current.totalSteps + 1, lastUpdatedAt: now });
    const integration = await repos.integrations.get(scope, workflow.domainName, workflow.integrationUri);
    if (integration?.hidden) await repos.integrations.put(scope, { ...integration, hidden: false, lastUpdatedAt: now });
  });
  return step;
}

async function revealIntegration(store: Store, scope: Scope, domainName: string, uri: string, now: Date): Promise<void> {
  const integration = await store.integrations.get(scope, domainName, uri);
  if (integration?.hidden) await store.integrations.put(scope, { ...integration, hidden: false, lastUpdatedAt: now });
}

async function openConnector(deps: WorkflowRuntimeDeps, scope: Scope, flow: FlowDefinition): Promise<Connector> {
  const source = flow.SourceFlowConfig;
  if (source.ConnectorType === 'S3') {
    // The account's credentials for the bucket as they are now: none (deleted since) fails the step, never falls back.
    try {
      return s3Connector(await deps.s3Access.resolve(scope, sourceObject(flow)!.object, source.ConnectorProfileName));
    } catch (error) {
      if (error instanceof ServiceException) throw new StepFailed(error.message);
      throw error;
    }
  }
  const factory = connectorFactories[source.ConnectorType];
  if (!factory) throw new StepFailed(`Connector type ${source.ConnectorType} is not available on this server`);
  const name = source.ConnectorProfileName;
  const profile = name ? await deps.connectorProfiles.open(scope, name) : undefined;
  if (!profile) throw new StepFailed(`Connector profile ${name} does not exist; create it with openprofiles connectors put-profile --name ${name}`);
  return factory(profile);
}

