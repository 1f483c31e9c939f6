// Weekly times of Matching.JobSchedule (DayOfTheWeek and "H:MM", UTC) and the JobId of the job one
// scheduled time starts, the same on every server, so that a time never starts two jobs.
import { createHash } from 'node:crypto';
import type { Scope } from '../../storage/ports.js';
import type { WeeklySchedule } from './matching-settings.js';

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WEEK_MS = 7 * DAY_MS;

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
  return createHash('sha256').update(`${scope.accountId}/${scope.region}/${domainName}/${occurrence.toISOString()}`).digest('hex').slice(0, 32);
}
