// Applies a domain's matching rules (spec §3.10). build() evaluates every profile (IN_PROGRESS, then ACTIVE);
// refresh() evaluates the profiles written since the watermark, so every later write is matched too without
// touching the write paths. Both merge the groups linked at levels up to MaxAllowedRuleLevelForMerging
// through MergeProfiles' own code, then record the groups linked up to MaxAllowedRuleLevelForMatching.
import { createHash } from 'node:crypto';
import type { Scope, Store } from '../../storage/ports.js';
import type { RuleMatchGroup, RuleMatchingState } from '../../storage/rule-matching-ports.js';
import { ResourceNotFoundException } from '../../generated/errors.js';
import type { Clock } from '../clock.js';
import { ProfileTooLarge } from '../errors.js';
import type { ProfileMerge } from '../profiles/profile-merge.js';
import { fromDocument } from '../profiles/profile-document.js';
import { normalizeOptions } from '../profiles/profile-service.js';
import { parseRuleConfig, type RuleConfig } from './config.js';
import { chooseMain, fieldChoices } from './conflict-resolution.js';
import { findComponents, MemoryRuleIndex, type Component, type RuleIndex } from './components.js';
import { ruleKeys } from './rule-keys.js';

/** Writes that commit up to this long after they took their timestamp are still seen by the next run. */
export const WATERMARK_OVERLAP_MS = 15_000;
const PAGE = 1_000;
const CHANGED_BATCH = 500;
const MAX_CHANGED_PER_RUN = 5_000;
/** MergeProfiles' own bound on ProfileIdsToBeMerged. */
const MERGE_CHUNK = 20;

/** Thrown when the job's lease is lost or its configuration was replaced: stop writing. */
export class RuleRunSuperseded extends Error {}

interface Run {
  readonly scope: Scope;
  readonly domainName: string;
  readonly generation: string;
  readonly config: RuleConfig;
  /** Extends the job's lease; false when another worker owns it now. */
  readonly renew: () => Promise<boolean>;
}

export class RuleMatchingEngine {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly profileMerge: ProfileMerge,
  ) {}

  /** Evaluates every profile of the domain from scratch and makes the rules ACTIVE; resolves true (the groups were rewritten). */
  async build(scope: Scope, state: RuleMatchingState, renew: () => Promise<boolean>): Promise<boolean> {
    const run = this.run(scope, state, renew);
    const started = this.clock();
    await this.setState(run, { status: 'IN_PROGRESS' });
    await this.store.ruleMatching.clearMatches(scope, state.domainName);
    const index = new MemoryRuleIndex();
    let after: string | undefined;
    do {
      const page = await this.store.ruleMatching.profiles(scope, state.domainName, { after, limit: PAGE });
      const entries = page.items.map((row) => ({ profileId: row.profileId, version: row.version, keys: this.keysOf(run, row.fields) }));
      for (const entry of entries) index.set(entry.profileId, entry.keys);
      await this.store.transaction((repos) => repos.ruleMatching.putKeys(scope, state.domainName, entries));
      await this.keepGoing(run);
      after = page.nextAfter;
    } while (after !== undefined);

    if (run.config.maxMergingLevel > 0) {
      for (const component of await findComponents(index.profileIds(), index, run.config.maxMergingLevel)) {
        const merged = await this.mergeComponent(run, component);
        if (!merged) continue;
        for (const id of merged.absorbed) index.remove(id);
        const keys = await this.rekey(run, merged.mainId);
        if (keys) index.set(merged.mainId, keys);
        await this.keepGoing(run);
      }
    }
    const groups = await findComponents(index.profileIds(), index, run.config.maxMatchingLevel);
    await this.writeGroups(run, { all: true, removed: [], profileIds: [], added: groups.map((group) => this.toGroup(run, group)) });
    await this.setState(run, { status: 'ACTIVE', watermark: new Date(started.getTime() - WATERMARK_OVERLAP_MS) });
    return true;
  }

  /**
   * Evaluates the profiles written since the watermark; moves the watermark once none is left. Resolves
   * whether any group was rewritten.
   */
  async refresh(scope: Scope, state: RuleMatchingState, renew: () => Promise<boolean>): Promise<boolean> {
    const run = this.run(scope, state, renew);
    const started = this.clock();
    const since = state.watermark ?? new Date(0);
    let processed = 0;
    for (;;) {
      const rows = await this.store.ruleMatching.changedProfiles(scope, state.domainName, since, CHANGED_BATCH);
      if (rows.length > 0) {
        const entries = rows.map((row) => ({ profileId: row.profileId, version: row.version, keys: this.keysOf(run, row.fields) }));
        await this.store.transaction((repos) => repos.ruleMatching.putKeys(scope, state.domainName, entries));
        await this.evaluate(run, rows.map((row) => row.profileId));
        processed += rows.length;
        await this.keepGoing(run);
      }
      if (rows.length < CHANGED_BATCH) break;
      if (processed >= MAX_CHANGED_PER_RUN) return true; // the rest next run, from the same watermark
    }
    await this.setState(run, { watermark: new Date(started.getTime() - WATERMARK_OVERLAP_MS) });
    return processed > 0;
  }

  /** Merges and regroups around profiles whose keys were just stored. */
  private async evaluate(run: Run, changed: readonly string[]): Promise<void> {
    const index = this.databaseIndex(run);
    const touched = new Set(changed);
    if (run.config.maxMergingLevel > 0) {
      for (const component of await findComponents(changed, index, run.config.maxMergingLevel)) {
        const merged = await this.mergeComponent(run, component);
        if (!merged) continue;
        for (const id of merged.absorbed) touched.delete(id);
        touched.add(merged.mainId);
        await this.rekey(run, merged.mainId);
      }
    }
    const { scope, domainName } = run;
    const before = await this.store.ruleMatching.matchIdsOf(scope, domainName, [...touched]);
    const affected = new Set(touched);
    for (const group of await this.store.ruleMatching.getGroups(scope, domainName, [...new Set(before.values())])) {
      for (const id of group.profileIds) affected.add(id);
    }
    const groups = await findComponents(affected, index, run.config.maxMatchingLevel);
    const reached = new Set([...affected, ...groups.flatMap((group) => group.profileIds)]);
    const removed = new Set((await this.store.ruleMatching.matchIdsOf(scope, domainName, [...reached])).values());
    for (const id of before.values()) removed.add(id);
    await this.writeGroups(run, { removed: [...removed], profileIds: [...reached], added: groups.map((group) => this.toGroup(run, group)) });
  }

  /** Merges a linked group into its main profile through MergeProfiles; undefined when fewer than two remain. */
  private async mergeComponent(run: Run, component: Component): Promise<{ mainId: string; absorbed: string[] } | undefined> {
    const { scope, domainName } = run;
    const records = await this.store.profiles.getMany(scope, domainName, component.profileIds);
    if (records.length < 2) return undefined;
    const mainId = chooseMain(records, run.config.conflictResolution);
    let main = records.find((record) => record.profileId === mainId)!;
    const others = records.filter((record) => record.profileId !== mainId);
    const absorbed: string[] = [];
    for (let start = 0; start < others.length; start += MERGE_CHUNK) {
      const chunk = others.slice(start, start + MERGE_CHUNK);
      try {
        await this.profileMerge.merge(scope, domainName, mainId, chunk.map((record) => record.profileId), fieldChoices(main, chunk, run.config.conflictResolution));
        absorbed.push(...chunk.map((record) => record.profileId));
      } catch (error) {
        // A profile deleted meanwhile: what is left is looked at again when it next changes. A merge that
        // would take the profile past its size limit (spec §3.15) is left undone, as MergeProfiles refuses it.
        if (!(error instanceof ResourceNotFoundException) && !(error instanceof ProfileTooLarge)) throw error;
      }
      const current = await this.store.profiles.get(scope, domainName, mainId);
      if (!current) break;
      main = current;
    }
    return absorbed.length > 0 ? { mainId, absorbed } : undefined;
  }

  /** Stores the keys of a profile as it is now (after a merge); undefined when it is gone. */
  private async rekey(run: Run, profileId: string) {
    const record = await this.store.profiles.get(run.scope, run.domainName, profileId);
    if (!record) return undefined;
    const keys = this.keysOf(run, record.fields);
    await this.store.transaction((repos) => repos.ruleMatching.putKeys(run.scope, run.domainName, [{ profileId, version: record.version, keys }]));
    return keys;
  }

  private keysOf(run: Run, fields: import('../../storage/ports.js').JsonObject) {
    return ruleKeys(fromDocument(fields), run.config, run.generation, normalizeOptions(run.scope));
  }

  private toGroup(run: Run, component: Component): RuleMatchGroup {
    const matchId = createHash('sha256').update(`${run.domainName}\u0000${component.profileIds.join(',')}`).digest('hex').slice(0, 32);
    return { matchId, ruleLevel: component.ruleLevel, profileIds: component.profileIds, updatedAt: this.clock() };
  }

  private async writeGroups(run: Run, change: Parameters<Store['ruleMatching']['replaceGroups']>[2]): Promise<void> {
    await this.store.transaction(async (repos) => {
      const state = await repos.ruleMatching.getState(run.scope, run.domainName);
      if (state?.generation !== run.generation) throw new RuleRunSuperseded('the rule configuration changed');
      await repos.ruleMatching.replaceGroups(run.scope, run.domainName, change);
    });
  }

  private async setState(run: Run, changes: { status?: 'IN_PROGRESS' | 'ACTIVE'; watermark?: Date }): Promise<void> {
    const updated = await this.store.ruleMatching.updateState(run.scope, run.domainName, run.generation, { ...changes, updatedAt: this.clock() });
    if (!updated) throw new RuleRunSuperseded('the rule configuration changed');
  }

  private async keepGoing(run: Run): Promise<void> {
    if (!(await run.renew())) throw new RuleRunSuperseded('the job lease was lost');
  }

  private run(scope: Scope, state: RuleMatchingState, renew: () => Promise<boolean>): Run {
    return { scope, domainName: state.domainName, generation: state.generation, config: parseRuleConfig(state.config), renew };
  }

  private databaseIndex(run: Run): RuleIndex {
    return {
      keysOf: (profileIds, maxLevel) => this.store.ruleMatching.keysOf(run.scope, run.domainName, profileIds, maxLevel),
      holders: (key, limit) => this.store.ruleMatching.holders(run.scope, run.domainName, key, limit),
    };
  }
}
