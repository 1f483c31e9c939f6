// What writing a domain's Matching settings does to its jobs (spec §3.9), inside Create/UpdateDomain's
// transaction: the weekly start follows the schedule; enabling plans the first run; disabling deletes the
// jobs still PENDING (their queue entries then find no job and end).
import type { JsonValue, Repositories, Scope } from '../../storage/ports.js';
import { scheduleMatching } from '../../jobs/handlers/scheduled-matching.js';
import { scheduleFirstMatchingRun } from '../../jobs/handlers/first-matching-run.js';
import { matchingEnabled } from './matching-settings.js';

/** `previous` is undefined for a new domain. */
export async function applyMatchingChange(repos: Repositories, scope: Scope, domainName: string, previous: JsonValue | undefined, current: JsonValue | undefined, now: Date): Promise<void> {
  await scheduleMatching(repos.jobs, scope, domainName, current, now);
  const wasEnabled = matchingEnabled(previous);
  const isEnabled = matchingEnabled(current);
  if (isEnabled && !wasEnabled) await scheduleFirstMatchingRun(repos.jobs, scope, domainName, now);
  if (wasEnabled && !isEnabled) await repos.identityResolution.deletePendingJobs(scope, domainName);
}
