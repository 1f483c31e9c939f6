// Weekly occurrences in UTC: at or before an instant, the next one strictly after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalSchedule, nextOccurrence, occurrenceAtOrBefore, scheduledJobId } from './job-schedule.js';

const tuesday = { dayOfTheWeek: 'TUESDAY', time: '9:30' } as const;

test('occurrences of a weekly time in UTC', () => {
  const friday = new Date('2026-11-27T22:00:00Z');
  assert.equal(occurrenceAtOrBefore(tuesday, friday).toISOString(), '2026-11-24T09:30:00.000Z');
  assert.equal(nextOccurrence(tuesday, friday).toISOString(), '2026-12-01T09:30:00.000Z');
  const exactly = new Date('2026-12-01T09:30:00Z');
  assert.equal(occurrenceAtOrBefore(tuesday, exactly).toISOString(), exactly.toISOString());
  assert.equal(nextOccurrence(tuesday, exactly).toISOString(), '2026-12-08T09:30:00.000Z');
  const sunday = { dayOfTheWeek: 'SUNDAY', time: '0:00' } as const;
  assert.equal(nextOccurrence(sunday, new Date('2026-11-29T00:00:00Z')).toISOString(), '2026-12-06T00:00:00.000Z');
  assert.equal(occurrenceAtOrBefore({ dayOfTheWeek: 'SATURDAY', time: '23:59' }, new Date('2026-11-29T00:00:00Z')).toISOString(), '2026-11-28T23:59:00.000Z');
});

test('one JobId per domain and time; H:MM and HH:MM are one schedule', () => {
  const scope = { accountId: '000000000000', region: 'us-east-1' };
  const at = new Date('2026-12-01T09:30:00Z');
  assert.match(scheduledJobId(scope, 'd', at), /^[0-9a-f]{32}$/);
  assert.equal(scheduledJobId(scope, 'd', at), scheduledJobId(scope, 'd', new Date(at)));
  assert.notEqual(scheduledJobId(scope, 'd', at), scheduledJobId(scope, 'e', at));
  assert.deepEqual(canonicalSchedule(tuesday), { dayOfTheWeek: 'TUESDAY', time: '09:30' });
});
