// UntagResource: removes the listed tag keys (repeated `tagKeys` query parameter).
import type { OperationHandler } from './types.js';

export const untagResource: OperationHandler<'UntagResource'> = async (ctx, input) => {
  await ctx.services.tags.untag(ctx.scope, input.resourceArn, input.tagKeys);
  return {};
};
