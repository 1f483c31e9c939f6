// `openprofiles matching run --domain D`: starts an identity-resolution job and, since no server need be
// running, runs the job queue in this process until that job ends; prints its JobId, status and stats. The
// operator's tool: the weekly job quota of on-demand starts (job-quota.ts) does not apply, though the job counts.
import { setTimeout as sleep } from 'node:timers/promises';
import { readConfig, type ServeOptions } from '../config.js';
import { createContainer } from '../container.js';
import { domainNotFound } from '../domain/errors.js';
import { startIdentityResolutionJob } from '../jobs/handlers/identity-resolution.js';

const WAIT_MS = 500;
const ENDED = new Set(['COMPLETED', 'PARTIAL_SUCCESS', 'FAILED']);

export async function runMatching(options: ServeOptions & { domain: string }): Promise<void> {
  const config = readConfig(options);
  const container = await createContainer(config);
  try {
    const scope = { accountId: config.accountId, region: config.region };
    if (!(await container.store.domains.get(scope, options.domain))) throw domainNotFound(options.domain);
    const jobId = await startIdentityResolutionJob(container.store, scope, options.domain, container.clock());
    let job = await container.store.identityResolution.getJob(scope, options.domain, jobId);
    while (job && !ENDED.has(job.status)) {
      const ran = await container.jobs.runOnce();
      job = await container.store.identityResolution.getJob(scope, options.domain, jobId);
      if (ran === 0 && job && !ENDED.has(job.status)) await sleep(WAIT_MS); // a running server's worker holds it
    }
    const line = {
      JobId: jobId,
      Status: job?.status,
      ...(job?.message === undefined ? {} : { Message: job.message }),
      JobStats: { NumberOfProfilesReviewed: job?.profilesReviewed, NumberOfMatchesFound: job?.matchesFound, NumberOfMergesDone: job?.mergesDone },
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  } finally {
    await container.close();
  }
}
