// Wire form of a domain, shared by CreateDomain, GetDomain and UpdateDomain; settings stored as
// their request JSON come back in the response shapes (spec §3.1: stored and echoed exactly).
import type { Domain } from '../../domain/domains/domain-service.js';
import type { JsonValue } from '../../storage/ports.js';
import { tagsOutput } from './tags-output.js';
import type { DataStoreResponse, MatchingResponse, RuleBasedMatchingResponse } from '../../generated/shapes.js';
import { fromJson, toJson } from '../../shapes/json.js';

export function settingToStore(value: unknown, requestShape: string): JsonValue | undefined {
  return value === undefined ? undefined : (toJson(value, requestShape) as JsonValue);
}

/** Rule-based matching keeps its status beside the caller's settings; its engine moves it on. */
export function ruleBasedMatchingToStore(value: unknown): JsonValue | undefined {
  const stored = settingToStore(value, 'RuleBasedMatchingRequest') as Record<string, JsonValue> | undefined;
  if (!stored) return undefined;
  return stored['Enabled'] === true ? { ...stored, Status: 'PENDING' } : stored;
}

export function domainOutput(domain: Domain) {
  return {
    DomainName: domain.name,
    DefaultExpirationDays: domain.defaultExpirationDays,
    DefaultEncryptionKey: domain.defaultEncryptionKey,
    DeadLetterQueueUrl: domain.deadLetterQueueUrl,
    Matching: fromJson(domain.matching, 'MatchingResponse') as MatchingResponse | undefined,
    RuleBasedMatching: fromJson(domain.ruleBasedMatching, 'RuleBasedMatchingResponse') as RuleBasedMatchingResponse | undefined,
    DataStore: fromJson(domain.dataStore, 'DataStoreResponse') as DataStoreResponse | undefined,
    CreatedAt: domain.createdAt,
    LastUpdatedAt: domain.lastUpdatedAt,
    Tags: tagsOutput(domain.tags),
  };
}
