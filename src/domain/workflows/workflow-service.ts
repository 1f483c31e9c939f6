// Integration workflows (spec §3.12): CreateIntegrationWorkflow checks the flow, records the workflow with
// one step per historical batch, creates the integration it owns (hidden, carrying its WorkflowId) and
// enqueues the durable job that runs it, all in one transaction. Reads, lists and deletes.
import { randomUUID } from 'node:crypto';
import type { AppflowIntegration, TriggerConfig } from '../../generated/shapes.js';
import type { JsonValue, Scope, Store, Tags } from '../../storage/ports.js';
import { toJson } from '../../shapes/json.js';
import type { WorkflowFilter, WorkflowRecord, WorkflowStepRecord } from '../../storage/workflow-ports.js';
import type { Clock } from '../clock.js';
import { connectorAvailable } from '../../connectors/index.js';
import { integrationArn } from '../arn.js';
import { domainNotFound, integrationObjectTypeMissing, integrationUriInUse, tooManyTags, workflowInvalid, workflowNotFound } from '../errors.js';
import { MAX_TAGS_PER_RESOURCE } from '../domains/domain-service.js';
import { definitionToJson } from '../integrations/integration.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';
import { TEMPLATES } from '../templates/index.js';
import { enqueueJob } from '../../jobs/runner.js';
import type { S3AccessResolver } from '../outbound/s3-access.js';
import { checkTasks } from './flow-tasks.js';
import { parseSchedule } from './schedule.js';
import { configToJson, sourceObject } from './workflow-config.js';
import { batchFlowName, INTEGRATION_WORKFLOW_JOB } from './workflow-steps.js';

const MAX_URI_LENGTH = 255;

export interface CreateWorkflowInput {
  readonly workflowType: string;
  readonly appflow?: AppflowIntegration;
  readonly objectTypeName: string;
  readonly roleArn: string;
  readonly tags?: Tags;
}

export interface Paged<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

function checkTrigger(trigger: TriggerConfig, now: Date): void {
  if (trigger.TriggerType !== 'Scheduled') return;
  const scheduled = trigger.TriggerProperties?.Scheduled;
  if (!scheduled) throw workflowInvalid('a Scheduled trigger needs TriggerProperties.Scheduled');
  if (!parseSchedule(scheduled.ScheduleExpression, scheduled.ScheduleStartTime ?? now)) {
    throw workflowInvalid(`ScheduleExpression ${scheduled.ScheduleExpression} is neither rate(N minutes|hours|days) nor cron(minute hour day-of-month month day-of-week year)`);
  }
  if (scheduled.ScheduleStartTime && scheduled.ScheduleEndTime && scheduled.ScheduleEndTime <= scheduled.ScheduleStartTime) {
    throw workflowInvalid('ScheduleEndTime must be after ScheduleStartTime');
  }
}

export class WorkflowService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly s3Access: S3AccessResolver,
  ) {}

  async create(scope: Scope, domainName: string, input: CreateWorkflowInput): Promise<{ workflowId: string; message: string }> {
    const appflow = input.appflow;
    if (!appflow) throw workflowInvalid('IntegrationConfig.AppflowIntegration is required for WorkflowType APPFLOW_INTEGRATION');
    const flow = appflow.FlowDefinition;
    const source = flow.SourceFlowConfig;
    const connectorType = source.ConnectorType;
    if (!sourceObject(flow)) throw workflowInvalid(`SourceConnectorProperties needs the ${connectorType} member with its ${connectorType === 'S3' ? 'BucketName' : 'Object'}`);
    if (!connectorAvailable(connectorType)) throw workflowInvalid(`connector type ${connectorType} is not available on this server`);
    const batches = appflow.Batches ?? [];
    batches.forEach((batch, index) => {
      if (!(batch.StartTime < batch.EndTime)) throw workflowInvalid(`Batches[${index}] StartTime must be before its EndTime`);
    });
    const now = this.clock();
    checkTrigger(flow.TriggerConfig, now);
    checkTasks(flow.Tasks);
    const profileName = source.ConnectorProfileName;
    if (connectorType !== 'S3' && !profileName) throw workflowInvalid(`a ${connectorType} source needs a ConnectorProfileName (openprofiles connectors put-profile)`);
    const uri = `arn:aws:appflow:${scope.region}:${scope.accountId}:flow/${flow.FlowName}`;
    if (uri.length > MAX_URI_LENGTH) throw workflowInvalid(`the integration Uri made from FlowName, ${uri}, is longer than 255 characters`);
    // An S3 source reads with the account's own credentials for the bucket, never the server's unless granted
    // (resolved outside the transaction, which may use only its own repositories; an unknown domain stays a 404).
    if (connectorType === 'S3') {
      if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
      await this.s3Access.resolve(scope, sourceObject(flow)!.object, profileName);
    }

    const workflowId = randomUUID().replaceAll('-', '');
    const tags = input.tags ?? {};
    if (Object.keys(tags).length > MAX_TAGS_PER_RESOURCE) throw tooManyTags(MAX_TAGS_PER_RESOURCE);
    const runsAfterBatches = flow.TriggerConfig.TriggerType === 'Scheduled' ? 0 : 1;
    await this.store.transaction(async (repos) => {
      if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
      if (!TEMPLATES.has(input.objectTypeName) && !(await repos.objectTypes.get(scope, domainName, input.objectTypeName))) {
        throw integrationObjectTypeMissing(domainName, input.objectTypeName);
      }
      if (profileName) {
        const profile = await repos.connectorProfiles.get(scope, profileName);
        if (!profile) throw workflowInvalid(`connector profile ${profileName} does not exist (openprofiles connectors put-profile --name ${profileName} …)`);
        if (profile.connectorType !== connectorType) throw workflowInvalid(`connector profile ${profileName} is for ${profile.connectorType}, not ${connectorType}`);
      }
      const claim = (await repos.integrations.listByUri(scope, uri, { includeHidden: true }, { limit: 1 })).items[0];
      if (claim) throw integrationUriInUse(uri, claim.domainName);
      await repos.integrations.put(scope, {
        domainName,
        uri,
        definition: definitionToJson({ objectTypeName: input.objectTypeName, flowDefinition: toJson(flow, 'FlowDefinition') as JsonValue, roleArn: input.roleArn, workflowId }),
        hidden: true,
        createdAt: now,
        lastUpdatedAt: now,
      });
      if (Object.keys(tags).length > 0) await repos.tags.put(scope, integrationArn(scope, domainName, uri), tags);
      await repos.workflows.put(scope, {
        domainName,
        workflowId,
        workflowType: input.workflowType,
        objectTypeName: input.objectTypeName,
        status: 'NOT_STARTED',
        config: configToJson({ appflow, roleArn: input.roleArn }),
        integrationUri: uri,
        recordsProcessed: 0,
        stepsCompleted: 0,
        totalSteps: batches.length + runsAfterBatches,
        createdAt: now,
        lastUpdatedAt: now,
      });
      for (const [index, batch] of batches.entries()) {
        await repos.workflows.putStep(scope, domainName, {
          workflowId,
          stepNo: index + 1,
          kind: 'batch',
          flowName: batchFlowName(flow.FlowName, index + 1),
          status: 'NOT_STARTED',
          executionMessage: 'Waiting to start',
          recordsProcessed: 0,
          windowStart: batch.StartTime,
          windowEnd: batch.EndTime,
          pagesDone: 0,
          createdAt: now,
          lastUpdatedAt: now,
        });
      }
      await enqueueJob(repos.jobs, scope, { kind: INTEGRATION_WORKFLOW_JOB, payload: { domainName, workflowId }, runAt: now, dedupeKey: `${domainName}/${workflowId}`, now });
    });
    const message = `Workflow started: ${batches.length} historical batch${batches.length === 1 ? '' : 'es'}, then ${flow.TriggerConfig.TriggerType} pulls into ${input.objectTypeName}`;
    return { workflowId, message: message.length > 255 ? message.slice(0, 254) + '…' : message };
  }

  async get(scope: Scope, domainName: string, workflowId: string): Promise<WorkflowRecord> {
    await this.requireDomain(scope, domainName);
    const workflow = await this.store.workflows.get(scope, domainName, workflowId);
    if (!workflow) throw workflowNotFound(domainName, workflowId);
    return workflow;
  }

  async steps(scope: Scope, domainName: string, workflowId: string, maxResults: number, nextToken?: string): Promise<{ workflow: WorkflowRecord } & Paged<WorkflowStepRecord>> {
    const list = `workflow-steps:${domainName}/${workflowId}`;
    const after = decodeNextToken(list, scope, nextToken);
    const workflow = await this.get(scope, domainName, workflowId);
    const page = await this.store.workflows.steps(scope, domainName, workflowId, { after, limit: maxResults });
    return { workflow, items: page.items, ...tokenOf(encodeNextToken(list, scope, page.nextAfter)) };
  }

  async list(scope: Scope, domainName: string, filter: WorkflowFilter, maxResults: number, nextToken?: string): Promise<Paged<WorkflowRecord>> {
    const list = `workflows:${domainName}`;
    const after = decodeNextToken(list, scope, nextToken);
    await this.requireDomain(scope, domainName);
    const page = await this.store.workflows.list(scope, domainName, filter, { after, limit: maxResults });
    return { items: page.items, ...tokenOf(encodeNextToken(list, scope, page.nextAfter)) };
  }

  /** Stops the workflow and removes it with the integration it owns; the objects it ingested stay. */
  async delete(scope: Scope, domainName: string, workflowId: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
      const workflow = await repos.workflows.get(scope, domainName, workflowId);
      if (!workflow) throw workflowNotFound(domainName, workflowId);
      await repos.workflows.delete(scope, domainName, workflowId);
      if (await repos.integrations.delete(scope, domainName, workflow.integrationUri)) {
        const arn = integrationArn(scope, domainName, workflow.integrationUri);
        const tags = await repos.tags.get(scope, arn);
        if (Object.keys(tags).length > 0) await repos.tags.remove(scope, arn, Object.keys(tags));
      }
    });
  }

  private async requireDomain(scope: Scope, domainName: string): Promise<void> {
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
  }
}

function tokenOf(token: string | undefined): { nextToken?: string } {
  return token === undefined ? {} : { nextToken: token };
}
