// Turns the matcher's clusters into match groups: member profile ids (sorted) and a ConfidenceScore,
// the smallest probability among the matched pairs that hold the group together (its weakest link).
import type { MatchResult } from '../../matching/index.js';

export interface MatchGroup {
  readonly profileIds: readonly string[];
  readonly confidenceScore: number;
}

export function matchGroups(ids: readonly string[], result: Pick<MatchResult, 'clusters' | 'matches'>): MatchGroup[] {
  const clusterOf = new Map<number, number>();
  result.clusters.forEach((members, cluster) => members.forEach((index) => clusterOf.set(index, cluster)));
  const weakest = new Array<number>(result.clusters.length).fill(1);
  for (const pair of result.matches) {
    const cluster = clusterOf.get(pair.left);
    if (cluster === undefined || cluster !== clusterOf.get(pair.right)) continue;
    weakest[cluster] = Math.min(weakest[cluster] ?? 1, pair.probability);
  }
  return result.clusters.map((members, cluster) => ({
    profileIds: members.map((index) => ids[index] ?? '').sort(),
    confidenceScore: weakest[cluster] ?? 1,
  }));
}
