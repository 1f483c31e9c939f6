// BatchGetProfile (spec Appendix B): up to 20 profiles by id; ids that do not exist come back in Errors.
import type { OperationHandler } from './types.js';
import { profileNotFound } from '../domain/errors.js';
import { profileToWire } from './mappers/profile-wire.js';

export const batchGetProfile: OperationHandler<'BatchGetProfile'> = async (ctx, input) => {
  const result = await ctx.services.profileSearch.batchGet(ctx.scope, input.DomainName, input.ProfileIds);
  return {
    Profiles: result.profiles.map((profile) => profileToWire(profile)),
    Errors: result.missing.map((profileId) => ({ Code: '404', Message: profileNotFound(profileId).message, ProfileId: profileId })),
  };
};
