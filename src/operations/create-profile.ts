// CreateProfile (spec §2 CreateProfile, §3.2): a new standard profile with a 32-hex id; values are manual.
import type { OperationHandler } from './types.js';
import { changesFromWire } from './mappers/profile-wire.js';

export const createProfile: OperationHandler<'CreateProfile'> = async (ctx, input) => {
  const profileId = await ctx.services.profiles.create(ctx.scope, input.DomainName, changesFromWire(input));
  return { ProfileId: profileId };
};
