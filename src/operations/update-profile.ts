// UpdateProfile (spec §2 UpdateProfile, §3.2): absent keeps, "" deletes, a value sets — per member,
// per address line and per attribute.
import type { OperationHandler } from './types.js';
import { changesFromWire } from './mappers/profile-wire.js';

export const updateProfile: OperationHandler<'UpdateProfile'> = async (ctx, input) => {
  await ctx.services.profiles.update(ctx.scope, input.DomainName, input.ProfileId, changesFromWire(input));
  return { ProfileId: input.ProfileId };
};
