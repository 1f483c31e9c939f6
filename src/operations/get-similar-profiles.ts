// GetSimilarProfiles: the profiles of the match group (rule-based or machine-learning) that holds the profile
// a search key finds, or of the group a `_matchId` names, a page at a time.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';

export const getSimilarProfiles: OperationHandler<'GetSimilarProfiles'> = async (ctx, input) => {
  const found = await ctx.services.ruleMatching.similarProfiles(ctx.scope, input.DomainName, {
    matchType: input.MatchType,
    searchKey: input.SearchKey,
    searchValue: input.SearchValue,
    maxResults: input.MaxResults ?? DEFAULT_PAGE_SIZE,
    nextToken: input.NextToken,
  });
  return {
    ProfileIds: found.profileIds,
    MatchId: found.matchId,
    MatchType: input.MatchType,
    RuleLevel: found.ruleLevel,
    ConfidenceScore: found.confidenceScore,
    NextToken: found.nextToken,
  };
};
