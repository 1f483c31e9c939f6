// The expiry job of one domain (spec §3.1, issue 4 "Expiry"): objects go when their own expiry (fixed at
// ingestion from ExpirationDays) has passed; a profile goes when it holds no object and has not been
// updated for the domain's DefaultExpirationDays. Recurs every hour while the domain exists.
import type { JsonValue, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import type { JobHandler } from '../runner.js';
import { enqueueJob } from '../runner.js';

export const EXPIRE_DOMAIN = 'expire-domain';
export const EXPIRY_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Schedules a domain's expiry job (inside the transaction that creates the domain). */
export function scheduleDomainExpiry(jobs: Store['jobs'], scope: Scope, domainName: string, now: Date): Promise<string> {
  const payload: JsonValue = { domainName };
  return enqueueJob(jobs, scope, { kind: EXPIRE_DOMAIN, payload, runAt: new Date(now.getTime() + EXPIRY_INTERVAL_MS), dedupeKey: domainName, now });
}

export function expireDomainHandler(store: Store, clock: Clock): JobHandler {
  return async ({ job, scope }) => {
    const domainName = String((job.payload as { domainName?: unknown }).domainName);
    const domain = await store.domains.get(scope, domainName);
    if (!domain) return; // the domain was deleted: nothing left to expire, and no next run
    const now = clock();
    await store.transaction(async (repos) => {
      await repos.expiry.deleteExpiredObjects(scope, domainName, now);
      await repos.expiry.deleteIdleProfiles(scope, domainName, new Date(now.getTime() - domain.defaultExpirationDays * DAY_MS));
    });
    return { rerunAt: new Date(now.getTime() + EXPIRY_INTERVAL_MS) };
  };
}
