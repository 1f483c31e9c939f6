// DeleteDomain: removes the domain and everything in it.
import type { OperationHandler } from './types.js';

export const deleteDomain: OperationHandler<'DeleteDomain'> = async (ctx, input) => {
  await ctx.services.domains.delete(ctx.scope, input.DomainName);
  return { Message: 'Domain Deleted' };
};
