// DeleteProfileObject: removes one object of a profile; the profile's fields and keys stay as they are.
import type { OperationHandler } from './types.js';

export const deleteProfileObject: OperationHandler<'DeleteProfileObject'> = async (ctx, input) => {
  await ctx.services.profileObjects.delete(ctx.scope, input.DomainName, input.ProfileId, input.ObjectTypeName, input.ProfileObjectUniqueKey);
  return { Message: 'Profile object deleted' };
};
