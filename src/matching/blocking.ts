// Blocking: several keys per record; records sharing a key become candidate pairs, de-duplicated.
import type { NormalizedRecord } from './record.js';
import { soundex } from './similarity.js';

export interface BlockingRule {
  readonly name: string;
  /** Comparisons the key is built from: their agreement is forced by the block, so training on it ignores them. */
  readonly uses: readonly string[];
  key(record: NormalizedRecord): string | undefined;
}

export interface CandidatePairs {
  /** Record indexes, interleaved: pair k is (pairs[2k], pairs[2k+1]) with left < right. */
  readonly pairs: Uint32Array;
  readonly count: number;
  /** Pairs each rule produced before de-duplication. */
  readonly byRule: Readonly<Record<string, number>>;
  /** Blocks left out because they exceeded maxBlockSize or the rule's pair budget (a key too common to discriminate). */
  readonly skippedBlocks: number;
}

const year = (r: NormalizedRecord): string | undefined => r.birthDate?.slice(0, 4);
const initial = (value: string | undefined): string | undefined => value?.[0];

function joined(...parts: (string | undefined)[]): string | undefined {
  return parts.every((part) => part !== undefined && part !== '') ? parts.join('|') : undefined;
}

/** Both names' Soundex codes in sorted order, so a record with first and last name swapped shares the key. */
function nameCodes(r: NormalizedRecord): string | undefined {
  const codes = [r.firstName && soundex(r.firstName), r.lastName && soundex(r.lastName)];
  return joined(...codes.sort());
}

export function defaultBlockingRules(): readonly BlockingRule[] {
  return [
    { name: 'surname-soundex+birth-year', uses: ['lastName', 'birthDate'], key: (r) => joined(r.lastName && soundex(r.lastName), year(r)) },
    { name: 'first-soundex+birth-year', uses: ['firstName', 'birthDate'], key: (r) => joined(r.firstName && soundex(r.firstName), year(r)) },
    { name: 'first+surname-soundex', uses: ['firstName', 'lastName'], key: (r) => nameCodes(r) },
    { name: 'surname-prefix+first-initial', uses: ['lastName', 'firstName'], key: (r) => joined(r.lastName?.slice(0, 3), initial(r.firstName)) },
    { name: 'birth-date', uses: ['birthDate'], key: (r) => r.birthDate },
    { name: 'postcode+first-initial', uses: ['location', 'firstName'], key: (r) => joined(r.postalCode, initial(r.firstName)) },
    { name: 'postcode+surname-initial', uses: ['location', 'lastName'], key: (r) => joined(r.postalCode, initial(r.lastName)) },
    { name: 'phone', uses: ['phone'], key: (r) => r.phone },
    { name: 'email-local-part', uses: ['email'], key: (r) => r.email?.split('@')[0] },
    { name: 'first-soundex+city', uses: ['firstName', 'location'], key: (r) => joined(r.firstName && soundex(r.firstName), r.city) },
    { name: 'surname-soundex+city', uses: ['lastName', 'location'], key: (r) => joined(r.lastName && soundex(r.lastName), r.city) },
    { name: 'account-number', uses: ['accountNumber'], key: (r) => r.accountNumber },
  ];
}

function blocksOf(records: readonly NormalizedRecord[], rule: BlockingRule): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  records.forEach((record, index) => {
    const key = rule.key(record);
    if (key === undefined) return;
    const block = blocks.get(key);
    if (block === undefined) blocks.set(key, [index]);
    else block.push(index);
  });
  return blocks;
}

/** A growable list of pair ids (left * n + right); a Set would stop at 2^24 entries, short of a 1M-profile domain. */
class PairIds {
  private ids = new Float64Array(1024);
  length = 0;
  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Float64Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
  sortedUnique(): Float64Array {
    const sorted = this.ids.subarray(0, this.length).sort();
    let kept = 0;
    for (let k = 0; k < sorted.length; k++) {
      if (k === 0 || sorted[k] !== sorted[kept - 1]) sorted[kept++] = sorted[k] ?? 0;
    }
    return sorted.subarray(0, kept);
  }
}

/** Bounds on the pairs blocking may produce: no block above maxBlockSize, no rule above maxPairsPerRule. */
export interface BlockingLimits {
  readonly maxBlockSize: number;
  readonly maxPairsPerRule: number;
}

const pairsIn = (size: number): number => (size * (size - 1)) / 2;

/**
 * The largest block size whose blocks (with all smaller ones) stay within the rule's pair budget: on a
 * large domain a key like "first-name sound + birth year" makes blocks of thousands, and those pairs
 * say least (the key is common); the rule keeps its small, telling blocks and drops the largest.
 */
function sizeCap(blocks: Iterable<number[]>, limits: BlockingLimits): number {
  const counts = new Map<number, number>();
  for (const block of blocks) if (block.length > 1 && block.length <= limits.maxBlockSize) counts.set(block.length, (counts.get(block.length) ?? 0) + 1);
  let pairs = 0;
  let cap = 1;
  for (const size of [...counts.keys()].sort((a, b) => a - b)) {
    pairs += pairsIn(size) * (counts.get(size) ?? 0);
    if (pairs > limits.maxPairsPerRule) break;
    cap = size;
  }
  return cap;
}

export function candidatePairs(records: readonly NormalizedRecord[], rules: readonly BlockingRule[], limits: BlockingLimits): CandidatePairs {
  const ids = new PairIds();
  const byRule: Record<string, number> = {};
  let skippedBlocks = 0;
  const n = records.length;
  for (const rule of rules) {
    let produced = 0;
    const blocks = blocksOf(records, rule);
    const cap = sizeCap(blocks.values(), limits);
    for (const block of blocks.values()) {
      if (block.length > cap) {
        skippedBlocks++;
        continue;
      }
      for (let i = 0; i < block.length; i++) {
        for (let j = i + 1; j < block.length; j++) ids.push((block[i] ?? 0) * n + (block[j] ?? 0));
      }
      produced += pairsIn(block.length);
    }
    byRule[rule.name] = produced;
  }
  const unique = ids.sortedUnique();
  const pairs = new Uint32Array(unique.length * 2);
  unique.forEach((id, k) => {
    pairs[2 * k] = Math.floor(id / n);
    pairs[2 * k + 1] = id % n;
  });
  return { pairs, count: unique.length, byRule, skippedBlocks };
}
