// The MERGING phase of an identity-resolution job, after its match groups are stored: auto-merge when the
// domain's Matching.AutoMerging is enabled, then the export of the groups when ExportingConfig asks for it.
// A failed export after the groups (and merges) were written ends the job PARTIAL_SUCCESS.
import type { MatchingResponse } from '../../generated/shapes.js';
import type { IdentityResolutionJobRecord, MatchGroupRecord, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../clock.js';
import type { ProfileMerge } from '../profiles/profile-merge.js';
import { applyMerges, planMerges } from './auto-merge.js';
import { exportMatches, type ObjectWriter, type OpenObjectWriter } from './export-matches.js';
import { autoMergeOf, exportDestinationOf } from './matching-settings.js';

export interface MergingPhaseDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly profileMerge: ProfileMerge;
  readonly openWriter: OpenObjectWriter;
}

export interface MergingOutcome {
  readonly job: IdentityResolutionJobRecord;
  readonly status: 'COMPLETED' | 'PARTIAL_SUCCESS';
  readonly message?: string;
}

const GROUP_PAGE = 1_000;

export async function mergeAndExport(
  deps: MergingPhaseDeps,
  scope: Scope,
  matching: MatchingResponse | undefined,
  job: IdentityResolutionJobRecord,
  renew: () => Promise<void>,
): Promise<MergingOutcome> {
  const settings = autoMergeOf(matching);
  const destination = exportDestinationOf(matching);
  let current = job;
  const groups = settings || destination ? await storedGroupsOf(deps.store, scope, job) : [];
  if (settings) {
    const plan = await planMerges(deps.store, scope, job.domainName, groups, settings);
    current = await applyMerges(deps.store, deps.profileMerge, scope, plan.merges, current, deps.clock, renew);
  }
  if (!destination) return { job: current, status: 'COMPLETED' };
  let writer: ObjectWriter | undefined;
  try {
    // Opened here, so an account without credentials for the bucket (deleted since) fails the export with that reason.
    writer = await deps.openWriter(scope, destination.bucket);
    const written = await exportMatches(writer, destination, job.jobId, groups);
    return { job: { ...current, exportingLocation: written }, status: 'COMPLETED' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { job: current, status: 'PARTIAL_SUCCESS', message: `Exporting the match results to s3://${destination.bucket} failed: ${reason}`.slice(0, 2048) };
  } finally {
    writer?.close();
  }
}

/** The job's stored match groups when a rerun can pick up in MERGING (all of them were written), else undefined. */
export async function resumableGroups(store: Store, scope: Scope, job: IdentityResolutionJobRecord): Promise<readonly MatchGroupRecord[] | undefined> {
  if (job.status !== 'MERGING' || job.matchesFound === 0) return undefined;
  const groups = await storedGroupsOf(store, scope, job);
  return groups.length === job.matchesFound ? groups : undefined;
}

async function storedGroupsOf(store: Store, scope: Scope, job: IdentityResolutionJobRecord): Promise<MatchGroupRecord[]> {
  const groups: MatchGroupRecord[] = [];
  let after: string | undefined;
  do {
    const page = await store.identityResolution.listMatches(scope, job.domainName, { after, limit: GROUP_PAGE });
    groups.push(...page.items.filter((group) => group.jobId === job.jobId));
    after = page.nextAfter;
  } while (after !== undefined);
  return groups;
}
