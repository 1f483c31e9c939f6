// POST /_openprofiles/domains/{DomainName}/identity-resolution-jobs: starts an identity-resolution job now
// (the signed twin of `openprofiles matching run`); answers {"JobId": …}.
import { domainNotFound } from '../../domain/errors.js';
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
    const jobId = await startIdentityResolutionJob(container.store, scope, domainName, container.clock());
    return { body: { JobId: jobId } };
  },
};
