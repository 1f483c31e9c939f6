import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoInstant, numberOf } from './values.js';

test('numbers: JSON numbers and strings that spell one', () => {
  assert.equal(numberOf(12.5), 12.5);
  assert.equal(numberOf('-3'), -3);
  assert.equal(numberOf('.5'), 0.5);
  assert.equal(numberOf('1e3'), 1000);
  for (const value of ['', ' 1', '1,5', 'ten', '0x10', 'Infinity', '1e999', null, true, {}]) assert.equal(numberOf(value), undefined, String(value));
});

test('ISO 8601 dates and date-times; no offset is UTC; days that do not exist are not dates', () => {
  assert.equal(isoInstant('2026-01-31'), Date.UTC(2026, 0, 31));
  assert.equal(isoInstant('2026-01-31T08:30:00Z'), Date.UTC(2026, 0, 31, 8, 30));
  assert.equal(isoInstant('2026-01-31T08:30:00.25+02:00'), Date.UTC(2026, 0, 31, 6, 30, 0, 250));
  assert.equal(isoInstant('2026-01-31T23:30:00-0200'), Date.UTC(2026, 1, 1, 1, 30));
  assert.equal(isoInstant('2026-01-31T08:30'), Date.UTC(2026, 0, 31, 8, 30));
  for (const text of ['2026-02-30', '2026-13-01', 'yesterday', '31/01/2026', '2026-01-31 08:30:00']) assert.equal(isoInstant(text), undefined, text);
});
