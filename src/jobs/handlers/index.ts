// Every job kind the runner knows, with its handler.
import type { Logger } from 'pino';
import type { Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import type { S3SourceConfig } from '../../config.js';
import type { StoreConfig } from '../../storage/open-store.js';
import type { IngestionService } from '../../domain/ingestion/ingestion-service.js';
import type { ConnectorProfiles } from '../../domain/workflows/connector-profiles.js';
import type { JobHandler } from '../runner.js';
import { EXPIRE_DOMAIN, expireDomainHandler } from './expire-domain.js';
import { SEND_DEAD_LETTER, sendDeadLetterHandler } from './send-dead-letter.js';
import { IDENTITY_RESOLUTION, identityResolutionHandler } from './identity-resolution.js';
import { SCHEDULED_MATCHING, scheduledMatchingHandler } from './scheduled-matching.js';
import { FIRST_MATCHING_RUN, firstMatchingRunHandler } from './first-matching-run.js';
import { s3ObjectWriter } from '../../domain/identity-resolution/export-matches.js';
import { POLL_S3_INTEGRATION, pollS3IntegrationHandler } from './poll-s3-integration.js';
import { RULE_MATCHING, ruleMatchingHandler } from './rule-matching.js';
import { INTEGRATION_WORKFLOW_JOB, integrationWorkflowHandler } from './integration-workflow.js';

/** What the handlers that ingest from sources need beside the store and clock. */
export interface IngestingJobDependencies {
  readonly ingestion: IngestionService;
  /** The S3 service s3:// integrations read from and identity-resolution jobs export match results to. */
  readonly s3: S3SourceConfig;
  readonly connectorProfiles: ConnectorProfiles;
  readonly log?: Logger;
  /** The store's database, where a matcher thread opens a connection of its own. */
  readonly database?: StoreConfig;
}

export function jobHandlers(store: Store, clock: Clock, ingesting?: IngestingJobDependencies): Record<string, JobHandler> {
  return {
    [EXPIRE_DOMAIN]: expireDomainHandler(store, clock),
    [SEND_DEAD_LETTER]: sendDeadLetterHandler(store),
    [IDENTITY_RESOLUTION]: identityResolutionHandler(store, clock, ingesting ? { openWriter: () => s3ObjectWriter(ingesting.s3), ...(ingesting.database && { database: ingesting.database }) } : {}),
    [SCHEDULED_MATCHING]: scheduledMatchingHandler(store, clock),
    [FIRST_MATCHING_RUN]: firstMatchingRunHandler(store, clock),
    [RULE_MATCHING]: ruleMatchingHandler(store, clock, ingesting ? { openWriter: () => s3ObjectWriter(ingesting.s3), ...(ingesting.log && { log: ingesting.log }) } : {}),
    ...(ingesting && {
      [POLL_S3_INTEGRATION]: pollS3IntegrationHandler({ store, clock, ingestion: ingesting.ingestion, s3: ingesting.s3, ...(ingesting.log && { log: ingesting.log }) }),
      [INTEGRATION_WORKFLOW_JOB]: integrationWorkflowHandler(
        { store, clock, ingestion: ingesting.ingestion, connectorProfiles: ingesting.connectorProfiles },
        ingesting.log ? { log: ingesting.log } : {},
      ),
    }),
  };
}
