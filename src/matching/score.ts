// Scores one compared pair with a trained model: per-attribute weights (with term-frequency adjustment) and probability.
import type { Comparison } from './comparisons.js';
import { bayesWeight, probabilityOf, type AttributeModel, type Vectors } from './fellegi-sunter.js';
import { LEVEL } from './levels.js';
import type { NormalizedRecord } from './record.js';
import type { TermFrequencies } from './term-frequency.js';

export interface MatchModel {
  readonly comparisons: readonly Comparison[];
  readonly attributes: readonly AttributeModel[];
  /** Prior match probability of two random records (from EM); u is over random pairs too. */
  readonly prior: number;
  readonly termFrequencies: TermFrequencies;
  /** Smallest frequency used, 1 / records: a value seen once is as rare as the data can show. */
  readonly minFrequency: number;
}

export interface AttributeContribution {
  readonly name: string;
  readonly level: number;
  readonly weight: number;
  readonly termFrequencyAdjustment: number;
}

/** log2(u_exact / tf(value)): a common value's exact agreement says less than the average one. */
function termFrequencyAdjustment(model: MatchModel, index: number, a: NormalizedRecord, level: number): number {
  const comparison = model.comparisons[index];
  const field = comparison?.termFrequencyField;
  if (comparison === undefined || field === undefined || level !== LEVEL.exact) return 0;
  const value = a[field];
  const frequency = value === undefined ? undefined : model.termFrequencies.get(comparison.name)?.get(value);
  const uExact = model.attributes[index]?.u[LEVEL.exact];
  if (frequency === undefined || uExact === undefined) return 0;
  return Math.log2(uExact / Math.max(frequency, model.minFrequency));
}

export function contributions(model: MatchModel, a: NormalizedRecord, b: NormalizedRecord): AttributeContribution[] {
  return model.comparisons.map((comparison, index) => {
    const level = comparison.compare(a, b);
    const attribute = model.attributes[index];
    const weight = attribute === undefined ? 0 : bayesWeight(attribute.m, attribute.u, level);
    return { name: comparison.name, level, weight, termFrequencyAdjustment: termFrequencyAdjustment(model, index, a, level) };
  });
}

export function priorWeight(model: MatchModel): number {
  return Math.log2(model.prior / (1 - model.prior));
}

/**
 * The same score as scorePair, from levels already compared (row `row` of `vectors`): the job compares
 * each candidate pair once. Sums in scorePair's order, so both give the same number.
 */
export function scoreCompared(model: MatchModel, a: NormalizedRecord, vectors: Vectors, row: number): { weight: number; probability: number } {
  let weight = priorWeight(model);
  for (let index = 0; index < vectors.width; index++) {
    const level = vectors.levels[row * vectors.width + index] ?? LEVEL.missing;
    const attribute = model.attributes[index];
    const part = attribute === undefined ? 0 : bayesWeight(attribute.m, attribute.u, level);
    weight += part + termFrequencyAdjustment(model, index, a, level);
  }
  return { weight, probability: probabilityOf(weight) };
}

export function scorePair(model: MatchModel, a: NormalizedRecord, b: NormalizedRecord): { weight: number; probability: number } {
  let weight = priorWeight(model);
  for (const part of contributions(model, a, b)) weight += part.weight + part.termFrequencyAdjustment;
  return { weight, probability: probabilityOf(weight) };
}
