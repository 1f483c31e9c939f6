// Storage contract of rule-based matching (spec §3.10): a domain's rule state, the rule keys of its
// evaluated profiles, and the match groups the keys form. Every call is scoped by account and region.
import type { JsonObject, JsonValue, Page, PageRequest, Scope } from './ports.js';

export type RuleMatchingStatus = 'PENDING' | 'IN_PROGRESS' | 'ACTIVE';

export interface RuleMatchingState {
  readonly domainName: string;
  /** A new one for every new configuration: work done for an older one is discarded. */
  readonly generation: string;
  readonly status: RuleMatchingStatus;
  /** RuleBasedMatching as stored on the domain when this generation began. */
  readonly config: JsonValue;
  /** Profiles last updated at or after it are evaluated by the next run; unset until ACTIVE. */
  readonly watermark?: Date;
  readonly updatedAt: Date;
}

/** One rule key of a profile: two profiles holding the same key at a level match at that level. */
export interface RuleKey {
  readonly level: number;
  readonly key: string;
}

/** A profile as the rule engine reads it. */
export interface RuleProfileRow {
  readonly profileId: string;
  readonly fields: JsonObject;
  readonly version: number;
}

export interface RuleMatchGroup {
  readonly matchId: string;
  /** The rule level that holds the group together: its weakest link. */
  readonly ruleLevel: number;
  readonly profileIds: readonly string[];
  readonly updatedAt: Date;
}

export interface RuleGroupChange {
  readonly all?: boolean;
  readonly removed: readonly string[];
  readonly profileIds: readonly string[];
  readonly added: readonly RuleMatchGroup[];
}

export interface RuleMatchingRepository {
  getState(scope: Scope, domainName: string): Promise<RuleMatchingState | undefined>;
  /** Inserts or replaces the domain's state. */
  putState(scope: Scope, state: RuleMatchingState): Promise<void>;
  /** Changes status and/or watermark only while `generation` is current; false when it is not. */
  updateState(scope: Scope, domainName: string, generation: string, changes: { status?: RuleMatchingStatus; watermark?: Date; updatedAt: Date }): Promise<boolean>;
  /** Removes the rule keys, evaluated versions and match groups of the domain (the state stays). */
  clearMatches(scope: Scope, domainName: string): Promise<void>;
  /** Removes everything of the domain, the state too. */
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;

  /** The domain's profiles ordered by id; `page.after` is the last id of the previous page. */
  profiles(scope: Scope, domainName: string, page: PageRequest): Promise<Page<RuleProfileRow>>;
  /** Profiles updated at or after `since` whose current version has not been evaluated, oldest first. */
  changedProfiles(scope: Scope, domainName: string, since: Date, limit: number): Promise<RuleProfileRow[]>;
  /** Replaces the rule keys of each profile and records the version they were computed from. */
  putKeys(scope: Scope, domainName: string, entries: ReadonlyArray<{ readonly profileId: string; readonly version: number; readonly keys: readonly RuleKey[] }>): Promise<void>;
  /** The rule keys of these profiles at levels up to `maxLevel`. */
  keysOf(scope: Scope, domainName: string, profileIds: readonly string[], maxLevel: number): Promise<Map<string, RuleKey[]>>;
  /** Up to `limit` ids of the profiles holding this key, ordered by id. */
  holders(scope: Scope, domainName: string, key: RuleKey, limit: number): Promise<string[]>;

  /** The match ids the given profiles belong to (profiles in no group are left out). */
  matchIdsOf(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<Map<string, string>>;
  getGroups(scope: Scope, domainName: string, matchIds: readonly string[]): Promise<RuleMatchGroup[]>;
  /**
   * Replaces groups: removes `removed` (every group of the domain with `all`), clears the group of
   * `profileIds`, then writes `added` and points their profiles at them.
   */
  replaceGroups(scope: Scope, domainName: string, change: RuleGroupChange): Promise<void>;
  /** The domain's groups ordered by match id; `page.after` is the last match id of the previous page. */
  listGroups(scope: Scope, domainName: string, page: PageRequest): Promise<Page<RuleMatchGroup>>;
}
