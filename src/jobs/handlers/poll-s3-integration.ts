// The recurring job of one s3:// integration: lists the objects under its prefix and ingests each new one
// (new key, or a key whose ETag changed) once, then runs again after the poll interval. It ends, forgetting
// its objects, when the integration is gone. S3 being unreachable is logged and tried at the next poll. Each
// run reads with the account's credentials for the bucket as they are then (domain/outbound/s3-access.ts):
// without any (deleted since), the run fails with that reason and is retried by the runner, never with other keys.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3ServiceException } from '@aws-sdk/client-s3';
import type { Logger } from 'pino';
import type { Clock } from '../../domain/clock.js';
import type { IngestionService } from '../../domain/ingestion/ingestion-service.js';
import { definitionFromJson } from '../../domain/integrations/integration.js';
import { S3IngestionTakenOver, S3ObjectIngestion } from '../../domain/integrations/s3-object-ingestion.js';
import { formatOfKey, objectTypeOfKey, parseS3Uri } from '../../domain/integrations/s3-location.js';
import type { JsonValue, Scope, Store } from '../../storage/ports.js';
import { enqueueJob, type JobHandler } from '../runner.js';
import { s3ClientFor } from '../../connectors/s3-client.js';
import type { S3AccessResolver } from '../../domain/outbound/s3-access.js';

export const POLL_S3_INTEGRATION = 'poll-s3-integration';

export interface S3PollDependencies {
  readonly store: Store;
  readonly clock: Clock;
  readonly ingestion: IngestionService;
  readonly s3Access: S3AccessResolver;
  /** How often each integration lists its prefix. */
  readonly pollIntervalMs: number;
  readonly log?: Logger;
}

/** Schedules the poll of an s3:// integration now (inside the transaction that stores it); one job per integration. */
export async function scheduleS3IntegrationPoll(jobs: Store['jobs'], scope: Scope, domainName: string, uri: string, now: Date): Promise<void> {
  if (!parseS3Uri(uri)) return;
  const payload: JsonValue = { domainName, uri };
  const dedupeKey = createHash('sha256').update(`${domainName}\u0000${uri}`).digest('base64url');
  await enqueueJob(jobs, scope, { kind: POLL_S3_INTEGRATION, payload, runAt: now, dedupeKey, now });
}

/** A failure of S3 or of the way to it, as opposed to one of our own store. */
function isSourceFailure(error: unknown): boolean {
  if (error instanceof S3ServiceException) return true;
  if (error instanceof Error && ['TimeoutError', 'CredentialsProviderError'].includes(error.name)) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|UND_ERR|ERR_STREAM_PREMATURE_CLOSE)/.test(code);
}

export function pollS3IntegrationHandler(deps: S3PollDependencies): JobHandler {
  const objects = new S3ObjectIngestion(deps.store, deps.ingestion, deps.clock, deps.log);
  return async ({ job, scope, renew }) => {
    const { domainName, uri } = job.payload as { domainName: string; uri: string };
    const integration = await deps.store.integrations.get(scope, domainName, uri);
    const location = parseS3Uri(uri);
    if (!integration || !location) {
      await deps.store.s3IntegrationObjects.deleteIntegration(scope, domainName, uri);
      return;
    }
    const definition = definitionFromJson(integration.definition);
    const s3 = s3ClientFor(await deps.s3Access.resolve(scope, location.bucket));
    try {
      let continuationToken: string | undefined;
      do {
        const listed = await s3.send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: location.prefix || undefined, ContinuationToken: continuationToken }));
        const candidates = (listed.Contents ?? []).filter((object) => object.Key !== undefined && object.ETag !== undefined && formatOfKey(object.Key) !== undefined);
        const known = await deps.store.s3IntegrationObjects.getMany(scope, domainName, uri, candidates.map((object) => object.Key!));
        for (const object of candidates) {
          const key = object.Key!;
          const seen = known.get(key);
          if (seen?.completed && seen.etag === object.ETag) continue;
          const objectTypeName = objectTypeOfKey(definition, location, key);
          if (objectTypeName === undefined) continue;
          if (!(await renew())) return; // another worker holds this integration's job now
          // IfMatch: read exactly the version listed; a newer one is picked up at the next listing.
          const got = await s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: key, IfMatch: object.ETag }));
          await objects.ingest({ scope, domainName, uri, objectKey: key, etag: object.ETag!, objectTypeName, format: formatOfKey(key)! }, got.Body as Readable, seen, renew);
        }
        continuationToken = listed.IsTruncated ? listed.NextContinuationToken : undefined;
      } while (continuationToken !== undefined);
    } catch (error) {
      if (error instanceof S3IngestionTakenOver) return;
      if (!isSourceFailure(error)) throw error;
      deps.log?.warn({ domainName, uri, err: error }, 's3 integration source unavailable; trying again at the next poll');
    } finally {
      s3.destroy();
    }
    return { rerunAt: new Date(deps.clock().getTime() + deps.pollIntervalMs) };
  };
}
