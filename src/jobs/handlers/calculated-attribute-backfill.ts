// The UseHistoricalData backfill of one calculated attribute definition (spec api-behaviour-2a §3.8): the objects
// its type already holds are indexed a page at a time, each page with its progress in one transaction, so a killed
// server resumes after the last page it committed. PREPARING until the first page, IN_PROGRESS with the share of
// objects done, COMPLETED at 100. Pages hold OPENPROFILES_BACKFILL_PAGE_SIZE objects (500).
import type { JsonValue, Scope, Store } from '../../storage/ports.js';
import type { IngestionService } from '../../domain/ingestion/ingestion-service.js';
import { feedCalculatedAttributes } from '../../domain/calculated-attributes/feed.js';
import { DEFAULT_BACKFILL_PAGE } from '../../domain/calculated-attributes/definition.js';
import type { JobHandler } from '../runner.js';
import { enqueueJob } from '../runner.js';

export const CALCULATED_ATTRIBUTE_BACKFILL = 'calculated-attribute-backfill';

interface Payload {
  readonly domainName: string;
  readonly name: string;
  /** Which definition of that name: one deleted and created again starts a job of its own. */
  readonly createdAt: number;
}

/** Enqueued by the transaction that creates the definition. */
export function scheduleBackfill(jobs: Store['jobs'], scope: Scope, domainName: string, name: string, createdAt: Date): Promise<string> {
  const payload: Payload = { domainName, name, createdAt: createdAt.getTime() };
  return enqueueJob(jobs, scope, { kind: CALCULATED_ATTRIBUTE_BACKFILL, payload: payload as unknown as JsonValue, runAt: createdAt, dedupeKey: `${domainName}/${name}/${createdAt.getTime()}`, now: createdAt });
}

export function calculatedAttributeBackfillHandler(store: Store, ingestion: IngestionService, pageSize = DEFAULT_BACKFILL_PAGE): JobHandler {
  return async ({ job, scope, renew }) => {
    const { domainName, name, createdAt } = job.payload as unknown as Payload;
    for (;;) {
      const finished = await store.transaction(async (repos) => {
        const record = await repos.calculatedAttributes.get(scope, domainName, name);
        if (!record || record.createdAt.getTime() !== createdAt || record.status === 'COMPLETED') return true;
        const total = record.backfill?.total ?? (await repos.profileObjects.countOfType(scope, domainName, record.objectTypeName));
        const rows = await repos.profileObjects.pageOfType(scope, domainName, record.objectTypeName, record.backfill?.after, pageSize);
        const objects = await ingestion.storedForFeed(repos, scope, domainName, record.objectTypeName, rows);
        await feedCalculatedAttributes(repos, scope, domainName, objects, name);
        const done = (record.backfill?.done ?? 0) + rows.length;
        const last = rows.length < pageSize;
        const after = rows.at(-1)?.objectKey ?? record.backfill?.after;
        await repos.calculatedAttributes.setReadiness(scope, domainName, name, {
          status: last ? 'COMPLETED' : 'IN_PROGRESS',
          // Objects stored meanwhile can push `done` past the count taken at the start: 99 until the end.
          progressPercentage: last ? 100 : Math.min(99, Math.floor((done * 100) / Math.max(total, 1))),
          backfill: { ...(after !== undefined && { after }), done, total },
        });
        return last;
      });
      if (finished || !(await renew())) return;
      // SQLite's driver is synchronous: without a turn of the event loop between pages, requests would wait for the whole backfill.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
}
