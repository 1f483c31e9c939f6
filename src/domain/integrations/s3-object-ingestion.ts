// Ingests the records of one S3 object (one version, by ETag) for an s3:// integration, 500 records to a
// transaction through the same path as PutProfileObject; each transaction also moves the object's row in
// s3_integration_objects, so a run cut short resumes after the last committed record and none is sent twice.
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { recordsOf, type FileRecord, type RecordFormat } from '../ingestion/record-formats.js';
import type { S3IntegrationObject, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../clock.js';
import type { IngestionService } from '../ingestion/ingestion-service.js';

export const S3_RECORDS_PER_TRANSACTION = 500;

/** Thrown when the caller's `stillOwner` says another worker has taken over: this run stops, its commits kept. */
export class S3IngestionTakenOver extends Error {}

export interface S3ObjectTarget {
  readonly scope: Scope;
  readonly domainName: string;
  readonly uri: string;
  readonly objectKey: string;
  readonly etag: string;
  readonly objectTypeName: string;
  readonly format: RecordFormat;
}

/** A failure of the object's content (not of the connection): the object is done, with this as its error. */
export function isUnreadableContent(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && code.startsWith('CSV_')) || /Parser cannot parse input|Top-level object should be an array/.test(error.message);
}

export class S3ObjectIngestion {
  constructor(
    private readonly store: Store,
    private readonly ingestion: IngestionService,
    private readonly clock: Clock,
    private readonly log?: Logger,
  ) {}

  /**
   * Reads `body` from the start, skips the records `previous` already counted (same ETag), ingests the
   * rest and marks the object completed. A content error completes it with the error; a connection
   * error propagates with the progress so far kept. `stillOwner` is asked after every transaction (the
   * job's lease renewal).
   */
  async ingest(target: S3ObjectTarget, body: Readable, previous: S3IntegrationObject | undefined, stillOwner: () => Promise<boolean> = async () => true): Promise<S3IntegrationObject> {
    try {
      return await this.ingestRecords(target, body, previous, stillOwner);
    } finally {
      body.destroy();
    }
  }

  private async ingestRecords(target: S3ObjectTarget, body: Readable, previous: S3IntegrationObject | undefined, stillOwner: () => Promise<boolean>): Promise<S3IntegrationObject> {
    const resumed = previous && previous.etag === target.etag ? previous : undefined;
    let state: S3IntegrationObject = resumed ?? {
      domainName: target.domainName, uri: target.uri, objectKey: target.objectKey, etag: target.etag,
      recordsDone: 0, ingested: 0, rejected: 0, completed: false, updatedAt: this.clock(),
    };
    let batch: FileRecord[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const records = batch;
      batch = [];
      let next = state;
      const outcomes = await this.ingestion.putObjects(target.scope, target.domainName, target.objectTypeName, records.map((record) => record.text), async (repos, results) => {
        const rejected = results.filter((result) => !result.ok).length;
        next = { ...state, recordsDone: records.at(-1)!.index + 1, ingested: state.ingested + results.length - rejected, rejected: state.rejected + rejected, updatedAt: this.clock() };
        await repos.s3IntegrationObjects.put(target.scope, next);
      });
      state = next;
      outcomes.forEach((outcome, i) => {
        if (!outcome.ok) this.log?.warn({ uri: target.uri, objectKey: target.objectKey, record: records[i]!.index, reason: outcome.error.message }, 's3 integration record rejected');
      });
      if (!(await stillOwner())) throw new S3IngestionTakenOver(`another worker took over ${target.objectKey}`);
    };

    try {
      for await (const record of recordsOf(body, target.format)) {
        if (record.index < state.recordsDone) continue;
        batch.push(record);
        if (batch.length >= S3_RECORDS_PER_TRANSACTION) await flush();
      }
      await flush();
    } catch (error) {
      if (!isUnreadableContent(error)) throw error;
      await flush();
      state = { ...state, completed: true, lastError: error instanceof Error ? error.message : String(error), updatedAt: this.clock() };
      await this.store.s3IntegrationObjects.put(target.scope, state);
      this.log?.warn({ uri: target.uri, objectKey: target.objectKey, err: error }, 's3 integration object is not readable as records');
      return state;
    }
    state = { ...state, completed: true, updatedAt: this.clock() };
    await this.store.s3IntegrationObjects.put(target.scope, state);
    return state;
  }
}
