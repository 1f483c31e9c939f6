// CreateDomain (spec §2 CreateDomain, §3.1).
import type { OperationHandler } from './types.js';
import { checkMatchingRequest } from '../domain/identity-resolution/matching-settings.js';
import { domainOutput, ruleBasedMatchingToStore, settingToStore } from './mappers/domain-output.js';

export const createDomain: OperationHandler<'CreateDomain'> = async (ctx, input) => {
  checkMatchingRequest(input.Matching);
  const domain = await ctx.services.domains.create(ctx.scope, {
    name: input.DomainName,
    defaultExpirationDays: input.DefaultExpirationDays,
    defaultEncryptionKey: input.DefaultEncryptionKey || undefined,
    deadLetterQueueUrl: input.DeadLetterQueueUrl || undefined,
    matching: settingToStore(input.Matching, 'MatchingRequest'),
    ruleBasedMatching: ruleBasedMatchingToStore(input.RuleBasedMatching),
    dataStore: settingToStore(input.DataStore, 'DataStoreRequest'),
    tags: input.Tags,
  });
  return domainOutput(domain);
};
