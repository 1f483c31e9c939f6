import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchedule } from './schedule.js';

const anchor = new Date('2026-01-01T00:00:00Z');
const next = (expression: string, after: string) => parseSchedule(expression, anchor)!.nextFire(new Date(after)).toISOString();

test('rate() fires on the anchor plus whole intervals, with or without the space', () => {
  assert.equal(next('rate(15minutes)', '2026-01-01T00:20:00Z'), '2026-01-01T00:30:00.000Z');
  assert.equal(next('rate(1 hour)', '2026-01-01T01:00:00Z'), '2026-01-01T02:00:00.000Z');
  assert.equal(next('rate(2 days)', '2026-01-01T00:00:00Z'), '2026-01-03T00:00:00.000Z');
});

test('cron() with six EventBridge fields, in UTC', () => {
  assert.equal(next('cron(0 12 * * ? *)', '2026-01-01T12:00:00Z'), '2026-01-02T12:00:00.000Z');
  assert.equal(next('cron(0/15 * * * ? *)', '2026-01-01T00:07:00Z'), '2026-01-01T00:15:00.000Z');
  assert.equal(next('cron(30 8 ? * MON-FRI *)', '2026-01-02T09:00:00Z'), '2026-01-05T08:30:00.000Z');
  assert.equal(next('cron(0 0 1 JAN ? 2027)', '2026-01-01T00:00:00Z'), '2027-01-01T00:00:00.000Z');
});

test('anything else is not a schedule', () => {
  for (const expression of ['rate(0 minutes)', 'rate(5 weeks)', 'cron(* * * *)', 'cron(61 * * * ? *)', 'every hour']) assert.equal(parseSchedule(expression, anchor), undefined, expression);
});
