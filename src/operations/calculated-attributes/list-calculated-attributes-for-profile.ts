// ListCalculatedAttributesForProfile: every definition with a value for the profile, by name, paged.
import type { OperationHandler } from '../types.js';
import { DEFAULT_PAGE_SIZE } from '../../domain/pagination.js';
import { valueOutput } from './value-output.js';

export const listCalculatedAttributesForProfile: OperationHandler<'ListCalculatedAttributesForProfile'> = async (ctx, input) => {
  const page = await ctx.services.calculatedValues.valuesForProfile(ctx.scope, input.DomainName, input.ProfileId, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return { Items: page.items.map(valueOutput), NextToken: page.nextToken };
};
