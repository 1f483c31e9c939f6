// Turns the matcher's clusters into match groups: member profile ids (sorted) and a ConfidenceScore,
// the smallest probability among the matched pairs that hold the group together (its weakest link).
// Runs on the job's main thread, where the API is served too: a large result (a million profiles) is
// worked through in slices with a turn of the event loop between them.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MatchResult } from '../../matching/index.js';

export interface MatchGroup {
  readonly profileIds: readonly string[];
  readonly confidenceScore: number;
}

const SLICE = 20_000;

export async function matchGroups(ids: readonly string[], result: Pick<MatchResult, 'clusters' | 'matches'>): Promise<MatchGroup[]> {
  const clusterOf = new Int32Array(ids.length).fill(-1);
  let work = 0;
  const step = async (amount: number) => {
    work += amount;
    if (work >= SLICE) {
      work = 0;
      await nextTurn();
    }
  };
  for (const [cluster, members] of result.clusters.entries()) {
    for (const index of members) clusterOf[index] = cluster;
    await step(members.length);
  }
  const weakest = new Float64Array(result.clusters.length).fill(1);
  for (const pair of result.matches) {
    const cluster = clusterOf[pair.left] ?? -1;
    if (cluster >= 0 && cluster === clusterOf[pair.right]) weakest[cluster] = Math.min(weakest[cluster]!, pair.probability);
    await step(1);
  }
  const groups: MatchGroup[] = [];
  for (const [cluster, members] of result.clusters.entries()) {
    groups.push({ profileIds: members.map((index) => ids[index] ?? '').sort(), confidenceScore: weakest[cluster]! });
    await step(members.length);
  }
  return groups;
}
