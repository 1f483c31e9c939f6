// DeleteIntegration: the integration and its tags go; the object types it fed stay.
import type { OperationHandler } from './types.js';

export const deleteIntegration: OperationHandler<'DeleteIntegration'> = async (ctx, input) => {
  await ctx.services.integrations.delete(ctx.scope, input.DomainName, input.Uri);
  return { Message: 'Integration deleted' };
};
