// ListRuleBasedMatches: the MatchIds of the domain's rule-based match groups, a page at a time (spec §3.10).
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';

export const listRuleBasedMatches: OperationHandler<'ListRuleBasedMatches'> = async (ctx, input) => {
  const page = await ctx.services.ruleMatching.listMatches(ctx.scope, input.DomainName, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return { MatchIds: page.matchIds, NextToken: page.nextToken };
};
