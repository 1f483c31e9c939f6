// GetProfileObjectType: one object type with its resolved mapping.
import type { OperationHandler } from './types.js';
import { objectTypeOutput } from './mappers/object-type-output.js';

export const getProfileObjectType: OperationHandler<'GetProfileObjectType'> = async (ctx, input) => {
  return objectTypeOutput(await ctx.services.objectTypes.get(ctx.scope, input.DomainName, input.ObjectTypeName));
};
