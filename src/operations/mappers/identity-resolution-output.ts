// Identity-resolution jobs and match groups on the wire.
import type { IdentityResolutionJob, JobStats, MatchItem } from '../../generated/shapes.js';
import type { IdentityResolutionJobRecord, MatchGroupRecord } from '../../storage/ports.js';

export function jobStats(job: IdentityResolutionJobRecord): JobStats {
  return { NumberOfProfilesReviewed: job.profilesReviewed, NumberOfMatchesFound: job.matchesFound, NumberOfMergesDone: job.mergesDone };
}

/** The members ListIdentityResolutionJobs and GetIdentityResolutionJob share. */
export function jobSummary(job: IdentityResolutionJobRecord): IdentityResolutionJob {
  return {
    DomainName: job.domainName,
    JobId: job.jobId,
    Status: job.status,
    ...(job.jobStartTime ? { JobStartTime: job.jobStartTime } : {}),
    ...(job.jobEndTime ? { JobEndTime: job.jobEndTime } : {}),
    JobStats: jobStats(job),
    ...(job.message === undefined ? {} : { Message: job.message }),
  };
}

export function matchItem(group: MatchGroupRecord): MatchItem {
  return { MatchId: group.matchId, ProfileIds: [...group.profileIds], ConfidenceScore: group.confidenceScore };
}
