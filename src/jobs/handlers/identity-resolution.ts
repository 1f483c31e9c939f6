// The identity-resolution job of one domain (spec §3.9): PREPROCESSING reads the profiles, FIND_MATCHING
// runs the matcher, MERGING writes the match groups, auto-merges and exports them (merging-phase.ts), then
// COMPLETED (PARTIAL_SUCCESS when only the export failed). Any other error ends the job FAILED with its
// Message; a worker that dies mid-run leaves the lease to expire and the next worker runs the job again,
// from the start — or, once every match group was written, from the MERGING phase.
import { randomUUID } from 'node:crypto';
import type { IdentityResolutionJobRecord, IdentityResolutionJobStatus, JsonValue, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import type { StoreConfig } from '../../storage/open-store.js';
import { matchDomain } from '../matching/domain-matching.js';
import { ProfileMerge } from '../../domain/profiles/profile-merge.js';
import type { OpenObjectWriter } from '../../domain/identity-resolution/export-matches.js';
import { noS3Credentials } from '../../domain/errors.js';
import { matchingOf, reportedAutoMerging } from '../../domain/identity-resolution/matching-settings.js';
import { mergeAndExport, resumableGroups } from '../../domain/identity-resolution/merging-phase.js';
import type { JobHandler } from '../runner.js';
import { enqueueJob } from '../runner.js';

export const IDENTITY_RESOLUTION = 'identity-resolution';
/** How long a job record lives after it was created (JobExpirationTime). */
export const JOB_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const TERMINAL: ReadonlySet<IdentityResolutionJobStatus> = new Set(['COMPLETED', 'PARTIAL_SUCCESS', 'FAILED']);

/** Records a PENDING job and enqueues its run, in one transaction; resolves with the 32-hex JobId. */
export async function startIdentityResolutionJob(store: Store, scope: Scope, domainName: string, now: Date, jobId = randomUUID().replaceAll('-', '')): Promise<string> {
  const payload: JsonValue = { domainName, jobId };
  await store.transaction(async (repos) => {
    await repos.identityResolution.putJob(scope, {
      domainName,
      jobId,
      status: 'PENDING',
      lastUpdatedAt: now,
      jobExpirationTime: new Date(now.getTime() + JOB_RETENTION_MS),
      profilesReviewed: 0,
      matchesFound: 0,
      mergesDone: 0,
      createdAt: now,
    });
    await enqueueJob(repos.jobs, scope, { kind: IDENTITY_RESOLUTION, payload, runAt: now, dedupeKey: `${domainName}/${jobId}`, now });
  });
  return jobId;
}

export interface IdentityResolutionOptions {
  /** Opens the writer of ExportingConfig.S3Exporting objects with the account's credentials (without it: none, the export fails). */
  readonly openWriter?: OpenObjectWriter;
  /** The database, for the matcher thread's own connection (without it the matcher runs inline). */
  readonly database?: StoreConfig;
}

export function identityResolutionHandler(store: Store, clock: Clock, options: IdentityResolutionOptions = {}): JobHandler {
  const merging = { store, clock, profileMerge: new ProfileMerge(store, clock), openWriter: options.openWriter ?? noWriter };
  return async (context) => {
    const { domainName, jobId } = context.job.payload as { domainName?: unknown; jobId?: unknown };
    const scope = context.scope;
    const job = await store.identityResolution.getJob(scope, String(domainName), String(jobId));
    if (!job || TERMINAL.has(job.status)) return;
    let current: IdentityResolutionJobRecord = job;
    const move = async (status: IdentityResolutionJobStatus, changes: Partial<IdentityResolutionJobRecord> = {}) => {
      if (!(await context.renew())) throw new LeaseLost();
      current = { ...current, ...changes, status, lastUpdatedAt: clock() };
      await store.identityResolution.putJob(scope, current);
    };
    const finish = async (matching: ReturnType<typeof matchingOf>) => {
      const outcome = await mergeAndExport(merging, scope, matching, current, async () => {
        if (!(await context.renew())) throw new LeaseLost();
      });
      current = { ...current, ...outcome.job };
      await move(outcome.status, { jobEndTime: clock(), ...(outcome.message === undefined ? {} : { message: outcome.message }) });
    };
    try {
      const domain = await store.domains.get(scope, job.domainName);
      if (!domain) throw new Error(`Domain ${job.domainName} does not exist`);
      const matching = matchingOf(domain.matching);
      if (await resumableGroups(store, scope, job)) return await finish(matching);
      await move('PREPROCESSING', { jobStartTime: clock() });
      const { matchesFound } = await matchDomain(store, scope, job.domainName, { jobId: job.jobId, generatedAt: clock() }, {
        ...(options.database && { database: options.database }),
        keepAlive: context.renew,
        onRead: (profilesReviewed) => move('FIND_MATCHING', { profilesReviewed }),
        afterPage: async () => {
          if (!(await context.renew())) throw new LeaseLost();
        },
      });
      await move('MERGING', { matchesFound, mergesDone: 0, autoMerging: reportedAutoMerging(matching) as JsonValue | undefined });
      await finish(matching);
    } catch (error) {
      if (error instanceof LeaseLost) return; // another worker owns the job now
      // Merges commit one by one: once any did, the job has only partly succeeded.
      const merged = (await store.identityResolution.getJob(scope, job.domainName, job.jobId))?.mergesDone ?? 0;
      await store.identityResolution.putJob(scope, {
        ...current,
        mergesDone: merged,
        status: merged > 0 ? 'PARTIAL_SUCCESS' : 'FAILED',
        message: error instanceof Error ? error.message : String(error),
        jobEndTime: clock(),
        lastUpdatedAt: clock(),
      });
    }
  };
}

class LeaseLost extends Error {}

const noWriter: OpenObjectWriter = (scope, bucket) => Promise.reject(noS3Credentials(scope, bucket));
