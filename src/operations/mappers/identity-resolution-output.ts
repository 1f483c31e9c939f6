// Identity-resolution jobs and match groups on the wire.
import type { AutoMerging, ExportingLocation, IdentityResolutionJob, JobStats, MatchItem } from '../../generated/shapes.js';
import { fromJson } from '../../shapes/json.js';
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
    ...(job.exportingLocation ? { ExportingLocation: exportingLocation(job.exportingLocation) } : {}),
    ...(job.message === undefined ? {} : { Message: job.message }),
  };
}

export function exportingLocation(location: { readonly bucket: string; readonly key: string }): ExportingLocation {
  return { S3Exporting: { S3BucketName: location.bucket, S3KeyName: location.key } };
}

/** The AutoMerging settings the job applied, as the domain held them. */
export function jobAutoMerging(job: IdentityResolutionJobRecord): AutoMerging | undefined {
  return fromJson(job.autoMerging, 'AutoMerging') as AutoMerging | undefined;
}

export function matchItem(group: MatchGroupRecord): MatchItem {
  return { MatchId: group.matchId, ProfileIds: [...group.profileIds], ConfidenceScore: group.confidenceScore };
}
