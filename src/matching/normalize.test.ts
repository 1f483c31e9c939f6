import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nicknameTable } from './nicknames.js';
import { normalizeBirthDate, normalizeEmailAddress, normalizePersonName, normalizePhoneNumber, normalizeRecord, normalizeStreet } from './normalize.js';

test('names lose case, accents, punctuation and inner spaces', () => {
  assert.equal(normalizePersonName('  José '), 'jose');
  assert.equal(normalizePersonName("O'Brien"), 'obrien');
  assert.equal(normalizePersonName('Mary-Ann'), 'maryann');
  assert.equal(normalizePersonName('Zoë'), 'zoe');
  assert.equal(normalizePersonName(' - '), undefined);
});

test('nicknames map to one canonical first name', () => {
  const record = normalizeRecord({ id: '1', firstName: 'Bob' }, nicknameTable());
  assert.equal(record.firstName, 'bob');
  assert.equal(record.firstCanonical, 'robert');
  assert.equal(normalizeRecord({ id: '2', firstName: 'Xavier' }, nicknameTable()).firstCanonical, 'xavier');
});

test('street abbreviations and unit markers get one spelling', () => {
  assert.equal(normalizeStreet('12 Main St.', 'Apt 4'), '12 main street unit 4');
  assert.equal(normalizeStreet('12 main street', 'unit 4'), '12 main street unit 4');
  assert.equal(normalizeStreet('5 Ocean Ave #12'), '5 ocean avenue unit 12');
  assert.equal(normalizeStreet(undefined, ''), undefined);
});

test('birth dates become YYYY-MM-DD; an impossible date keeps its digits', () => {
  assert.equal(normalizeBirthDate('19560409'), '1956-04-09');
  assert.equal(normalizeBirthDate('1956-4-9'), '1956-04-09');
  assert.equal(normalizeBirthDate('09/04/1956'), '1956-04-09');
  assert.equal(normalizeBirthDate('1956-04-09T00:00:00Z'), '1956-04-09');
  assert.equal(normalizeBirthDate('19561309'), '19561309');
  assert.equal(normalizeBirthDate('soon'), undefined);
});

test('phones become E.164 or digits, e-mails lower case', () => {
  assert.equal(normalizePhoneNumber('+1 (206) 345-7890'), '+12063457890');
  assert.equal(normalizePhoneNumber('345-7890'), '3457890');
  assert.equal(normalizePhoneNumber('12'), undefined);
  assert.equal(normalizeEmailAddress(' Ann@Example.COM '), 'ann@example.com');
  assert.equal(normalizeEmailAddress('not an address'), undefined);
});
