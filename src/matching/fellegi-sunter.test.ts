import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMatches } from './engine.js';
import { LEVEL } from './levels.js';
import type { MatchRecord } from './record.js';
import { seededRandom } from './random.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'to', 'ne', 'su', 'vi', 'da', 'ber', 'gan', 'hol', 'jus', 'wen', 'zor'];
/** Two- and three-syllable names: 225 first names and 3,375 surnames, so a shared name is informative. */
const FIRST = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => a + b));
const LAST = FIRST.flatMap((ab) => SYLLABLES.map((c) => ab + c));

function pick<T>(values: readonly T[], random: () => number): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('empty list');
  return value;
}

function typo(value: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (value.length - 1));
  return value.slice(0, at) + value.slice(at + 1);
}

/** 300 people; a third get a duplicate with a typo in one name and a missing e-mail. */
function syntheticSet(seed: number): { records: MatchRecord[]; entity: string[] } {
  const random = seededRandom(seed);
  const records: MatchRecord[] = [];
  const entity: string[] = [];
  for (let person = 0; person < 300; person++) {
    const firstName = pick(FIRST, random);
    const lastName = pick(LAST, random);
    const birthDate = `${1940 + Math.floor(random() * 60)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`;
    const base = { firstName, lastName, birthDate, email: `${firstName}.${lastName}${person}@mail.test`, postalCode: String(10_000 + Math.floor(random() * 200)) };
    records.push({ id: `p${person}`, ...base });
    entity.push(String(person));
    if (person % 3 === 0) {
      records.push({ id: `p${person}d`, ...base, lastName: typo(lastName, random), email: '' });
      entity.push(String(person));
    }
  }
  return { records, entity };
}

test('EM converges and learns that matches agree far more often than random pairs', () => {
  const { records } = syntheticSet(7);
  const result = findMatches(records, { uSamples: 20_000 });
  assert.equal(result.stats.emConverged, true);
  assert.ok(result.stats.emIterations > 1);
  const birthDate = result.model.attributes.find((a) => a.name === 'birthDate');
  assert.ok(birthDate !== undefined);
  const m = birthDate.m[LEVEL.exact] ?? 0;
  const u = birthDate.u[LEVEL.exact] ?? 1;
  assert.ok(m > 0.9, `m(birthDate exact) = ${m}`);
  assert.ok(u < 0.01, `u(birthDate exact) = ${u}`);
  const expectedPrior = 100 / ((records.length * (records.length - 1)) / 2);
  assert.ok(result.model.prior > expectedPrior / 3 && result.model.prior < expectedPrior * 3, `prior ${result.model.prior}`);
});

test('the synthetic duplicates are found, each pair explains itself, and the result is reproducible', () => {
  const { records, entity } = syntheticSet(11);
  const result = findMatches(records, { uSamples: 20_000 });
  const correct = result.matches.filter((pair) => entity[pair.left] === entity[pair.right]).length;
  assert.ok(correct >= 95, `${correct} of 100 duplicates found`);
  assert.ok(result.matches.length - correct <= 2, `${result.matches.length - correct} false matches`);
  assert.ok(result.clusters.every((cluster) => cluster.length === 2));
  const first = result.matches[0];
  assert.ok(first !== undefined);
  const explanation = result.explain(first.left, first.right);
  assert.ok(Math.abs(explanation.probability - first.probability) < 1e-12);
  assert.equal(explanation.attributes.find((a) => a.name === 'birthDate')?.level, 'exact');
  assert.ok((explanation.attributes.find((a) => a.name === 'birthDate')?.weight ?? 0) > 0);
  assert.deepEqual(findMatches(records, { uSamples: 20_000 }).matches, result.matches);
});

test('an exact match on a rare surname weighs more than on a common one', () => {
  const records: MatchRecord[] = [
    ...Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, firstName: `n${i}`, lastName: 'smith', birthDate: `19${50 + i}-01-01` })),
    { id: 'r1', firstName: 'ola', lastName: 'quackenbush', birthDate: '1970-05-05' },
    { id: 'r2', firstName: 'ola', lastName: 'quackenbush', birthDate: '1970-05-05' },
    { id: 'c1', firstName: 'ola', lastName: 'smith', birthDate: '1971-05-05' },
    { id: 'c2', firstName: 'ola', lastName: 'smith', birthDate: '1971-05-05' },
  ];
  const result = findMatches(records, { uSamples: 5_000 });
  const rare = result.explain(40, 41).attributes.find((a) => a.name === 'lastName');
  const common = result.explain(42, 43).attributes.find((a) => a.name === 'lastName');
  assert.ok(rare !== undefined && common !== undefined);
  assert.ok(rare.termFrequencyAdjustment > common.termFrequencyAdjustment);
});

test('empty and single-record inputs give no matches and a neutral model', () => {
  for (const records of [[], [{ id: 'only', firstName: 'ann', lastName: 'lee' }]]) {
    const result = findMatches(records, { uSamples: 1_000 });
    assert.deepEqual(result.matches, []);
    assert.deepEqual(result.clusters, []);
    assert.equal(result.stats.pairsCompared, 0);
  }
});
