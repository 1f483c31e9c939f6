// Wire forms of a workflow and its steps (GetWorkflow, GetWorkflowSteps, ListWorkflows).
import type { WorkflowRecord, WorkflowStepRecord } from '../../storage/workflow-ports.js';
import { configFromJson } from '../../domain/workflows/workflow-config.js';

const EPOCH = new Date(0);

export function workflowOutput(workflow: WorkflowRecord) {
  const { appflow, roleArn } = configFromJson(workflow.config);
  const source = appflow.FlowDefinition.SourceFlowConfig;
  return {
    WorkflowId: workflow.workflowId,
    WorkflowType: workflow.workflowType as 'APPFLOW_INTEGRATION',
    Status: workflow.status,
    ErrorDescription: workflow.errorDescription,
    StartDate: workflow.startDate,
    LastUpdatedAt: workflow.lastUpdatedAt,
    Attributes: { AppflowIntegration: { SourceConnectorType: source.ConnectorType, ConnectorProfileName: source.ConnectorProfileName ?? '', RoleArn: roleArn } },
    Metrics: { AppflowIntegration: { RecordsProcessed: workflow.recordsProcessed, StepsCompleted: workflow.stepsCompleted, TotalSteps: workflow.totalSteps } },
  };
}

export function workflowStepOutput(step: WorkflowStepRecord) {
  return {
    AppflowIntegration: {
      FlowName: step.flowName,
      Status: step.status,
      ExecutionMessage: step.executionMessage,
      RecordsProcessed: step.recordsProcessed,
      BatchRecordsStartTime: (step.windowStart ?? EPOCH).toISOString(),
      BatchRecordsEndTime: (step.windowEnd ?? step.lastUpdatedAt).toISOString(),
      CreatedAt: step.createdAt,
      LastUpdatedAt: step.lastUpdatedAt,
    },
  };
}

export function workflowListItem(workflow: WorkflowRecord) {
  return {
    WorkflowType: workflow.workflowType as 'APPFLOW_INTEGRATION',
    WorkflowId: workflow.workflowId,
    Status: workflow.status,
    StatusDescription: workflow.errorDescription ?? statusDescription(workflow),
    CreatedAt: workflow.createdAt,
    LastUpdatedAt: workflow.lastUpdatedAt,
  };
}

function statusDescription(workflow: WorkflowRecord): string {
  return `${workflow.stepsCompleted} of ${workflow.totalSteps} steps completed, ${workflow.recordsProcessed} records processed`;
}
