// ListIdentityResolutionJobs: the domain's identity-resolution jobs, newest first.
import type { OperationHandler } from './types.js';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.js';
import { jobSummary } from './mappers/identity-resolution-output.js';

export const listIdentityResolutionJobs: OperationHandler<'ListIdentityResolutionJobs'> = async (ctx, input) => {
  const page = await ctx.services.identityResolution.listJobs(ctx.scope, input.DomainName, input.MaxResults ?? DEFAULT_PAGE_SIZE, input.NextToken);
  return { IdentityResolutionJobsList: page.items.map(jobSummary), NextToken: page.nextToken };
};
