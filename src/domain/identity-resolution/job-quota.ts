// The quota "Identity Resolution Jobs per week per domain" (spec §3.15) for jobs started on demand: every
// job of the domain created in the 7 days before `now` counts, whoever started it (weekly time, first run,
// on demand). The service's own starts are never refused; the operator's CLI is not bound by it.
import type { Scope, Store } from '../../storage/ports.js';
import { identityResolutionJobQuotaExceeded } from '../errors.js';
import { WEEK_MS } from './job-schedule.js';

/** Throws BadRequestException when the domain already has `limit` (1 or more) jobs created in the last 7 days. */
export async function requireJobQuota(store: Store, scope: Scope, domainName: string, now: Date, limit: number): Promise<void> {
  const since = now.getTime() - WEEK_MS;
  const newest = (await store.identityResolution.listJobs(scope, domainName, { limit })).items;
  const counted = newest.filter((job) => job.createdAt.getTime() > since);
  const oldest = counted[limit - 1];
  // The oldest counted job leaves the window first, a week after it was created.
  if (oldest) throw identityResolutionJobQuotaExceeded(domainName, limit, new Date(oldest.createdAt.getTime() + WEEK_MS));
}
