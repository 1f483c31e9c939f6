// DeleteProfileKey (spec §3.5): detaches values of a key from a profile.
import type { OperationHandler } from './types.js';

export const deleteProfileKey: OperationHandler<'DeleteProfileKey'> = async (ctx, input) => {
  await ctx.services.profiles.deleteKey(ctx.scope, input.DomainName, input.ProfileId, input.KeyName, input.Values);
  return { Message: 'Profile key deleted' };
};
