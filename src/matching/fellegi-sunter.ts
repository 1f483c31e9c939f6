// Fellegi-Sunter model: u per attribute level from random pairs, m by EM over candidate pairs, weights and probability.
import type { Comparison } from './comparisons.js';
import { LEVEL, LEVEL_COUNT } from './levels.js';
import type { NormalizedRecord } from './record.js';
import { seededRandom } from './random.js';

export interface AttributeModel {
  readonly name: string;
  /** P(level | match) and P(level | non-match), indexed by level code; index 0 (missing) unused. */
  readonly m: readonly number[];
  readonly u: readonly number[];
}

export interface EmResult {
  readonly m: readonly (readonly number[])[];
  /** P(match) for two records drawn at random: expected matches over all n(n-1)/2 pairs. */
  readonly prior: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Comparison vectors: `count` rows of one level code per comparison. */
export interface Vectors {
  readonly levels: Uint8Array;
  readonly count: number;
  readonly width: number;
}

export function compareAll(records: readonly NormalizedRecord[], pairs: Uint32Array, comparisons: readonly Comparison[]): Vectors {
  const count = pairs.length / 2;
  const width = comparisons.length;
  const levels = new Uint8Array(count * width);
  for (let k = 0; k < count; k++) {
    const a = records[pairs[2 * k] ?? 0];
    const b = records[pairs[2 * k + 1] ?? 0];
    if (a === undefined || b === undefined) continue;
    comparisons.forEach((comparison, c) => (levels[k * width + c] = comparison.compare(a, b)));
  }
  return { levels, count, width };
}

/** Level shares over `samples` random distinct pairs, smoothed so that no level has u = 0. */
export function estimateU(records: readonly NormalizedRecord[], comparisons: readonly Comparison[], samples: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const n = records.length;
  const count = n < 2 ? 0 : samples;
  const pairs = new Uint32Array(count * 2);
  for (let k = 0; k < count; k++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    pairs[2 * k] = Math.min(i, j);
    pairs[2 * k + 1] = Math.max(i, j);
  }
  return levelShares(compareAll(records, pairs, comparisons), () => 1, 1 / Math.max(n, 2));
}

/** Weighted share of each non-missing level per comparison, with a floor for unseen levels. */
function levelShares(vectors: Vectors, weight: (row: number) => number, floor: number): number[][] {
  const totals = Array.from({ length: vectors.width }, () => new Array<number>(LEVEL_COUNT).fill(0));
  for (let k = 0; k < vectors.count; k++) {
    const w = weight(k);
    for (let c = 0; c < vectors.width; c++) {
      const level = vectors.levels[k * vectors.width + c] ?? LEVEL.missing;
      const row = totals[c];
      if (row !== undefined) row[level] = (row[level] ?? 0) + w;
    }
  }
  return totals.map((row) => {
    const present = row.slice(1).reduce((sum, value) => sum + value, 0);
    return row.map((value, level) => (level === LEVEL.missing ? 1 : Math.max(floor, present > 0 ? value / present : floor)));
  });
}

/** Distinct comparison vectors and how often each occurs: EM over millions of pairs runs over a few thousand patterns. */
export interface Patterns extends Vectors {
  readonly multiplicity: Float64Array;
}

export function distinctPatterns(vectors: Vectors): Patterns {
  const index = new Map<number, number>();
  const first: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < vectors.count; k++) {
    let key = 0;
    for (let c = 0; c < vectors.width; c++) key = key * LEVEL_COUNT + (vectors.levels[k * vectors.width + c] ?? 0);
    const found = index.get(key);
    if (found === undefined) {
      index.set(key, first.length);
      first.push(k);
      counts.push(1);
    } else counts[found] = (counts[found] ?? 0) + 1;
  }
  const levels = new Uint8Array(first.length * vectors.width);
  first.forEach((row, p) => levels.set(vectors.levels.subarray(row * vectors.width, (row + 1) * vectors.width), p * vectors.width));
  return { levels, count: first.length, width: vectors.width, multiplicity: Float64Array.from(counts) };
}

/** Match weight contribution (log2 Bayes factor) of each comparison's level; missing is neutral. */
export function bayesWeight(m: readonly number[], u: readonly number[], level: number): number {
  if (level === LEVEL.missing) return 0;
  return Math.log2((m[level] ?? 1) / (u[level] ?? 1));
}

export function initialM(width: number): number[][] {
  return Array.from({ length: width }, () => [1, 0.7, 0.15, 0.1, 0.05]);
}

/**
 * EM with u held fixed (estimated from random pairs, so it describes all pairs, not the blocked ones).
 * The prior is therefore over all `totalPairs` pairs, with the pairs blocking left out taken as
 * non-matches; a prior over the candidates alone would let EM call every pair that shares a blocking
 * key a match (the candidates agree on blocked attributes far more often than u says).
 * Stops when no m or prior moves by more than tolerance (the prior relative to itself).
 */
export function estimateM(
  vectors: Vectors,
  u: readonly (readonly number[])[],
  totalPairs: number,
  maxIterations: number,
  tolerance: number,
  fixedM?: readonly (readonly number[])[],
): EmResult {
  const patterns = distinctPatterns(vectors);
  let m: readonly (readonly number[])[] = fixedM ?? initialM(vectors.width);
  let prior = Math.min(0.5, (0.3 * vectors.count) / Math.max(totalPairs, 1));
  const posterior = new Float64Array(patterns.count);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const logPrior = Math.log2(prior / (1 - prior));
    let sum = 0;
    for (let k = 0; k < patterns.count; k++) {
      let weight = logPrior;
      for (let c = 0; c < patterns.width; c++) {
        weight += bayesWeight(m[c] ?? [], u[c] ?? [], patterns.levels[k * patterns.width + c] ?? 0);
      }
      const p = 1 / (1 + 2 ** -weight);
      posterior[k] = p;
      sum += p * (patterns.multiplicity[k] ?? 0);
    }
    const nextPrior = Math.min(Math.max(sum / Math.max(totalPairs, 1), 1e-12), 0.5);
    const nextM = fixedM ?? levelShares(patterns, (k) => (posterior[k] ?? 0) * (patterns.multiplicity[k] ?? 0), 1e-6);
    const change = Math.max(Math.abs(nextPrior - prior) / prior, ...nextM.flatMap((row, c) => row.map((value, l) => Math.abs(value - (m[c]?.[l] ?? 0)))));
    m = nextM;
    prior = nextPrior;
    if (change < tolerance) return { m, prior, iterations: iteration, converged: true };
  }
  return { m, prior, iterations: maxIterations, converged: false };
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}
