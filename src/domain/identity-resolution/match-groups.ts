// Turns the matcher's clusters into match groups: member profile ids (sorted) and a ConfidenceScore,
// the smallest probability among the matched pairs that hold the group together (its weakest link).
// One computation, driven two ways: all at once in a matcher thread, or on the thread that serves the
// API with a turn of the event loop after every slice of work.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MatchResult } from '../../matching/index.js';

export interface MatchGroup {
  readonly profileIds: readonly string[];
  readonly confidenceScore: number;
}

type Clustered = Pick<MatchResult, 'clusters' | 'matches'>;

const SLICE = 20_000;

/** Yields after each slice of about SLICE items of work; returns the groups. */
function* groupSteps(ids: readonly string[], result: Clustered): Generator<void, MatchGroup[]> {
  let work = 0;
  const step = function* (amount: number): Generator<void> {
    work += amount;
    if (work >= SLICE) {
      work = 0;
      yield;
    }
  };
  const clusterOf = new Int32Array(ids.length).fill(-1);
  for (const [cluster, members] of result.clusters.entries()) {
    for (const index of members) clusterOf[index] = cluster;
    yield* step(members.length);
  }
  const weakest = new Float64Array(result.clusters.length).fill(1);
  for (const pair of result.matches) {
    const cluster = clusterOf[pair.left] ?? -1;
    if (cluster >= 0 && cluster === clusterOf[pair.right]) weakest[cluster] = Math.min(weakest[cluster]!, pair.probability);
    yield* step(1);
  }
  const groups: MatchGroup[] = [];
  for (const [cluster, members] of result.clusters.entries()) {
    groups.push({ profileIds: members.map((index) => ids[index] ?? '').sort(), confidenceScore: weakest[cluster]! });
    yield* step(members.length);
  }
  return groups;
}

/** On a thread that serves requests: a turn of the event loop between slices. */
export async function matchGroups(ids: readonly string[], result: Clustered): Promise<MatchGroup[]> {
  const steps = groupSteps(ids, result);
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    await nextTurn();
  }
}

/** On a thread of its own: straight through. */
export function matchGroupsAtOnce(ids: readonly string[], result: Clustered): MatchGroup[] {
  const steps = groupSteps(ids, result);
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}
