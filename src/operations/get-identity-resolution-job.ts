// GetIdentityResolutionJob: one identity-resolution job of the domain, with its timings and stats.
import type { OperationHandler } from './types.js';
import { jobAutoMerging, jobSummary } from './mappers/identity-resolution-output.js';

export const getIdentityResolutionJob: OperationHandler<'GetIdentityResolutionJob'> = async (ctx, input) => {
  const job = await ctx.services.identityResolution.getJob(ctx.scope, input.DomainName, input.JobId);
  const autoMerging = jobAutoMerging(job);
  return { ...jobSummary(job), LastUpdatedAt: job.lastUpdatedAt, JobExpirationTime: job.jobExpirationTime, ...(autoMerging ? { AutoMerging: autoMerging } : {}) };
};
