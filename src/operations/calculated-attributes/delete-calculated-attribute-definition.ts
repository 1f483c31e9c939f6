// DeleteCalculatedAttributeDefinition: the definition and the tags of its ARN go; answers {}.
import type { OperationHandler } from '../types.js';

export const deleteCalculatedAttributeDefinition: OperationHandler<'DeleteCalculatedAttributeDefinition'> = async (ctx, input) => {
  await ctx.services.calculatedAttributes.delete(ctx.scope, input.DomainName, input.CalculatedAttributeName);
  return {};
};
