// GetIntegration: one integration of the domain, by the Uri in the body.
import type { OperationHandler } from './types.js';
import { integrationOutput } from './mappers/integration-output.js';

export const getIntegration: OperationHandler<'GetIntegration'> = async (ctx, input) =>
  integrationOutput(await ctx.services.integrations.get(ctx.scope, input.DomainName, input.Uri));
