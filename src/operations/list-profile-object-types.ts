// ListProfileObjectTypes: the domain's object types by name, without their mappings.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';
import { objectTypeListItem } from './mappers/object-type-output.js';

export const listProfileObjectTypes: OperationHandler<'ListProfileObjectTypes'> = async (ctx, input) => {
  const page = await ctx.services.objectTypes.list(ctx.scope, input.DomainName, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return { Items: page.items.map(objectTypeListItem), NextToken: page.nextToken };
};
