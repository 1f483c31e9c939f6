// GetCalculatedAttributeDefinition: the stored definition with Filter, Status, Readiness and Tags.
import type { OperationHandler } from '../types.js';
import { definitionOutput } from './definition-output.js';

export const getCalculatedAttributeDefinition: OperationHandler<'GetCalculatedAttributeDefinition'> = async (ctx, input) => {
  return definitionOutput(await ctx.services.calculatedAttributes.get(ctx.scope, input.DomainName, input.CalculatedAttributeName));
};
