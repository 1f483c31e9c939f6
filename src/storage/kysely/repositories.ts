// Builds the set of repositories bound to one Kysely handle (the database, or one transaction with the
// ledger of its changes to the domains' Stats counters).
import type { Kysely } from 'kysely';
import type { Repositories } from '../ports.js';
import type { Database } from '../schema.js';
import { KyselyAccessKeyRepository } from './access-keys.js';
import { KyselyAccountRepository } from './accounts.js';
import { KyselyDomainRepository } from './domains.js';
import { createIamRepositories } from './iam.js';
import { KyselyProfileKeyRepository } from './profile-keys.js';
import { KyselyProfileRepository } from './profiles.js';
import { KyselyExpiryRepository } from './expiry.js';
import { KyselyImportCheckpointRepository } from './import-checkpoints.js';
import { KyselyS3IntegrationObjectRepository } from './s3-integration-objects.js';
import { KyselyJobRepository } from './jobs.js';
import { KyselyObjectTypeRepository } from './object-types.js';
import { KyselyIntegrationRepository } from './integrations.js';
import { KyselyDeadLetterRepository } from './dead-letters.js';
import { KyselyIngestionBatchRepository } from './ingestion-batch.js';
import { KyselyProfileObjectRepository } from './profile-objects.js';
import { KyselyTagRepository } from './tags.js';
import { KyselyIdentityResolutionRepository } from './identity-resolution.js';
import { KyselyRuleMatchingRepository } from './rule-matching.js';
import { KyselyWorkflowRepository } from './workflows.js';
import { KyselyConnectorProfileRepository } from './connector-profiles.js';
import { KyselyDomainStatsRepository, type StatsLedger } from './domain-stats.js';
import { KyselyMasterKeyCheckRepository } from './master-key-check.js';
import { KyselyCalculatedAttributeDefinitionRepository } from './calculated-attribute-definitions.js';
import { KyselyCalculatedAttributeEntryRepository } from './calculated-attribute-entries.js';

/** `ledger`: the transaction's, which the caller flushes before committing; without one, each counted write is a transaction of its own. */
export function createRepositories(db: Kysely<Database>, ledger?: StatsLedger): Repositories {
  return {
    accounts: new KyselyAccountRepository(db),
    iam: createIamRepositories(db),
    accessKeys: new KyselyAccessKeyRepository(db),
    masterKeyCheck: new KyselyMasterKeyCheckRepository(db),
    domains: new KyselyDomainRepository(db, ledger),
    domainStats: new KyselyDomainStatsRepository(db),
    tags: new KyselyTagRepository(db),
    profiles: new KyselyProfileRepository(db, ledger),
    profileKeys: new KyselyProfileKeyRepository(db),
    profileObjects: new KyselyProfileObjectRepository(db, ledger),
    deadLetters: new KyselyDeadLetterRepository(db),
    ingestionBatch: new KyselyIngestionBatchRepository(db, ledger),
    objectTypes: new KyselyObjectTypeRepository(db),
    integrations: new KyselyIntegrationRepository(db),
    jobs: new KyselyJobRepository(db),
    expiry: new KyselyExpiryRepository(db, ledger),
    importCheckpoints: new KyselyImportCheckpointRepository(db),
    s3IntegrationObjects: new KyselyS3IntegrationObjectRepository(db),
    identityResolution: new KyselyIdentityResolutionRepository(db),
    ruleMatching: new KyselyRuleMatchingRepository(db),
    workflows: new KyselyWorkflowRepository(db),
    connectorProfiles: new KyselyConnectorProfileRepository(db),
    calculatedAttributes: new KyselyCalculatedAttributeDefinitionRepository(db),
    calculatedAttributeEntries: new KyselyCalculatedAttributeEntryRepository(db),
  };
}
