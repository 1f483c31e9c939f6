// BatchGetCalculatedAttributeForProfile: one definition for up to 100 profiles, optionally over another window;
// unknown profiles are listed in Errors (spec 2a §2.1).
import { profileNotFound } from '../../domain/errors.js';
import { checkRangeOverride } from '../../domain/calculated-attributes/definition.js';
import { withOverrideDefaults } from '../../domain/calculated-attributes/evaluate.js';
import type { OperationHandler } from '../types.js';
import { valueOutput } from './value-output.js';

export const batchGetCalculatedAttributeForProfile: OperationHandler<'BatchGetCalculatedAttributeForProfile'> = async (ctx, input) => {
  const override = input.ConditionOverrides?.Range && withOverrideDefaults(input.ConditionOverrides.Range);
  if (override) checkRangeOverride(override);
  const result = await ctx.services.calculatedValues.valuesForProfiles(ctx.scope, input.DomainName, input.CalculatedAttributeName, input.ProfileIds, override);
  return {
    Errors: result.missing.map((profileId) => ({ ProfileId: profileId, Code: 'ResourceNotFoundException', Message: profileNotFound(profileId).message })),
    CalculatedAttributeValues: result.values.map((value) => ({ ...valueOutput(value), ProfileId: value.profileId })),
    ...(override && { ConditionOverrides: { Range: override } }),
  };
};
