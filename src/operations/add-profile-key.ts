// AddProfileKey (spec §3.5): attaches values of a search key to a profile; echoes what was sent.
import type { OperationHandler } from './types.js';

export const addProfileKey: OperationHandler<'AddProfileKey'> = async (ctx, input) => {
  await ctx.services.profiles.addKey(ctx.scope, input.DomainName, input.ProfileId, input.KeyName, input.Values);
  return { KeyName: input.KeyName, Values: input.Values };
};
