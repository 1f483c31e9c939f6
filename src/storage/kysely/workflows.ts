// The workflow repository (workflows and their steps), one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { JsonValue, Page, PageRequest, Scope } from '../ports.js';
import type {
  PageCommit, WorkflowFilter, WorkflowRecord, WorkflowRepository, WorkflowStatus, WorkflowStepKind, WorkflowStepRecord,
} from '../workflow-ports.js';
import type { Database } from '../schema.js';
import type { WorkflowStepsTable, WorkflowsTable } from '../workflow-schema.js';
import { inScope, pageFetchSize, present, toMillis, toPage } from './rows.js';

const nullableMillis = (date: Date | undefined) => (date === undefined ? null : toMillis(date));
const nullableDate = (millis: number | string | null) => (millis === null ? undefined : new Date(Number(millis)));

/** List cursor: created_at and workflow id of the last item, newest first. */
function listCursor(record: WorkflowRecord): string {
  return `${String(record.createdAt.getTime()).padStart(15, '0')}:${record.workflowId}`;
}

export class KyselyWorkflowRepository implements WorkflowRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async put(scope: Scope, record: WorkflowRecord): Promise<void> {
    const values = {
      workflow_type: record.workflowType,
      object_type_name: record.objectTypeName,
      status: record.status,
      error_description: record.errorDescription ?? null,
      config_json: JSON.stringify(record.config),
      integration_uri: record.integrationUri,
      records_processed: record.recordsProcessed,
      steps_completed: record.stepsCompleted,
      total_steps: record.totalSteps,
      start_date: nullableMillis(record.startDate),
      last_updated_at: toMillis(record.lastUpdatedAt),
    };
    await this.#db
      .insertInto('workflows')
      .values({ ...inScope(scope), domain_name: record.domainName, workflow_id: record.workflowId, ...values, created_at: toMillis(record.createdAt) })
      .onConflict((conflict) => conflict.columns(['account_id', 'region', 'domain_name', 'workflow_id']).doUpdateSet(values))
      .execute();
  }

  async get(scope: Scope, domainName: string, workflowId: string): Promise<WorkflowRecord | undefined> {
    const row = await this.#db
      .selectFrom('workflows')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, workflow_id: workflowId }))
      .executeTakeFirst();
    return row && toWorkflow(row);
  }

  async list(scope: Scope, domainName: string, filter: WorkflowFilter, page: PageRequest): Promise<Page<WorkflowRecord>> {
    let query = this.#db
      .selectFrom('workflows')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
      .orderBy('created_at', 'desc')
      .orderBy('workflow_id', 'desc')
      .limit(pageFetchSize(page));
    if (filter.workflowType !== undefined) query = query.where('workflow_type', '=', filter.workflowType);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.createdFrom !== undefined) query = query.where('created_at', '>=', toMillis(filter.createdFrom));
    if (filter.createdTo !== undefined) query = query.where('created_at', '<=', toMillis(filter.createdTo));
    if (page.after !== undefined) {
      const [at, id] = [Number(page.after.slice(0, 15)), page.after.slice(16)];
      query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('workflow_id', '<', id)])]));
    }
    return toPage(await query.execute(), page, toWorkflow, listCursor);
  }

  async delete(scope: Scope, domainName: string, workflowId: string): Promise<boolean> {
    await this.#db
      .deleteFrom('workflow_steps')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, workflow_id: workflowId }))
      .execute();
    const result = await this.#db
      .deleteFrom('workflows')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, workflow_id: workflowId }))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async deleteAllInDomain(scope: Scope, domainName: string): Promise<void> {
    await this.#db.deleteFrom('workflow_steps').where((eb) => eb.and({ ...inScope(scope), domain_name: domainName })).execute();
    await this.#db.deleteFrom('workflows').where((eb) => eb.and({ ...inScope(scope), domain_name: domainName })).execute();
  }

  async putStep(scope: Scope, domainName: string, step: WorkflowStepRecord): Promise<void> {
    const values = {
      kind: step.kind,
      flow_name: step.flowName,
      status: step.status,
      execution_message: step.executionMessage,
      records_processed: step.recordsProcessed,
      window_start: nullableMillis(step.windowStart),
      window_end: nullableMillis(step.windowEnd),
      cursor: step.cursor ?? null,
      pages_done: step.pagesDone,
      watermark: nullableMillis(step.watermark),
      last_updated_at: toMillis(step.lastUpdatedAt),
    };
    await this.#db
      .insertInto('workflow_steps')
      .values({ ...inScope(scope), domain_name: domainName, workflow_id: step.workflowId, step_no: step.stepNo, ...values, created_at: toMillis(step.createdAt) })
      .onConflict((conflict) => conflict.columns(['account_id', 'region', 'domain_name', 'workflow_id', 'step_no']).doUpdateSet(values))
      .execute();
  }

  async steps(scope: Scope, domainName: string, workflowId: string, page: PageRequest): Promise<Page<WorkflowStepRecord>> {
    let query = this.#db
      .selectFrom('workflow_steps')
      .selectAll()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, workflow_id: workflowId }))
      .orderBy('step_no')
      .limit(pageFetchSize(page));
    if (page.after !== undefined) query = query.where('step_no', '>', Number(page.after));
    return toPage(await query.execute(), page, toStep, (step) => String(step.stepNo));
  }

  async commitPage(scope: Scope, domainName: string, workflowId: string, stepNo: number, pagesDone: number, commit: PageCommit): Promise<boolean> {
    const at = toMillis(commit.at);
    const moved = await this.#db
      .updateTable('workflow_steps')
      .set((eb) => ({
        cursor: commit.cursor ?? null,
        pages_done: pagesDone + 1,
        records_processed: eb('records_processed', '+', commit.records),
        ...(commit.watermark === undefined ? {} : { watermark: toMillis(commit.watermark) }),
        status: commit.status,
        execution_message: commit.executionMessage,
        last_updated_at: at,
      }))
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, workflow_id: workflowId, step_no: stepNo, pages_done: pagesDone }))
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) return false;
    const completed = commit.status === 'COMPLETE' ? 1 : 0;
    await this.#db
      .updateTable('workflows')
      .set((eb) => ({
        records_processed: eb('records_processed', '+', commit.records),
        steps_completed: eb('steps_completed', '+', completed),
        last_updated_at: at,
      }))
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, workflow_id: workflowId }))
      .execute();
    return true;
  }
}

function toWorkflow(row: Selectable<WorkflowsTable>): WorkflowRecord {
  return {
    domainName: row.domain_name,
    workflowId: row.workflow_id,
    workflowType: row.workflow_type,
    objectTypeName: row.object_type_name,
    status: row.status as WorkflowStatus,
    ...present('errorDescription', row.error_description),
    config: JSON.parse(row.config_json) as JsonValue,
    integrationUri: row.integration_uri,
    recordsProcessed: Number(row.records_processed),
    stepsCompleted: Number(row.steps_completed),
    totalSteps: Number(row.total_steps),
    ...present('startDate', nullableDate(row.start_date)),
    createdAt: new Date(Number(row.created_at)),
    lastUpdatedAt: new Date(Number(row.last_updated_at)),
  };
}

function toStep(row: Selectable<WorkflowStepsTable>): WorkflowStepRecord {
  return {
    workflowId: row.workflow_id,
    stepNo: Number(row.step_no),
    kind: row.kind as WorkflowStepKind,
    flowName: row.flow_name,
    status: row.status as WorkflowStatus,
    executionMessage: row.execution_message,
    recordsProcessed: Number(row.records_processed),
    ...present('windowStart', nullableDate(row.window_start)),
    ...present('windowEnd', nullableDate(row.window_end)),
    ...present('cursor', row.cursor),
    pagesDone: Number(row.pages_done),
    ...present('watermark', nullableDate(row.watermark)),
    createdAt: new Date(Number(row.created_at)),
    lastUpdatedAt: new Date(Number(row.last_updated_at)),
  };
}
