// Auto-merge over match groups (spec §3.9): loads each group's members as they are now (profiles deleted or
// merged away since the job are left out), plans the merges with auto-merge-plan.ts, and — for a job —
// applies them through MergeProfiles' own code, one transaction per merge that also records the job's
// NumberOfMergesDone. A rerun after a dead worker plans again from the profiles as they are: what was
// merged is gone, so nothing merges twice.
import type { IdentityResolutionJobRecord, Repositories, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../clock.js';
import type { ProfileMerge } from '../profiles/profile-merge.js';
import { ProfileTooLarge } from '../errors.js';
import { fromDocument } from '../profiles/profile-document.js';
import { normalizeOptions } from '../profiles/profile-service.js';
import type { AutoMergeSettings } from './matching-settings.js';
import { planGroupMerges, type MergeCandidate, type PlannedMerge } from './auto-merge-plan.js';

export interface GroupToMerge {
  readonly profileIds: readonly string[];
  readonly confidenceScore: number;
}

export interface MergePlan {
  readonly merges: readonly PlannedMerge[];
  /** Groups with two or more existing members. */
  readonly groups: number;
  /** Distinct existing profiles in those groups. */
  readonly profiles: number;
  /** Profiles that would be merged into another (the sum of every merge's absorbed profiles). */
  readonly profilesMerged: number;
}

/** MergeProfiles takes at most 20 profiles to merge per call. */
const MERGE_BATCH = 20;
const READ_BATCH = 500;
const NO_CHOICES = { fields: {}, attributes: {} } as const;

export async function planMerges(store: Store, scope: Scope, domainName: string, groups: readonly GroupToMerge[], settings: AutoMergeSettings): Promise<MergePlan> {
  const ids = [...new Set(groups.flatMap((group) => group.profileIds))];
  const candidates = await loadCandidates(store, scope, domainName, ids, settings);
  const options = normalizeOptions(scope);
  const merges: PlannedMerge[] = [];
  let groupCount = 0;
  const seen = new Set<string>();
  for (const group of groups) {
    const members = group.profileIds.flatMap((id) => candidates.get(id) ?? []);
    if (members.length < 2) continue;
    groupCount++;
    for (const member of members) seen.add(member.profileId);
    merges.push(...planGroupMerges(members, group.confidenceScore, settings, options));
  }
  return { merges, groups: groupCount, profiles: seen.size, profilesMerged: merges.reduce((sum, merge) => sum + merge.mergedIds.length, 0) };
}

/**
 * Applies planned merges for a job; each merge and the job's new NumberOfMergesDone commit together.
 * `renew` runs before every merge and throws when the job's lease is lost. Returns the job as last written.
 */
export async function applyMerges(
  store: Store,
  profileMerge: ProfileMerge,
  scope: Scope,
  merges: readonly PlannedMerge[],
  job: IdentityResolutionJobRecord,
  clock: Clock,
  renew: () => Promise<void>,
): Promise<IdentityResolutionJobRecord> {
  let current = job;
  for (const merge of merges) {
    for (let start = 0; start < merge.mergedIds.length; start += MERGE_BATCH) {
      await renew();
      const batch = merge.mergedIds.slice(start, start + MERGE_BATCH);
      try {
        current = await store.transaction(async (repos) => {
          const merged = await mergeExisting(repos, profileMerge, scope, job.domainName, merge.mainId, batch);
          if (merged === 0) return current;
          const next = { ...current, mergesDone: current.mergesDone + merged, lastUpdatedAt: clock() };
          await repos.identityResolution.putJob(scope, next);
          return next;
        });
      } catch (error) {
        // A merge whose profile would pass the size limit (spec §3.15) is left undone, like MergeProfiles refuses it.
        if (!(error instanceof ProfileTooLarge)) throw error;
      }
    }
  }
  return current;
}

/** Merges those of `others` that still exist into `mainId`, if it still exists; 0 otherwise. */
async function mergeExisting(repos: Repositories, profileMerge: ProfileMerge, scope: Scope, domainName: string, mainId: string, others: readonly string[]): Promise<number> {
  const existing = new Set((await repos.profiles.getMany(scope, domainName, [mainId, ...others])).map((profile) => profile.profileId));
  const present = others.filter((id) => existing.has(id));
  if (!existing.has(mainId) || present.length === 0) return 0;
  return profileMerge.mergeWithin(repos, scope, domainName, mainId, present, NO_CHOICES);
}

async function loadCandidates(store: Store, scope: Scope, domainName: string, ids: readonly string[], settings: AutoMergeSettings): Promise<Map<string, MergeCandidate>> {
  const sourceName = settings.conflict.model === 'SOURCE' ? settings.conflict.sourceName : undefined;
  const fromSource = new Set(sourceName === undefined ? [] : await store.profileObjects.profileIdsOfType(scope, domainName, sourceName));
  const candidates = new Map<string, MergeCandidate>();
  for (let start = 0; start < ids.length; start += READ_BATCH) {
    for (const record of await store.profiles.getMany(scope, domainName, ids.slice(start, start + READ_BATCH))) {
      candidates.set(record.profileId, {
        profileId: record.profileId,
        fields: fromDocument(record.fields),
        sources: record.sources,
        lastUpdatedAt: record.lastUpdatedAt,
        fromSource: fromSource.has(record.profileId),
      });
    }
  }
  return candidates;
}
