// GetAutoMergingPreview: what auto-merge with the given settings would do to the latest match groups.
import type { OperationHandler } from './types.js';
import { autoMergeSettings } from '../domain/identity-resolution/matching-settings.js';

export const getAutoMergingPreview: OperationHandler<'GetAutoMergingPreview'> = async (ctx, input) => {
  const settings = autoMergeSettings(input.Consolidation, input.ConflictResolution, input.MinAllowedConfidenceScoreForMerging);
  const preview = await ctx.services.identityResolution.previewAutoMerge(ctx.scope, input.DomainName, settings);
  return {
    DomainName: input.DomainName,
    NumberOfMatchesInSample: preview.matchesInSample,
    NumberOfProfilesInSample: preview.profilesInSample,
    NumberOfProfilesWillBeMerged: preview.profilesWillBeMerged,
  };
};
