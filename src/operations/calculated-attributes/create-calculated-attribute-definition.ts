// CreateCalculatedAttributeDefinition (spec api-behaviour-2a §2.1, §3.2): stores a definition after every rule of §3.2.
import type { OperationHandler } from '../types.js';
import { definitionOutput } from './definition-output.js';

export const createCalculatedAttributeDefinition: OperationHandler<'CreateCalculatedAttributeDefinition'> = async (ctx, input) => {
  const { DomainName, CalculatedAttributeName, Tags, ...definition } = input;
  return definitionOutput(await ctx.services.calculatedAttributes.create(ctx.scope, DomainName, CalculatedAttributeName, definition, Tags ?? {}));
};
