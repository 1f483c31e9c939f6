// CreateIntegrationWorkflow: record the workflow and start it (spec CreateIntegrationWorkflow, §3.12).
import type { OperationHandler } from './types.js';

export const createIntegrationWorkflow: OperationHandler<'CreateIntegrationWorkflow'> = async (ctx, input) => {
  const { workflowId, message } = await ctx.services.workflows.create(ctx.scope, input.DomainName, {
    workflowType: input.WorkflowType,
    appflow: input.IntegrationConfig.AppflowIntegration,
    objectTypeName: input.ObjectTypeName,
    roleArn: input.RoleArn,
    tags: input.Tags,
  });
  return { WorkflowId: workflowId, Message: message };
};
