// The matcher pipeline: normalize -> block -> compare -> learn u (sampling) and m (EM) -> score -> cluster.
import { candidatePairs, defaultBlockingRules, type BlockingRule } from './blocking.js';
import { connectedComponents, type ScoredPair } from './cluster.js';
import { defaultComparisons, type Comparison } from './comparisons.js';
import { explainPair, type PairExplanation } from './explain.js';
import { compareAll, estimateU } from './fellegi-sunter.js';
import { nicknameTable } from './nicknames.js';
import { normalizeRecord } from './normalize.js';
import type { MatchRecord } from './record.js';
import { scoreCompared, type MatchModel } from './score.js';
import { termFrequencies } from './term-frequency.js';
import { trainModel } from './training.js';

export interface MatcherConfig {
  /** Match probability at or above which a pair is a match and joins a cluster. */
  readonly threshold: number;
  readonly uSamples: number;
  readonly seed: number;
  readonly maxBlockSize: number;
  /** Pairs one blocking rule may produce: the larger of `atLeast` and `perRecord` times the records. */
  readonly rulePairBudget: { readonly atLeast: number; readonly perRecord: number };
  readonly emMaxIterations: number;
  readonly emTolerance: number;
  readonly maxTrainingPairsPerRule: number;
  readonly comparisons: readonly Comparison[];
  readonly blockingRules: readonly BlockingRule[];
}

export function defaultMatcherConfig(): MatcherConfig {
  return {
    threshold: 0.9,
    uSamples: 200_000,
    seed: 20_200_815,
    maxBlockSize: 1_000,
    rulePairBudget: { atLeast: 1_000_000, perRecord: 1 },
    emMaxIterations: 100,
    emTolerance: 1e-5,
    maxTrainingPairsPerRule: 200_000,
    comparisons: defaultComparisons(),
    blockingRules: defaultBlockingRules(),
  };
}

export interface MatchStats {
  readonly records: number;
  readonly pairsCompared: number;
  readonly pairsByRule: Readonly<Record<string, number>>;
  readonly skippedBlocks: number;
  readonly emIterations: number;
  readonly emConverged: boolean;
  /** Wall-clock milliseconds per stage. */
  readonly milliseconds: Readonly<Record<'normalize' | 'block' | 'compare' | 'train' | 'score' | 'cluster', number>>;
}

export interface MatchResult {
  readonly model: MatchModel;
  /** Candidate pairs at or above the threshold, indexes into the input. */
  readonly matches: readonly ScoredPair[];
  /** Record indexes grouped into match groups (connected components of `matches`). */
  readonly clusters: readonly (readonly number[])[];
  readonly stats: MatchStats;
  explain(left: number, right: number): PairExplanation;
}

export function findMatches(records: readonly MatchRecord[], overrides: Partial<MatcherConfig> = {}): MatchResult {
  const config = { ...defaultMatcherConfig(), ...overrides };
  const clock = stopwatch();
  const nicknames = nicknameTable();
  const normalized = records.map((record) => normalizeRecord(record, nicknames));
  const normalizeMs = clock();
  const maxPairsPerRule = Math.max(config.rulePairBudget.atLeast, config.rulePairBudget.perRecord * records.length);
  const candidates = candidatePairs(normalized, config.blockingRules, { maxBlockSize: config.maxBlockSize, maxPairsPerRule });
  const blockMs = clock();
  const vectors = compareAll(normalized, candidates.pairs, config.comparisons);
  const compareMs = clock();
  const u = estimateU(normalized, config.comparisons, config.uSamples, config.seed);
  const em = trainModel(normalized, candidates, vectors, config.comparisons, config.blockingRules, u, {
    maxIterations: config.emMaxIterations,
    tolerance: config.emTolerance,
    maxPairsPerRule: config.maxTrainingPairsPerRule,
    minPairsPerRule: 20,
  });
  const model: MatchModel = {
    comparisons: config.comparisons,
    attributes: config.comparisons.map((comparison, c) => ({ name: comparison.name, m: em.m[c] ?? [], u: u[c] ?? [] })),
    prior: em.prior,
    termFrequencies: termFrequencies(normalized, config.comparisons),
    minFrequency: 1 / Math.max(records.length, 1),
  };
  const trainMs = clock();
  const matches: ScoredPair[] = [];
  for (let k = 0; k < candidates.count; k++) {
    const left = candidates.pairs[2 * k] ?? 0;
    const right = candidates.pairs[2 * k + 1] ?? 0;
    const a = normalized[left];
    if (a === undefined) continue;
    const score = scoreCompared(model, a, vectors, k);
    if (score.probability >= config.threshold) matches.push({ left, right, ...score });
  }
  const scoreMs = clock();
  const clusters = connectedComponents(records.length, matches, config.threshold);
  const clusterMs = clock();
  return {
    model,
    matches,
    clusters,
    stats: {
      records: records.length,
      pairsCompared: candidates.count,
      pairsByRule: candidates.byRule,
      skippedBlocks: candidates.skippedBlocks,
      emIterations: em.iterations,
      emConverged: em.converged,
      milliseconds: { normalize: normalizeMs, block: blockMs, compare: compareMs, train: trainMs, score: scoreMs, cluster: clusterMs },
    },
    explain: (left, right) => {
      const a = normalized[left];
      const b = normalized[right];
      if (a === undefined || b === undefined) throw new RangeError(`no record at ${left} or ${right}`);
      return explainPair(model, a, b);
    },
  };
}

/** Each call returns the milliseconds since the previous one (or since the stopwatch started). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = Math.round(now - last);
    last = now;
    return elapsed;
  };
}
