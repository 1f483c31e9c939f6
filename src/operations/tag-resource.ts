// TagResource: adds or overwrites tags on a domain, object-type or integration ARN.
import type { OperationHandler } from './types.js';

export const tagResource: OperationHandler<'TagResource'> = async (ctx, input) => {
  await ctx.services.tags.tag(ctx.scope, input.resourceArn, input.tags);
  return {};
};
