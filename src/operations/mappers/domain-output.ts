// Wire form of a domain, shared by CreateDomain, GetDomain and UpdateDomain; settings stored as
// their request JSON come back in the response shapes (spec §3.1: stored and echoed exactly).
import type { Domain } from '../../domain/domains/domain-service.js';
import type { JsonValue } from '../../storage/ports.js';
import { tagsOutput } from './tags-output.js';
import type { DataStoreResponse, MatchingResponse, RuleBasedMatchingRequest, RuleBasedMatchingResponse } from '../../generated/shapes.js';
import { validateRuleBasedMatching } from '../../domain/rule-matching/config.js';
import { fromJson, toJson } from '../../shapes/json.js';

export function settingToStore(value: unknown, requestShape: string): JsonValue | undefined {
  return value === undefined ? undefined : (toJson(value, requestShape) as JsonValue);
}

/** Rule-based matching is stored as sent (after its checks); its Status comes from the rule engine's state. */
export function ruleBasedMatchingToStore(value: RuleBasedMatchingRequest | undefined): JsonValue | undefined {
  validateRuleBasedMatching(value);
  return settingToStore(value, 'RuleBasedMatchingRequest');
}

function ruleBasedMatchingOutput(domain: Domain): RuleBasedMatchingResponse | undefined {
  const stored = fromJson(domain.ruleBasedMatching, 'RuleBasedMatchingResponse') as RuleBasedMatchingResponse | undefined;
  if (!stored) return undefined;
  const { Status: legacy, ...settings } = stored;
  // A domain stored before the rule engine kept a PENDING of its own; the engine's state wins when there is one.
  const status = domain.ruleBasedMatchingStatus ?? (settings.Enabled ? legacy : undefined);
  return status === undefined ? settings : { ...settings, Status: status };
}

export function domainOutput(domain: Domain) {
  return {
    DomainName: domain.name,
    DefaultExpirationDays: domain.defaultExpirationDays,
    DefaultEncryptionKey: domain.defaultEncryptionKey,
    DeadLetterQueueUrl: domain.deadLetterQueueUrl,
    Matching: fromJson(domain.matching, 'MatchingResponse') as MatchingResponse | undefined,
    RuleBasedMatching: ruleBasedMatchingOutput(domain),
    DataStore: fromJson(domain.dataStore, 'DataStoreResponse') as DataStoreResponse | undefined,
    CreatedAt: domain.createdAt,
    LastUpdatedAt: domain.lastUpdatedAt,
    Tags: tagsOutput(domain.tags),
  };
}
