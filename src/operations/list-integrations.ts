// ListIntegrations: the domain's integrations by Uri, paged; hidden ones only with IncludeHidden.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';
import { integrationOutput } from './mappers/integration-output.js';

export const listIntegrations: OperationHandler<'ListIntegrations'> = async (ctx, input) => {
  const page = await ctx.services.integrations.list(ctx.scope, input.DomainName, input.IncludeHidden ?? false, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return { Items: page.items.map(integrationOutput), NextToken: page.nextToken };
};
