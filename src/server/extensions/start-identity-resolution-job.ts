// POST /_openprofiles/domains/{DomainName}/identity-resolution-jobs: starts an identity-resolution job now
// (the signed twin of `openprofiles matching run`), within the domain's weekly job quota; answers {"JobId": …}.
import { domainNotFound } from '../../domain/errors.js';
import { requireJobQuota } from '../../domain/identity-resolution/job-quota.js';
import { startIdentityResolutionJob } from '../../jobs/handlers/identity-resolution.js';
import type { ExtensionRoute } from './extension-route.js';

export const startIdentityResolutionJobRoute: ExtensionRoute = {
  method: 'POST',
  path: '/_openprofiles/domains/{DomainName}/identity-resolution-jobs',
  action: 'profile:StartIdentityResolutionJob',
  resources: ({ scope }, { labels }) => [`arn:aws:profile:${scope.region}:${scope.accountId}:domains/${labels['DomainName']}`],
  handle: async ({ scope, container }, { labels }) => {
    const domainName = labels['DomainName']!;
    if (!(await container.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
    const now = container.clock();
    await requireJobQuota(container.store, scope, domainName, now, container.config.matchingJobsPerWeek);
    const jobId = await startIdentityResolutionJob(container.store, scope, domainName, now);
    return { body: { JobId: jobId } };
  },
};
