// DeleteProfileObjectType: the type, its key definitions and its tags go.
import type { OperationHandler } from './types.js';

export const deleteProfileObjectType: OperationHandler<'DeleteProfileObjectType'> = async (ctx, input) => {
  await ctx.services.objectTypes.delete(ctx.scope, input.DomainName, input.ObjectTypeName);
  return { Message: 'Object type deleted' };
};
