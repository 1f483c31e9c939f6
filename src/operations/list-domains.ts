// ListDomains: the account's domains in the caller's region, by name, paged.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';
import { tagsOutput } from './mappers/tags-output.js';

export const listDomains: OperationHandler<'ListDomains'> = async (ctx, input) => {
  const page = await ctx.services.domains.list(ctx.scope, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return {
    Items: page.items.map((domain) => ({
      DomainName: domain.name,
      CreatedAt: domain.createdAt,
      LastUpdatedAt: domain.lastUpdatedAt,
      Tags: tagsOutput(domain.tags),
    })),
    NextToken: page.nextToken,
  };
};
