// GetWorkflowSteps: one item per historical batch or incremental run, in running order (spec GetWorkflowSteps).
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';
import { workflowStepOutput } from './mappers/workflow-output.js';

export const getWorkflowSteps: OperationHandler<'GetWorkflowSteps'> = async (ctx, input) => {
  const page = await ctx.services.workflows.steps(ctx.scope, input.DomainName, input.WorkflowId, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return { WorkflowId: page.workflow.workflowId, WorkflowType: page.workflow.workflowType as 'APPFLOW_INTEGRATION', Items: page.items.map(workflowStepOutput), NextToken: page.nextToken };
};
