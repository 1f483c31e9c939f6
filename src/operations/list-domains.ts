// ListDomains: the account's domains in the caller's region, by name, paged.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';

export const listDomains: OperationHandler<'ListDomains'> = async (ctx, input) => {
  const page = await ctx.services.domains.list(ctx.scope, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return {
    Items: page.items.map((domain) => ({
      DomainName: domain.name,
      CreatedAt: domain.createdAt,
      LastUpdatedAt: domain.lastUpdatedAt,
      Tags: Object.keys(domain.tags).length > 0 ? domain.tags : undefined,
    })),
    NextToken: page.nextToken,
  };
};
