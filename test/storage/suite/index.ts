// The one storage conformance suite: every case, run against whichever backend it is given.
import { after, before } from 'node:test';
import { openStore } from '../../../src/storage/open-store.js';
import type { Store } from '../../../src/storage/ports.js';
import { accountCases } from './accounts.js';
import { domainCases } from './domains.js';
import { domainStatsCases } from './domain-stats.js';
import { iamCases } from './iam.js';
import { integrationCases } from './integrations.js';
import { jobCases } from './jobs.js';
import { lifecycleCases } from './lifecycle.js';
import { matchGroupCases } from './match-groups.js';
import { profileCases } from './profiles.js';
import { profileObjectCases } from './profile-objects.js';
import { s3IntegrationObjectCases } from './s3-integration-objects.js';
import { scopeCases } from './scope.js';
import { tagCases } from './tags.js';
import type { FreshDatabase, SuiteContext, Target } from './target.js';
import { transactionCases } from './transactions.js';
import { workflowCases } from './workflows.js';

/** Call inside a `describe`: opens one store for the cases, closes and removes it afterwards. */
export function storageSuite(target: Target): void {
  let database: FreshDatabase | undefined;
  let store: Store | undefined;
  before(async () => {
    database = await target.fresh();
    store = await openStore(database.config);
  });
  after(async () => {
    await store?.close();
    await database?.cleanup();
  });
  const ctx: SuiteContext = {
    target,
    store: () => {
      if (store === undefined) throw new Error('the suite store is not open');
      return store;
    },
  };
  accountCases(ctx);
  iamCases(ctx);
  domainCases(ctx);
  scopeCases(ctx);
  tagCases(ctx);
  profileObjectCases(ctx);
  domainStatsCases(ctx);
  integrationCases(ctx);
  s3IntegrationObjectCases(ctx);
  workflowCases(ctx);
  profileCases(ctx);
  jobCases(ctx);
  matchGroupCases(ctx);
  transactionCases(ctx);
  lifecycleCases(ctx);
}
