// ListTagsForResource: the tags of one resource ARN (response member is lowercase `tags`).
import type { OperationHandler } from './types.js';

export const listTagsForResource: OperationHandler<'ListTagsForResource'> = async (ctx, input) => {
  return { tags: await ctx.services.tags.list(ctx.scope, input.resourceArn) };
};
