// Explains one pair's score: which attributes agreed at which level, and the weight each added.
import { LEVEL_NAMES } from './levels.js';
import type { NormalizedRecord } from './record.js';
import { contributions, priorWeight, scorePair, type MatchModel } from './score.js';

export interface PairExplanation {
  readonly probability: number;
  readonly weight: number;
  readonly priorWeight: number;
  readonly attributes: readonly {
    readonly name: string;
    readonly level: string;
    readonly weight: number;
    readonly termFrequencyAdjustment: number;
  }[];
}

export function explainPair(model: MatchModel, a: NormalizedRecord, b: NormalizedRecord): PairExplanation {
  const { weight, probability } = scorePair(model, a, b);
  return {
    probability,
    weight,
    priorWeight: priorWeight(model),
    attributes: contributions(model, a, b).map((part) => ({
      name: part.name,
      level: LEVEL_NAMES[part.level] ?? String(part.level),
      weight: part.weight,
      termFrequencyAdjustment: part.termFrequencyAdjustment,
    })),
  };
}

/** One line per attribute, for a log or the CLI: `lastName  exact  +9.81 (tf -1.20)`. */
export function formatExplanation(explanation: PairExplanation): string {
  const lines = explanation.attributes.map((part) => {
    const tf = part.termFrequencyAdjustment === 0 ? '' : ` (tf ${part.termFrequencyAdjustment.toFixed(2)})`;
    return `${part.name.padEnd(14)} ${part.level.padEnd(9)} ${part.weight >= 0 ? '+' : ''}${part.weight.toFixed(2)}${tf}`;
  });
  lines.push(`prior ${explanation.priorWeight.toFixed(2)}, total ${explanation.weight.toFixed(2)}, probability ${explanation.probability.toFixed(4)}`);
  return lines.join('\n');
}
