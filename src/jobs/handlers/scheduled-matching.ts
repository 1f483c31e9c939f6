// The weekly start of a domain's identity-resolution job (Matching.JobSchedule, spec §3.9), as one durable
// recurring queue entry per domain and schedule. Create/UpdateDomain enqueue the entry for the schedule the
// domain now has; an entry whose schedule the domain no longer has (changed, matching disabled, domain
// deleted) ends when it next fires. The job a scheduled time starts has a JobId derived from that time, so
// a rerun after a dead worker, or a second server, finds it instead of starting another.
import type { JsonValue, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import { canonicalSchedule, nextOccurrence, occurrenceAtOrBefore, scheduledJobId } from '../../domain/identity-resolution/job-schedule.js';
import { matchingOf, scheduleOf, type WeeklySchedule } from '../../domain/identity-resolution/matching-settings.js';
import type { JobHandler } from '../runner.js';
import { enqueueJob } from '../runner.js';
import { startIdentityResolutionJob } from './identity-resolution.js';

export const SCHEDULED_MATCHING = 'scheduled-matching';

interface SchedulePayload {
  readonly domainName: string;
  readonly dayOfTheWeek: WeeklySchedule['dayOfTheWeek'];
  readonly time: string;
}

/** Enqueues the domain's weekly start for the schedule its Matching settings now give (inside the caller's transaction). */
export async function scheduleMatching(jobs: Store['jobs'], scope: Scope, domainName: string, matching: JsonValue | undefined, now: Date): Promise<void> {
  const found = scheduleOf(matchingOf(matching));
  if (!found) return;
  const schedule = canonicalSchedule(found);
  const payload: SchedulePayload = { domainName, dayOfTheWeek: schedule.dayOfTheWeek, time: schedule.time };
  await enqueueJob(jobs, scope, {
    kind: SCHEDULED_MATCHING,
    payload: payload as unknown as JsonValue,
    runAt: nextOccurrence(schedule, now),
    dedupeKey: `${domainName}@${schedule.dayOfTheWeek} ${schedule.time}`,
    now,
  });
}

export function scheduledMatchingHandler(store: Store, clock: Clock): JobHandler {
  return async ({ job, scope }) => {
    const planned = job.payload as unknown as SchedulePayload;
    const domain = await store.domains.get(scope, planned.domainName);
    const current = domain && scheduleOf(matchingOf(domain.matching));
    const schedule = current && canonicalSchedule(current);
    if (!schedule || schedule.dayOfTheWeek !== planned.dayOfTheWeek || schedule.time !== planned.time) return;
    const occurrence = occurrenceAtOrBefore(schedule, job.runAt);
    const jobId = scheduledJobId(scope, planned.domainName, occurrence);
    if (!(await store.identityResolution.getJob(scope, planned.domainName, jobId))) {
      await startIdentityResolutionJob(store, scope, planned.domainName, clock(), jobId);
    }
    const now = clock();
    return { rerunAt: nextOccurrence(schedule, now > occurrence ? now : occurrence) };
  };
}
