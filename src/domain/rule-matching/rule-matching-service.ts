// Reads of match groups (ListRuleBasedMatches, GetSimilarProfiles): the rule-based groups the rule engine
// keeps, and the machine-learning groups of the latest identity-resolution job. Profiles deleted or merged
// away since a group was written are left out, and so is a group left with fewer than two.
import type { Scope, Store } from '../../storage/ports.js';
import { domainNotFound, similarMatchNotFound, similarProfileNotFound } from '../errors.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';
import type { ProfileSearch } from '../profiles/profile-search.js';

export type MatchType = 'RULE_BASED_MATCHING' | 'ML_BASED_MATCHING';

export interface SimilarProfilesRequest {
  readonly matchType: MatchType;
  readonly searchKey: string;
  readonly searchValue: string;
  readonly maxResults: number;
  readonly nextToken?: string;
}

export interface SimilarProfiles {
  readonly profileIds: string[];
  readonly matchId: string;
  readonly ruleLevel?: number;
  readonly confidenceScore?: number;
  readonly nextToken?: string;
}

interface FoundGroup {
  readonly matchId: string;
  readonly profileIds: readonly string[];
  readonly ruleLevel?: number;
  readonly confidenceScore?: number;
}

/** Profiles found by the search key value; the first (by id) that is in a group decides which group. */
const SEARCH_LIMIT = 100;

/** SearchKey `_matchId` (or `MatchId`) names a group by its MatchId; any other is a profile key, as in SearchProfiles. */
export function isMatchIdKey(searchKey: string): boolean {
  return searchKey === '_matchId' || searchKey === 'MatchId';
}

export class RuleMatchingService {
  constructor(
    private readonly store: Store,
    private readonly profileSearch: ProfileSearch,
  ) {}

  async listMatches(scope: Scope, domainName: string, maxResults: number, nextToken: string | undefined): Promise<{ matchIds: string[]; nextToken?: string }> {
    const list = `rule-based-matches:${domainName}`;
    const after = decodeNextToken(list, scope, nextToken);
    await this.requireDomain(scope, domainName);
    const page = await this.store.ruleMatching.listGroups(scope, domainName, { after, limit: maxResults });
    const live = await this.liveIds(scope, domainName, page.items.flatMap((group) => group.profileIds));
    const matchIds = page.items.filter((group) => group.profileIds.filter((id) => live.has(id)).length >= 2).map((group) => group.matchId);
    const token = encodeNextToken(list, scope, page.nextAfter);
    return token === undefined ? { matchIds } : { matchIds, nextToken: token };
  }

  async similarProfiles(scope: Scope, domainName: string, request: SimilarProfilesRequest): Promise<SimilarProfiles> {
    await this.requireDomain(scope, domainName);
    const group = await this.findGroup(scope, domainName, request);
    const live = await this.liveIds(scope, domainName, group?.profileIds ?? []);
    if (!group || live.size < 2) throw similarMatchNotFound(request.matchType, request.searchKey, request.searchValue);
    const list = `similar-profiles:${domainName}:${request.matchType}:${group.matchId}`;
    const after = decodeNextToken(list, scope, request.nextToken);
    const ids = [...live].sort().filter((id) => after === undefined || id > after);
    const page = ids.slice(0, request.maxResults);
    const token = ids.length > page.length ? encodeNextToken(list, scope, page.at(-1)) : undefined;
    return {
      profileIds: page,
      matchId: group.matchId,
      ...(group.ruleLevel === undefined ? {} : { ruleLevel: group.ruleLevel }),
      ...(group.confidenceScore === undefined ? {} : { confidenceScore: group.confidenceScore }),
      ...(token === undefined ? {} : { nextToken: token }),
    };
  }

  private async findGroup(scope: Scope, domainName: string, request: SimilarProfilesRequest): Promise<FoundGroup | undefined> {
    const rules = this.store.ruleMatching;
    const ruleBased = request.matchType === 'RULE_BASED_MATCHING';
    if (isMatchIdKey(request.searchKey)) {
      return ruleBased ? (await rules.getGroups(scope, domainName, [request.searchValue]))[0] : this.store.identityResolution.getMatch(scope, domainName, request.searchValue);
    }
    const found = await this.profileSearch.search(scope, domainName, { keys: [{ keyName: request.searchKey, values: [request.searchValue] }], mode: 'OR', maxResults: SEARCH_LIMIT });
    const ids = found.items.map((profile) => profile.profileId);
    if (ids.length === 0) throw similarProfileNotFound(request.searchKey, request.searchValue);
    if (ruleBased) {
      const matchIds = await rules.matchIdsOf(scope, domainName, ids);
      const first = ids.find((id) => matchIds.has(id));
      return first === undefined ? undefined : (await rules.getGroups(scope, domainName, [matchIds.get(first)!]))[0];
    }
    for (const id of ids) {
      const group = await this.store.identityResolution.matchOf(scope, domainName, id);
      if (group) return group;
    }
    return undefined;
  }

  private async liveIds(scope: Scope, domainName: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set((await this.store.profiles.getMany(scope, domainName, [...new Set(ids)])).map((profile) => profile.profileId));
  }

  private async requireDomain(scope: Scope, domainName: string): Promise<void> {
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
  }
}
