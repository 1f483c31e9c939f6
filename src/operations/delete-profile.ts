// DeleteProfile: removes the profile and its keys (POST .../profiles/delete).
import type { OperationHandler } from './types.js';

export const deleteProfile: OperationHandler<'DeleteProfile'> = async (ctx, input) => {
  await ctx.services.profiles.delete(ctx.scope, input.DomainName, input.ProfileId);
  return { Message: 'Profile deleted' };
};
