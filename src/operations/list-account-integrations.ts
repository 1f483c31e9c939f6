// ListAccountIntegrations: which domains of the account (in the caller's region) use a Uri, paged.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';
import { integrationOutput } from './mappers/integration-output.js';

export const listAccountIntegrations: OperationHandler<'ListAccountIntegrations'> = async (ctx, input) => {
  const page = await ctx.services.integrations.listByUri(ctx.scope, input.Uri, input.IncludeHidden ?? false, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return { Items: page.items.map(integrationOutput), NextToken: page.nextToken };
};
