// Storage contract for integration workflows (spec §3.12), their steps and connector profiles.
import type { JsonValue, Page, PageRequest, Scope } from './ports.js';

export type WorkflowStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | 'SPLIT' | 'RETRY' | 'CANCELLED';

export interface WorkflowRecord {
  readonly domainName: string;
  readonly workflowId: string;
  readonly workflowType: string;
  readonly objectTypeName: string;
  readonly status: WorkflowStatus;
  readonly errorDescription?: string;
  /** The AppflowIntegration and RoleArn as sent (see domain/workflows/workflow-config.ts). */
  readonly config: JsonValue;
  /** The integration this workflow owns. */
  readonly integrationUri: string;
  readonly recordsProcessed: number;
  readonly stepsCompleted: number;
  readonly totalSteps: number;
  readonly startDate?: Date;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

/** A historical batch or an incremental run. */
export type WorkflowStepKind = 'batch' | 'run';

export interface WorkflowStepRecord {
  readonly workflowId: string;
  /** 1-based, in running order. */
  readonly stepNo: number;
  readonly kind: WorkflowStepKind;
  readonly flowName: string;
  readonly status: WorkflowStatus;
  readonly executionMessage: string;
  readonly recordsProcessed: number;
  /** Records modified at or after this time (open when absent). */
  readonly windowStart?: Date;
  /** Records modified before this time (open when absent). */
  readonly windowEnd?: Date;
  /** The connector's position after the last committed page; absent before the first. */
  readonly cursor?: string;
  /** Pages committed so far: the fence a page's commit checks, so no page is ingested twice. */
  readonly pagesDone: number;
  /** Latest modification time seen among the step's records. */
  readonly watermark?: Date;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

export interface WorkflowFilter {
  readonly workflowType?: string;
  readonly status?: WorkflowStatus;
  /** Workflows created at or after. */
  readonly createdFrom?: Date;
  /** Workflows created at or before. */
  readonly createdTo?: Date;
}

/** What a committed page changes on its step (and the workflow's counters). */
export interface PageCommit {
  readonly cursor?: string;
  readonly records: number;
  readonly watermark?: Date;
  /** Set on the last page: the step is then COMPLETE. */
  readonly status: WorkflowStatus;
  readonly executionMessage: string;
  readonly at: Date;
}

export interface WorkflowRepository {
  /** Inserts or overwrites the workflow row. */
  put(scope: Scope, record: WorkflowRecord): Promise<void>;
  get(scope: Scope, domainName: string, workflowId: string): Promise<WorkflowRecord | undefined>;
  /** Newest first (created_at, then workflow id, descending); `page.after` is the cursor of the previous page's last item. */
  list(scope: Scope, domainName: string, filter: WorkflowFilter, page: PageRequest): Promise<Page<WorkflowRecord>>;
  /** Deletes the workflow and its steps. */
  delete(scope: Scope, domainName: string, workflowId: string): Promise<boolean>;
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;
  /** Inserts or overwrites a step. */
  putStep(scope: Scope, domainName: string, step: WorkflowStepRecord): Promise<void>;
  /** Ordered by step number; `page.after` is the previous page's last step number. */
  steps(scope: Scope, domainName: string, workflowId: string, page: PageRequest): Promise<Page<WorkflowStepRecord>>;
  /**
   * Records a committed page on the step if it still stands at `pagesDone` (false otherwise: another
   * worker committed that page, and the caller must roll back), and adds its records to the workflow.
   */
  commitPage(scope: Scope, domainName: string, workflowId: string, stepNo: number, pagesDone: number, commit: PageCommit): Promise<boolean>;
}

export interface ConnectorProfileRecord {
  readonly name: string;
  readonly connectorType: string;
  readonly instanceUrl?: string;
  /** JSON object of credentials, sealed by the caller (domain/secrets). */
  readonly sealedCredentials: string;
  /** The buckets an S3 profile serves; absent: not limited to named buckets. */
  readonly buckets?: readonly string[];
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

export interface ConnectorProfileRepository {
  /** Creates or replaces; a replaced row keeps its createdAt. */
  put(scope: Scope, record: ConnectorProfileRecord): Promise<void>;
  get(scope: Scope, name: string): Promise<ConnectorProfileRecord | undefined>;
  /** Ordered by name. */
  list(scope: Scope): Promise<ConnectorProfileRecord[]>;
  delete(scope: Scope, name: string): Promise<boolean>;
}
