import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidatePairs, defaultBlockingRules, type BlockingRule } from './blocking.js';
import { nicknameTable } from './nicknames.js';
import { normalizeRecord } from './normalize.js';
import type { MatchRecord } from './record.js';

const normalized = (records: MatchRecord[]) => records.map((record) => normalizeRecord(record, nicknameTable()));
const pairList = (pairs: Uint32Array): string[] => Array.from({ length: pairs.length / 2 }, (_, k) => `${pairs[2 * k]}-${pairs[2 * k + 1]}`);

test('records sharing any key are paired once, however many keys they share', () => {
  const records = normalized([
    { id: '0', firstName: 'Ann', lastName: 'Smith', birthDate: '1980-01-02', email: 'ann@x.com' },
    { id: '1', firstName: 'Anne', lastName: 'Smyth', birthDate: '1980-01-02', email: 'ann@x.com' },
    { id: '2', firstName: 'Zed', lastName: 'Quist', birthDate: '1950-07-07' },
    { id: '3', firstName: 'Zed', lastName: 'Quist', phone: '+1 206 345 7890' },
  ]);
  const result = candidatePairs(records, defaultBlockingRules(), { maxBlockSize: 100, maxPairsPerRule: 1e9 });
  assert.deepEqual(pairList(result.pairs).sort(), ['0-1', '2-3']);
  assert.equal(result.count, 2);
  assert.ok((result.byRule['birth-date'] ?? 0) >= 1);
  assert.ok(Object.values(result.byRule).reduce((sum, n) => sum + n, 0) > result.count, 'several rules found 0-1');
});

test('a block larger than the cap is skipped and counted', () => {
  const byCity: BlockingRule = { name: 'city', uses: ['location'], key: (r) => r.city };
  const records = normalized(Array.from({ length: 6 }, (_, i) => ({ id: String(i), city: i < 5 ? 'london' : 'leeds' })));
  const result = candidatePairs(records, [byCity], { maxBlockSize: 4, maxPairsPerRule: 1e9 });
  assert.equal(result.count, 0);
  assert.equal(result.skippedBlocks, 1);
  assert.equal(candidatePairs(records, [byCity], { maxBlockSize: 5, maxPairsPerRule: 1e9 }).count, 10);
});

test('a rule over its pair budget drops its largest blocks first, keeping the small telling ones', () => {
  const byCity: BlockingRule = { name: 'city', uses: ['location'], key: (r) => r.city };
  const cities = ['a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'c'];
  const records = normalized(cities.map((city, i) => ({ id: String(i), city })));
  const result = candidatePairs(records, [byCity], { maxBlockSize: 100, maxPairsPerRule: 4 });
  assert.equal(result.count, 1 + 3, 'the blocks of 2 and 3 fit in 4 pairs; the block of 4 (6 pairs) does not');
  assert.equal(result.skippedBlocks, 1);
  assert.equal(candidatePairs(records, [byCity], { maxBlockSize: 100, maxPairsPerRule: 10 }).count, 10);
});

test('comparisons stay a small fraction of all pairs on a varied population', () => {
  const records = normalized(
    Array.from({ length: 2000 }, (_, i) => ({
      id: String(i),
      firstName: `first${i % 97}`,
      lastName: `last${(i * 7) % 389}x`,
      birthDate: `19${String(40 + (i % 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    })),
  );
  const result = candidatePairs(records, defaultBlockingRules(), { maxBlockSize: 1000, maxPairsPerRule: 1e9 });
  assert.ok(result.count < (2000 * 1999) / 2 / 20, `${result.count} pairs`);
});
