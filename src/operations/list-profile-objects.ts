// ListProfileObjects (spec §3.6): one profile's objects of one type, newest first, each as its stored JSON string.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';

export const listProfileObjects: OperationHandler<'ListProfileObjects'> = async (ctx, input) => {
  const filter = input.ObjectFilter && { keyName: input.ObjectFilter.KeyName, values: input.ObjectFilter.Values };
  const page = await ctx.services.profileObjects.list(
    ctx.scope, input.DomainName, input.ProfileId, input.ObjectTypeName, filter, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken,
  );
  return {
    Items: page.items.map((item) => ({ ObjectTypeName: item.objectTypeName, ProfileObjectUniqueKey: item.objectKey, Object: item.object })),
    NextToken: page.nextToken,
  };
};
