// Every job kind the runner knows, with its handler.
import type { Logger } from 'pino';
import type { Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import type { StoreConfig } from '../../storage/open-store.js';
import type { IngestionService } from '../../domain/ingestion/ingestion-service.js';
import type { ConnectorProfiles } from '../../domain/workflows/connector-profiles.js';
import type { OutboundAccess } from '../../domain/outbound/outbound-access.js';
import type { JobHandler } from '../runner.js';
import { EXPIRE_DOMAIN, expireDomainHandler } from './expire-domain.js';
import { SEND_DEAD_LETTER, sendDeadLetterHandler } from './send-dead-letter.js';
import { IDENTITY_RESOLUTION, identityResolutionHandler } from './identity-resolution.js';
import { SCHEDULED_MATCHING, scheduledMatchingHandler } from './scheduled-matching.js';
import { FIRST_MATCHING_RUN, firstMatchingRunHandler } from './first-matching-run.js';
import { s3ObjectWriter, type OpenObjectWriter } from '../../domain/identity-resolution/export-matches.js';
import { POLL_S3_INTEGRATION, pollS3IntegrationHandler } from './poll-s3-integration.js';
import { RULE_MATCHING, ruleMatchingHandler } from './rule-matching.js';
import { INTEGRATION_WORKFLOW_JOB, integrationWorkflowHandler } from './integration-workflow.js';
import { CALCULATED_ATTRIBUTE_BACKFILL, calculatedAttributeBackfillHandler } from './calculated-attribute-backfill.js';

/** What the handlers that ingest from sources, or send anything out, need beside the store and clock. */
export interface IngestingJobDependencies {
  readonly ingestion: IngestionService;
  /** The account's S3 and SQS credentials, for s3:// integrations, S3 sources, exports and dead letters. */
  readonly outbound: OutboundAccess;
  /** How often each s3:// integration lists its prefix. */
  readonly s3PollIntervalMs: number;
  readonly connectorProfiles: ConnectorProfiles;
  readonly log?: Logger;
  /** The store's database, where a matcher thread opens a connection of its own. */
  readonly database?: StoreConfig;
  /** Objects a UseHistoricalData backfill indexes per transaction. */
  readonly backfillPageSize?: number;
}

/** Without the dependencies above, the handlers that would reach outside are left out (their jobs wait for a server that has them). */
export function jobHandlers(store: Store, clock: Clock, ingesting?: IngestingJobDependencies): Record<string, JobHandler> {
  const s3 = ingesting?.outbound.s3;
  const openWriter: OpenObjectWriter | undefined = s3 && (async (scope, bucket) => s3ObjectWriter(await s3.resolve(scope, bucket)));
  return {
    [EXPIRE_DOMAIN]: expireDomainHandler(store, clock),
    [IDENTITY_RESOLUTION]: identityResolutionHandler(store, clock, ingesting ? { ...(openWriter && { openWriter }), ...(ingesting.database && { database: ingesting.database }) } : {}),
    [SCHEDULED_MATCHING]: scheduledMatchingHandler(store, clock),
    [FIRST_MATCHING_RUN]: firstMatchingRunHandler(store, clock),
    [RULE_MATCHING]: ruleMatchingHandler(store, clock, ingesting ? { ...(openWriter && { openWriter }), ...(ingesting.log && { log: ingesting.log }) } : {}),
    ...(ingesting && {
      [CALCULATED_ATTRIBUTE_BACKFILL]: calculatedAttributeBackfillHandler(store, ingesting.ingestion, ingesting.backfillPageSize),
      [SEND_DEAD_LETTER]: sendDeadLetterHandler(store, ingesting.outbound.sqs),
      [POLL_S3_INTEGRATION]: pollS3IntegrationHandler({
        store, clock, ingestion: ingesting.ingestion, s3Access: ingesting.outbound.s3, pollIntervalMs: ingesting.s3PollIntervalMs, ...(ingesting.log && { log: ingesting.log }),
      }),
      [INTEGRATION_WORKFLOW_JOB]: integrationWorkflowHandler(
        { store, clock, ingestion: ingesting.ingestion, connectorProfiles: ingesting.connectorProfiles, s3Access: ingesting.outbound.s3 },
        ingesting.log ? { log: ingesting.log } : {},
      ),
    }),
  };
}
