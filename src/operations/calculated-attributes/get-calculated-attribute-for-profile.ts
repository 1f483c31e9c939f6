// GetCalculatedAttributeForProfile: one definition's value for one profile, at the time of the call.
import type { OperationHandler } from '../types.js';
import { valueOutput } from './value-output.js';

export const getCalculatedAttributeForProfile: OperationHandler<'GetCalculatedAttributeForProfile'> = async (ctx, input) => {
  return valueOutput(await ctx.services.calculatedValues.valueForProfile(ctx.scope, input.DomainName, input.CalculatedAttributeName, input.ProfileId));
};
