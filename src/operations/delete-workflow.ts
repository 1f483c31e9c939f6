// DeleteWorkflow: stop the workflow and remove it with the integration it owns; ingested data stays (spec DeleteWorkflow).
import type { OperationHandler } from './types.js';

export const deleteWorkflow: OperationHandler<'DeleteWorkflow'> = async (ctx, input) => {
  await ctx.services.workflows.delete(ctx.scope, input.DomainName, input.WorkflowId);
  return {};
};
