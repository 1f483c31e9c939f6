// UpdateDomain: absent keeps, "" clears DefaultEncryptionKey and DeadLetterQueueUrl (spec §0.5).
import type { OperationHandler } from './types.js';
import { checkMatchingRequest } from '../domain/identity-resolution/matching-settings.js';
import { domainOutput, ruleBasedMatchingToStore, settingToStore } from './mappers/domain-output.js';

function clearable(value: string | undefined): string | null | undefined {
  return value === '' ? null : value;
}

export const updateDomain: OperationHandler<'UpdateDomain'> = async (ctx, input) => {
  checkMatchingRequest(input.Matching);
  const domain = await ctx.services.domains.update(ctx.scope, input.DomainName, {
    defaultExpirationDays: input.DefaultExpirationDays,
    defaultEncryptionKey: clearable(input.DefaultEncryptionKey),
    deadLetterQueueUrl: clearable(input.DeadLetterQueueUrl),
    matching: settingToStore(input.Matching, 'MatchingRequest'),
    ruleBasedMatching: ruleBasedMatchingToStore(input.RuleBasedMatching),
    dataStore: settingToStore(input.DataStore, 'DataStoreRequest'),
    tags: input.Tags,
  });
  return domainOutput(domain);
};
