// Weekly times of Matching.JobSchedule (DayOfTheWeek and "H:MM", UTC) and the JobIds of the jobs the
// service starts itself (one scheduled time, or the first run after enabling), the same on every server,
// so that neither ever starts two jobs.
import { createHash } from 'node:crypto';
import type { Scope } from '../../storage/ports.js';
import type { WeeklySchedule } from './matching-settings.js';

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A week in milliseconds: the period of a schedule and the window of the job quota. */
export const WEEK_MS = 7 * DAY_MS;

/** Minutes after Sunday 00:00 UTC. */
function minuteOfWeek(schedule: WeeklySchedule): number {
  const [hours = 0, minutes = 0] = schedule.time.split(':').map(Number);
  return DAYS.indexOf(schedule.dayOfTheWeek) * 24 * 60 + hours * 60 + minutes;
}

/** The schedule with its time written HH:MM, so "0:00" and "00:00" are one schedule. */
export function canonicalSchedule(schedule: WeeklySchedule): WeeklySchedule {
  const [hours = '0', minutes = '00'] = schedule.time.split(':');
  return { dayOfTheWeek: schedule.dayOfTheWeek, time: `${hours.padStart(2, '0')}:${minutes}` };
}

/** The latest scheduled time at or before `at`. */
export function occurrenceAtOrBefore(schedule: WeeklySchedule, at: Date): Date {
  const sunday = at.getTime() - ((at.getUTCDay() * DAY_MS + (at.getTime() % DAY_MS)) % WEEK_MS);
  let occurrence = sunday + minuteOfWeek(schedule) * MINUTE_MS;
  if (occurrence > at.getTime()) occurrence -= WEEK_MS;
  return new Date(occurrence);
}

/** The first scheduled time strictly after `after`. */
export function nextOccurrence(schedule: WeeklySchedule, after: Date): Date {
  return new Date(occurrenceAtOrBefore(schedule, after).getTime() + WEEK_MS);
}

export function scheduledJobId(scope: Scope, domainName: string, occurrence: Date): string {
  return jobIdOf(`${scope.accountId}/${scope.region}/${domainName}/${occurrence.toISOString()}`);
}

/** The JobId of the first run after Matching was enabled at `enabledAt`; never one of scheduledJobId's. */
export function firstRunJobId(scope: Scope, domainName: string, enabledAt: Date): string {
  return jobIdOf(`${scope.accountId}/${scope.region}/${domainName}/first-run/${enabledAt.toISOString()}`);
}

function jobIdOf(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 32);
}
