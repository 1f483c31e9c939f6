// Messages between the job and its matcher thread: records in as columns, matches and clusters out as typed arrays.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MatchResult, MatchStats, ScoredPair } from '../index.js';
import type { RecordColumns } from './columns.js';

export interface MatcherRequest {
  readonly records: RecordColumns;
}

/** Clusters flattened (cluster k is members[offsets[k] .. offsets[k+1])), matches as parallel arrays. */
export interface CompactMatches {
  readonly offsets: Uint32Array;
  readonly members: Uint32Array;
  readonly left: Uint32Array;
  readonly right: Uint32Array;
  readonly weight: Float64Array;
  readonly probability: Float64Array;
  readonly stats: MatchStats;
}

export type MatcherReply = { readonly ok: true; readonly result: CompactMatches } | { readonly ok: false; readonly message: string };

/** What a job needs of a MatchResult: the clusters, the pairs holding them together, and the stats. */
export type MatchOutcome = Pick<MatchResult, 'clusters' | 'matches' | 'stats'>;

export function toCompact(result: MatchOutcome): CompactMatches {
  const offsets = new Uint32Array(result.clusters.length + 1);
  result.clusters.forEach((cluster, k) => (offsets[k + 1] = (offsets[k] ?? 0) + cluster.length));
  const members = new Uint32Array(offsets[result.clusters.length] ?? 0);
  result.clusters.forEach((cluster, k) => members.set(cluster, offsets[k]));
  const count = result.matches.length;
  const compact = { left: new Uint32Array(count), right: new Uint32Array(count), weight: new Float64Array(count), probability: new Float64Array(count) };
  result.matches.forEach((pair, k) => {
    compact.left[k] = pair.left;
    compact.right[k] = pair.right;
    compact.weight[k] = pair.weight;
    compact.probability[k] = pair.probability;
  });
  return { offsets, members, ...compact, stats: result.stats };
}

/** Back to arrays and objects, with a turn of the event loop every `slice` items (the job's thread serves requests). */
export async function fromCompact(compact: CompactMatches, slice = 50_000): Promise<MatchOutcome> {
  const clusters: number[][] = [];
  for (let k = 0; k + 1 < compact.offsets.length; k++) {
    clusters.push([...compact.members.subarray(compact.offsets[k], compact.offsets[k + 1])]);
    if (k % slice === slice - 1) await nextTurn();
  }
  const matches: ScoredPair[] = [];
  for (let k = 0; k < compact.left.length; k++) {
    matches.push({ left: compact.left[k] ?? 0, right: compact.right[k] ?? 0, weight: compact.weight[k] ?? 0, probability: compact.probability[k] ?? 0 });
    if (k % slice === slice - 1) await nextTurn();
  }
  return { clusters, matches, stats: compact.stats };
}

export function transferList(compact: CompactMatches): ArrayBuffer[] {
  return [compact.offsets, compact.members, compact.left, compact.right, compact.weight, compact.probability].map((array) => array.buffer as ArrayBuffer);
}
