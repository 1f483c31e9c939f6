// GetMatches: a page of the match groups of the domain's latest identity-resolution job.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';
import { matchItem } from './mappers/identity-resolution-output.js';

export const getMatches: OperationHandler<'GetMatches'> = async (ctx, input) => {
  const page = await ctx.services.identityResolution.getMatches(ctx.scope, input.DomainName, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return {
    Matches: page.matches.map(matchItem),
    MatchGenerationDate: page.matchGenerationDate,
    PotentialMatches: page.potentialMatches,
    NextToken: page.nextToken,
  };
};
