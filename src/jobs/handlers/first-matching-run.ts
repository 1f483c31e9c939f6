// The first identity-resolution job after Matching is enabled (spec §3.9: "within about 24 hours of
// enabling"), as one durable one-shot queue entry an hour after enabling, so the first import has time to
// land. It starts nothing when matching is off again or when a job of the domain was created since enabling
// (a weekly time or a manual start came first). Its JobId is derived from the enabling time, so a rerun
// after a dead worker, or a second server, finds the job instead of starting another.
import type { JsonValue, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import { firstRunJobId } from '../../domain/identity-resolution/job-schedule.js';
import { matchingEnabled } from '../../domain/identity-resolution/matching-settings.js';
import type { JobHandler } from '../runner.js';
import { enqueueJob } from '../runner.js';
import { startIdentityResolutionJob } from './identity-resolution.js';

export const FIRST_MATCHING_RUN = 'first-matching-run';
/** How long after enabling the first job starts. */
export const FIRST_RUN_DELAY_MS = 60 * 60 * 1000;

interface FirstRunPayload {
  readonly domainName: string;
  /** ISO 8601: when Matching was enabled. */
  readonly enabledAt: string;
}

/** Enqueues the first run for matching enabled at `enabledAt` (inside the caller's transaction). */
export async function scheduleFirstMatchingRun(jobs: Store['jobs'], scope: Scope, domainName: string, enabledAt: Date): Promise<void> {
  const payload: FirstRunPayload = { domainName, enabledAt: enabledAt.toISOString() };
  await enqueueJob(jobs, scope, {
    kind: FIRST_MATCHING_RUN,
    payload: payload as unknown as JsonValue,
    runAt: new Date(enabledAt.getTime() + FIRST_RUN_DELAY_MS),
    dedupeKey: `${domainName}@${payload.enabledAt}`,
    now: enabledAt,
  });
}

export function firstMatchingRunHandler(store: Store, clock: Clock): JobHandler {
  return async ({ job, scope }) => {
    const planned = job.payload as unknown as FirstRunPayload;
    const enabledAt = new Date(planned.enabledAt);
    const domain = await store.domains.get(scope, planned.domainName);
    if (!matchingEnabled(domain?.matching)) return;
    const [latest] = (await store.identityResolution.listJobs(scope, planned.domainName, { limit: 1 })).items;
    if (latest && latest.createdAt >= enabledAt) return;
    await startIdentityResolutionJob(store, scope, planned.domainName, clock(), firstRunJobId(scope, planned.domainName, enabledAt));
  };
}
