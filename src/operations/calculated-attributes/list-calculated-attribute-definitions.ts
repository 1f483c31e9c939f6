// ListCalculatedAttributeDefinitions: the domain's definitions by name, paged, without their formulas.
import type { OperationHandler } from '../types.js';
import { DEFAULT_PAGE_SIZE } from '../../domain/pagination.js';
import { definitionListItem } from './definition-output.js';

export const listCalculatedAttributeDefinitions: OperationHandler<'ListCalculatedAttributeDefinitions'> = async (ctx, input) => {
  const page = await ctx.services.calculatedAttributes.list(ctx.scope, input.DomainName, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return { Items: page.items.map(definitionListItem), NextToken: page.nextToken };
};
