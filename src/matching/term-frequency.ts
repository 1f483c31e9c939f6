// Value frequencies for term-frequency adjustment: an exact match on a rare name weighs more than on a common one.
import type { Comparison } from './comparisons.js';
import type { NormalizedRecord } from './record.js';

/** Per comparison name: value -> share of the records (with a value) that carry it. */
export type TermFrequencies = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function termFrequencies(records: readonly NormalizedRecord[], comparisons: readonly Comparison[]): TermFrequencies {
  const tables = new Map<string, Map<string, number>>();
  for (const comparison of comparisons) {
    const field = comparison.termFrequencyField;
    if (field === undefined) continue;
    const counts = new Map<string, number>();
    let total = 0;
    for (const record of records) {
      const value = record[field];
      if (value === undefined) continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      total++;
    }
    for (const [value, count] of counts) counts.set(value, count / total);
    tables.set(comparison.name, counts);
  }
  return tables;
}
