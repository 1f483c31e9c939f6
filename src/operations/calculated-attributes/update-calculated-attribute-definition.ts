// UpdateCalculatedAttributeDefinition: DisplayName, Description and Conditions only; the answer has no Filter (the model's output lacks it).
import type { OperationHandler } from '../types.js';
import { definitionOutput } from './definition-output.js';

export const updateCalculatedAttributeDefinition: OperationHandler<'UpdateCalculatedAttributeDefinition'> = async (ctx, input) => {
  const { DomainName, CalculatedAttributeName, ...changes } = input;
  const { Filter: _filter, ...output } = definitionOutput(await ctx.services.calculatedAttributes.update(ctx.scope, DomainName, CalculatedAttributeName, changes));
  return output;
};
