// Learns m the way Splink does: EM on the pairs of each blocking rule, ignoring the comparisons its key uses, then the prior.
import type { BlockingRule, CandidatePairs } from './blocking.js';
import type { Comparison } from './comparisons.js';
import { estimateM, initialM, type EmResult, type Vectors } from './fellegi-sunter.js';
import { LEVEL, LEVEL_COUNT } from './levels.js';
import type { NormalizedRecord } from './record.js';

export interface TrainingConfig {
  readonly maxIterations: number;
  readonly tolerance: number;
  /** Pairs per rule kept for its EM (an even stride through them); bounds training time on large domains. */
  readonly maxPairsPerRule: number;
  /** Rules with fewer pairs say too little to train on. */
  readonly minPairsPerRule: number;
}

/** Rows where the rule's key agrees, with the comparisons the key uses set to missing (neutral). */
function ruleVectors(normalized: readonly NormalizedRecord[], candidates: CandidatePairs, vectors: Vectors, rule: BlockingRule, masked: readonly boolean[], maxPairs: number): Vectors {
  const keys = normalized.map((record) => rule.key(record));
  const rows: number[] = [];
  for (let k = 0; k < candidates.count; k++) {
    const key = keys[candidates.pairs[2 * k] ?? 0];
    if (key !== undefined && key === keys[candidates.pairs[2 * k + 1] ?? 0]) rows.push(k);
  }
  const stride = Math.max(1, Math.ceil(rows.length / maxPairs));
  const kept = rows.filter((_, index) => index % stride === 0);
  const levels = new Uint8Array(kept.length * vectors.width);
  kept.forEach((row, k) => {
    for (let c = 0; c < vectors.width; c++) levels[k * vectors.width + c] = masked[c] ? LEVEL.missing : (vectors.levels[row * vectors.width + c] ?? 0);
  });
  return { levels, count: kept.length, width: vectors.width };
}

/**
 * One EM per blocking rule: within a rule's pairs, agreement on the key's own attributes is forced,
 * so only the other attributes' m is learned there (a joint EM over all candidates let namesakes
 * pass for matches on historical_50k: m(birthDate exact) came out 0.34). Each attribute's m is the
 * average over the rules that learned it, weighted by their expected matches; then the prior over
 * all pairs is fitted with m and u fixed.
 */
export function trainModel(
  normalized: readonly NormalizedRecord[],
  candidates: CandidatePairs,
  vectors: Vectors,
  comparisons: readonly Comparison[],
  rules: readonly BlockingRule[],
  u: readonly (readonly number[])[],
  config: TrainingConfig,
): EmResult {
  const sums = comparisons.map(() => new Array<number>(LEVEL_COUNT).fill(0));
  const weights = comparisons.map(() => 0);
  let iterations = 0;
  let converged = true;
  for (const rule of rules) {
    const masked = comparisons.map((comparison) => rule.uses.includes(comparison.name));
    const subset = ruleVectors(normalized, candidates, vectors, rule, masked, config.maxPairsPerRule);
    if (subset.count < config.minPairsPerRule) continue;
    const em = estimateM(subset, u, subset.count, config.maxIterations, config.tolerance);
    iterations += em.iterations;
    converged &&= em.converged;
    const expectedMatches = em.prior * subset.count;
    comparisons.forEach((_, c) => {
      if (masked[c]) return;
      em.m[c]?.forEach((value, level) => (sums[c]![level] = (sums[c]![level] ?? 0) + value * expectedMatches));
      weights[c] = (weights[c] ?? 0) + expectedMatches;
    });
  }
  const fallback = initialM(comparisons.length);
  const m = sums.map((row, c) => {
    const weight = weights[c] ?? 0;
    return weight > 0 ? row.map((value, level) => (level === LEVEL.missing ? 1 : Math.max(1e-6, value / weight))) : (fallback[c] ?? []);
  });
  const totalPairs = (normalized.length * (normalized.length - 1)) / 2;
  const global = estimateM(vectors, u, totalPairs, config.maxIterations, config.tolerance, m);
  return { m, prior: global.prior, iterations: iterations + global.iterations, converged: converged && global.converged };
}
