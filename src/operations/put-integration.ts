// PutIntegration: create or replace the domain's integration for a Uri (spec PutIntegration, §3.11).
import type { OperationHandler } from './types.js';
import type { JsonValue } from '../storage/ports.js';
import { toJson } from '../shapes/json.js';
import { integrationOutput } from './mappers/integration-output.js';

export const putIntegration: OperationHandler<'PutIntegration'> = async (ctx, input) => {
  const integration = await ctx.services.integrations.put(ctx.scope, input.DomainName, {
    uri: input.Uri,
    flowName: input.FlowDefinition?.FlowName,
    flowDefinition: input.FlowDefinition && (toJson(input.FlowDefinition, 'FlowDefinition') as JsonValue),
    objectTypeName: input.ObjectTypeName,
    objectTypeNames: input.ObjectTypeNames,
    roleArn: input.RoleArn,
    eventTriggerNames: input.EventTriggerNames,
    scope: input.Scope,
    tags: input.Tags,
  });
  return integrationOutput(integration);
};
