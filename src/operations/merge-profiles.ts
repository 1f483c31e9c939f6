// MergeProfiles (spec §3.8): merges up to 20 profiles into the main one, synchronously and atomically.
import type { OperationHandler } from './types.js';
import { choicesFromWire } from './mappers/profile-wire.js';

export const mergeProfiles: OperationHandler<'MergeProfiles'> = async (ctx, input) => {
  const merged = await ctx.services.profileMerge.merge(
    ctx.scope,
    input.DomainName,
    input.MainProfileId,
    input.ProfileIdsToBeMerged,
    choicesFromWire(input.FieldSourceProfileIds),
  );
  const noun = merged === 1 ? 'profile' : 'profiles';
  return { Message: `Merged ${merged} ${noun} into profile ${input.MainProfileId}` };
};
