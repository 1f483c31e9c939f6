// Pair precision, recall and F1 of predicted match groups against the true entities.

export interface PairMetrics {
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const pairsIn = (size: number): number => (size * (size - 1)) / 2;

function pairsSharingEntity(members: readonly number[], entities: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const index of members) {
    const entity = entities[index] ?? '';
    counts.set(entity, (counts.get(entity) ?? 0) + 1);
  }
  let pairs = 0;
  for (const count of counts.values()) pairs += pairsIn(count);
  return pairs;
}

/** Every pair inside a predicted group counts as predicted (what GetMatches reports), counted per group. */
export function groupMetrics(groups: readonly (readonly number[])[], entities: readonly string[]): PairMetrics {
  const truePairs = pairsSharingEntity(entities.map((_, i) => i), entities);
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const group of groups) {
    predictedPairs += pairsIn(group.length);
    correctPairs += pairsSharingEntity(group, entities);
  }
  const precision = predictedPairs === 0 ? 0 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 0 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}
