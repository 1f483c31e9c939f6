// Builds the wiring once: store, services, credentials, authorizer, router and logger. No module-level state.
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import type { Store } from './storage/ports.js';
import { openStore } from './storage/open-store.js';
import { systemClock, type Clock } from './domain/clock.js';
import { SecretBox } from './domain/secrets/secret-box.js';
import { checkMasterKey } from './domain/secrets/master-key-check.js';
import { AccountService } from './domain/accounts/account-service.js';
import { DomainService } from './domain/domains/domain-service.js';
import { TagService } from './domain/tags/tag-service.js';
import { ObjectTypeService } from './domain/object-types/object-type-service.js';
import { IntegrationService } from './domain/integrations/integration-service.js';
import { CalculatedAttributeService } from './domain/calculated-attributes/calculated-attribute-service.js';
import { CalculatedValueService } from './domain/calculated-attributes/calculated-value-service.js';
import { createHandlebars } from './domain/object-types/field-source.js';
import { IngestionService } from './domain/ingestion/ingestion-service.js';
import { ProfileObjectService } from './domain/ingestion/profile-object-service.js';
import { ProfileMerge } from './domain/profiles/profile-merge.js';
import { ProfileSearch } from './domain/profiles/profile-search.js';
import { ProfileService } from './domain/profiles/profile-service.js';
import type { Services } from './domain/services.js';
import { CredentialResolver } from './auth/credentials.js';
import { PolicyAuthorizer } from './auth/authorizer.js';
import { PolicyCache } from './auth/policy-cache.js';
import { PrincipalDirectory } from './auth/principal-facts.js';
import { ProfileAuthorizer, type Authorizer } from './auth/profile-authorizer.js';
import { createIamServices } from './domain/iam/iam-services.js';
import type { IamServices } from './server/iam-api/actions/types.js';
import { Router } from './server/router.js';
import { StorageFullLog } from './server/storage-full.js';
import { ExtensionRouter } from './server/extensions/extension-router.js';
import { extensionRoutes } from './server/extensions/index.js';
import { JobRunner } from './jobs/runner.js';
import { jobHandlers } from './jobs/handlers/index.js';
import { IdentityResolutionService } from './domain/identity-resolution/identity-resolution-service.js';
import { RuleMatchingService } from './domain/rule-matching/rule-matching-service.js';
import { operations } from './generated/operations.js';
import { WorkflowService } from './domain/workflows/workflow-service.js';
import { ConnectorProfiles } from './domain/workflows/connector-profiles.js';
import { outboundAccess } from './domain/outbound/outbound-access.js';

export interface Container {
  readonly config: Config;
  readonly clock: Clock;
  readonly log: Logger;
  readonly store: Store;
  readonly secrets: SecretBox;
  readonly accounts: AccountService;
  readonly services: Services;
  readonly credentials: CredentialResolver;
  /** Customer Profiles operations (profile:<Operation>). */
  readonly authorizer: Authorizer;
  /** Background jobs (expiry…); serve starts it, close stops it. */
  readonly jobs: JobRunner;
  /** Any action on any resources, by the policy engine; the IAM/STS API uses it for iam:<Action>. */
  readonly policies: PolicyAuthorizer;
  readonly iam: IamServices;
  readonly router: Router;
  /** Our own signed routes under /_openprofiles/. */
  readonly extensions: ExtensionRouter;
  /** Says once a minute, not once per request, that the database is full. */
  readonly storageFullLog: StorageFullLog;
  close(): Promise<void>;
}

export interface ContainerOptions {
  readonly clock?: Clock;
  readonly log?: Logger;
}

export async function createContainer(config: Config, options: ContainerOptions = {}): Promise<Container> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? pino({ level: config.logLevel });
  const secrets = SecretBox.open(config.masterKey, config.dataDir);
  const store = await openStore(config.database);
  try {
    await checkMasterKey(store, secrets, clock());
  } catch (error) {
    await store.close();
    throw error;
  }
  const staticRoot = config.rootKey ? { accountId: config.accountId, ...config.rootKey } : undefined;
  const directory = new PrincipalDirectory(store, new PolicyCache());
  const policies = new PolicyAuthorizer(directory);
  const handlebars = createHandlebars();
  const ingestion = new IngestionService(store, clock, handlebars);
  const profileSearch = new ProfileSearch(store);
  const connectorProfiles = new ConnectorProfiles(store, secrets, clock);
  const outbound = outboundAccess(connectorProfiles, config);
  const leaseMs = config.jobLeaseMs;
  const handlers = jobHandlers(store, clock, { ingestion, outbound, s3PollIntervalMs: config.s3.pollIntervalMs, log, connectorProfiles, database: config.database, backfillPageSize: config.backfillPageSize });
  const jobs = new JobRunner(store, clock, handlers, { log, leaseMs });
  return {
    config,
    clock,
    log,
    store,
    secrets,
    accounts: new AccountService(store, secrets, clock),
    services: {
      domains: new DomainService(store, clock, outbound),
      tags: new TagService(store),
      profiles: new ProfileService(store, clock),
      profileSearch,
      profileMerge: new ProfileMerge(store, clock),
      objectTypes: new ObjectTypeService(store, clock, handlebars),
      integrations: new IntegrationService(store, clock, outbound.s3),
      ingestion,
      profileObjects: new ProfileObjectService(store),
      identityResolution: new IdentityResolutionService(store),
      ruleMatching: new RuleMatchingService(store, profileSearch),
      workflows: new WorkflowService(store, clock, outbound.s3),
      connectorProfiles,
      calculatedAttributes: new CalculatedAttributeService(store, clock, { definitionsPerDomain: config.calculatedAttributesPerDomain }),
      calculatedValues: new CalculatedValueService(store, clock),
    },
    credentials: new CredentialResolver(store, secrets, staticRoot),
    authorizer: new ProfileAuthorizer(policies, store),
    policies,
    iam: createIamServices(store, secrets, directory, policies),
    router: new Router(Object.values(operations)),
    extensions: new ExtensionRouter(extensionRoutes),
    storageFullLog: new StorageFullLog(),
    jobs,
    close: async () => {
      await jobs.stop();
      await store.close();
    },
  };
}
