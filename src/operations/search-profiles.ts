// SearchProfiles (spec §3.7): up to five keys combined with AND/OR (default OR), 20 per page by default.
import type { OperationHandler } from './types.js';
import { DEFAULT_SEARCH_PAGE_SIZE } from '../domain/profiles/profile-search.js';
import { profileToWire } from './mappers/profile-wire.js';

export const searchProfiles: OperationHandler<'SearchProfiles'> = async (ctx, input) => {
  const keys = [{ KeyName: input.KeyName, Values: input.Values }, ...(input.AdditionalSearchKeys ?? [])];
  const result = await ctx.services.profileSearch.search(ctx.scope, input.DomainName, {
    keys: keys.map((key) => ({ keyName: key.KeyName, values: key.Values })),
    mode: input.LogicalOperator ?? 'OR',
    maxResults: input.MaxResults ?? DEFAULT_SEARCH_PAGE_SIZE,
    nextToken: input.NextToken,
  });
  return { Items: result.items.map((found) => profileToWire(found, found.foundBy)), NextToken: result.nextToken };
};
