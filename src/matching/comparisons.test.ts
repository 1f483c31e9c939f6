import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareCodes, compareDates, compareNames, defaultComparisons } from './comparisons.js';
import { LEVEL } from './levels.js';
import { nicknameTable } from './nicknames.js';
import { normalizeRecord } from './normalize.js';
import type { MatchRecord } from './record.js';

const comparisonLevels = (a: MatchRecord, b: MatchRecord): Record<string, number> => {
  const nicknames = nicknameTable();
  const left = normalizeRecord(a, nicknames);
  const right = normalizeRecord(b, nicknames);
  return Object.fromEntries(defaultComparisons().map((c) => [c.name, c.compare(left, right)]));
};

test('names grade exact, close (typo), partial (initial) and different', () => {
  assert.equal(compareNames('smith', 'smith'), LEVEL.exact);
  assert.equal(compareNames('smith', 'smtih'), LEVEL.close);
  assert.equal(compareNames('j', 'john'), LEVEL.partial);
  assert.equal(compareNames('smith', 'jones'), LEVEL.different);
});

test('dates grade one typo and a day/month swap as close, within a year as partial', () => {
  assert.equal(compareDates('1956-04-09', '1956-04-09'), LEVEL.exact);
  assert.equal(compareDates('1956-04-09', '1956-04-08'), LEVEL.close);
  assert.equal(compareDates('1956-04-09', '1956-09-04'), LEVEL.close);
  assert.equal(compareDates('1956-04-09', '1956-11-20'), LEVEL.partial);
  assert.equal(compareDates('1956-04-09', '1980-11-20'), LEVEL.different);
  assert.equal(compareCodes('28304', '28340'), LEVEL.partial);
});

test('nicknames, swapped names and missing values', () => {
  const levels = comparisonLevels({ id: 'a', firstName: 'Bob', lastName: 'Smith' }, { id: 'b', firstName: 'Robert', lastName: 'Smith', email: 'x@y.z' });
  assert.equal(levels.firstName, LEVEL.close);
  assert.equal(levels.lastName, LEVEL.exact);
  assert.equal(levels.email, LEVEL.missing);
  const swapped = comparisonLevels({ id: 'a', firstName: 'Kaur', lastName: 'Harley' }, { id: 'b', firstName: 'Harley', lastName: 'Kaur' });
  assert.equal(swapped.firstName, LEVEL.close);
  assert.equal(swapped.lastName, LEVEL.close);
});

test('a shared postcode and city count once, as location', () => {
  const levels = comparisonLevels({ id: 'a', city: 'Raleigh', postalCode: '27615' }, { id: 'b', city: 'raleigh', postalCode: '27615' });
  assert.equal(levels.location, LEVEL.exact);
  assert.equal(comparisonLevels({ id: 'a', city: 'Raleigh' }, { id: 'b', city: 'Raleigh' }).location, LEVEL.close);
});
