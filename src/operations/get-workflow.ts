// GetWorkflow: a workflow's status, attributes and metrics (spec GetWorkflow).
import type { OperationHandler } from './types.js';
import { workflowOutput } from './mappers/workflow-output.js';

export const getWorkflow: OperationHandler<'GetWorkflow'> = async (ctx, input) =>
  workflowOutput(await ctx.services.workflows.get(ctx.scope, input.DomainName, input.WorkflowId));
