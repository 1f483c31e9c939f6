// The auto-merge decision for one match group (spec §3.9), pure so that the job and GetAutoMergingPreview
// decide alike. Criteria apply in priority order, each on the outcome of the previous ones: members (or
// already-joined clusters) whose values of every attribute of a criterion are present and equal after
// normalization join. Each cluster of two or more becomes one merge into its winner: RECENCY ranks by the
// newest SourceLastUpdatedTimestamp of the profile's values, else its last update; SOURCE ranks the
// profiles holding objects of SourceName first, then by recency. The cluster's merged fields (for the
// next criterion) come from the same field rule MergeProfiles applies.
import type { NormalizeOptions } from '../keys/normalize.js';
import type { FieldSources, ProfileFields } from '../profiles/profile.js';
import { mergeFields, type MergeSide } from '../profiles/merge-fields.js';
import { decodeSource } from '../ingestion/field-precedence.js';
import type { AutoMergeSettings } from './matching-settings.js';
import { criterionValue } from './merge-attributes.js';

export interface MergeCandidate {
  readonly profileId: string;
  readonly fields: ProfileFields;
  readonly sources: FieldSources;
  readonly lastUpdatedAt: Date;
  /** Holds objects of the SOURCE model's SourceName. */
  readonly fromSource: boolean;
}

/** One merge: the others into the main profile, others in rank order. */
export interface PlannedMerge {
  readonly mainId: string;
  readonly mergedIds: readonly string[];
}

interface Cluster {
  /** Rank order: the winner first. */
  readonly members: MergeCandidate[];
  fields: ProfileFields;
}

const NO_CHOICES = { fields: {}, attributes: {} } as const;

/** The merges of one group's existing members (a group below the minimum confidence merges nothing). */
export function planGroupMerges(
  members: readonly MergeCandidate[],
  confidenceScore: number,
  settings: AutoMergeSettings,
  options: NormalizeOptions,
): PlannedMerge[] {
  if (settings.minConfidence !== undefined && confidenceScore < settings.minConfidence) return [];
  const order = rankOrder(settings);
  let clusters: Cluster[] = [...members].sort(order).map((member) => ({ members: [member], fields: member.fields }));
  for (const criterion of settings.criteria) {
    if (clusters.length < 2) break;
    const byValue = new Map<string, Cluster[]>();
    const next: Cluster[] = [];
    for (const cluster of clusters) {
      const value = criterionValue(cluster.fields, criterion, options);
      if (value === undefined) {
        next.push(cluster);
        continue;
      }
      const same = byValue.get(value);
      if (same) same.push(cluster);
      else byValue.set(value, [cluster]);
    }
    for (const same of byValue.values()) next.push(same.length === 1 ? same[0]! : join(same, order));
    clusters = next;
  }
  return clusters
    .filter((cluster) => cluster.members.length > 1)
    .map((cluster) => ({ mainId: cluster.members[0]!.profileId, mergedIds: cluster.members.slice(1).map((member) => member.profileId) }));
}

function join(clusters: readonly Cluster[], order: (a: MergeCandidate, b: MergeCandidate) => number): Cluster {
  const members = clusters.flatMap((cluster) => cluster.members).sort(order);
  const [main, ...others] = members.map(side);
  return { members, fields: mergeFields(main!, others, NO_CHOICES).fields };
}

function side(member: MergeCandidate): MergeSide {
  return { profileId: member.profileId, fields: member.fields, sources: member.sources };
}

/** The newest SourceLastUpdatedTimestamp among the profile's values, else its last update (epoch ms). */
export function recencyOf(member: MergeCandidate): number {
  let newest: number | undefined;
  for (const recorded of Object.values(member.sources)) {
    const timestamp = decodeSource(recorded)?.timestamp;
    if (timestamp !== undefined && Number.isFinite(timestamp) && (newest === undefined || timestamp > newest)) newest = timestamp;
  }
  return newest ?? member.lastUpdatedAt.getTime();
}

function rankOrder(settings: AutoMergeSettings): (a: MergeCandidate, b: MergeCandidate) => number {
  const bySource = settings.conflict.model === 'SOURCE';
  return (a, b) => {
    if (bySource && a.fromSource !== b.fromSource) return a.fromSource ? -1 : 1;
    const recency = recencyOf(b) - recencyOf(a);
    if (recency !== 0) return recency;
    return a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0;
  };
}
