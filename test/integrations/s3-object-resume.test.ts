// One S3 object read in two runs, in-process on both backends: the first run's connection drops after
// 1,200 records, the second run starts the object again and sends only the records after the last
// committed transaction — each record ingested once, none skipped.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pino } from 'pino';
import { S3IngestionTakenOver, S3ObjectIngestion, S3_RECORDS_PER_TRANSACTION } from '../../src/domain/integrations/s3-object-ingestion.js';
import { postgresSkipReason } from '../support/postgres.js';
import { useInProcessContainer } from '../support/in-process.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const TOTAL = 1_300;
const line = (i: number) => JSON.stringify({ id: `r-${i}`, email: `person${i}@example.com` }) + '\n';

/** A body that sends `upTo` records and then fails like a dropped connection. */
function droppedBody(upTo: number): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i < upTo) this.push(line(i++));
      else this.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    },
  });
}

const fullBody = () => Readable.from(Array.from({ length: TOTAL }, (_, i) => line(i)));

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`resuming an S3 object on ${backend}`, { skip: backend === 'postgres' ? postgresSkipReason() : undefined }, () => {
    const now = Date.UTC(2026, 0, 1);
    const container = useInProcessContainer(backend, () => new Date(now));

    test('a run cut short resumes after the last committed record', async () => {
      const { domains, objectTypes, ingestion } = container().services;
      const store = container().store;
      await domains.create(scope, { name: 'drops', defaultExpirationDays: 30 });
      await objectTypes.put(scope, 'drops', {
        name: 'Row',
        description: 'rows',
        allowProfileCreation: true,
        fields: { id: { source: '_source.id', contentType: 'STRING' }, email: { source: '_source.email', contentType: 'EMAIL_ADDRESS' } },
        keys: { rowId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }] },
      });
      const target = { scope, domainName: 'drops', uri: 's3://bucket/in/', objectKey: 'in/rows.jsonl', etag: '"abc"', objectTypeName: 'Row', format: 'jsonl' as const };
      const objects = new S3ObjectIngestion(store, ingestion, () => new Date(now), pino({ level: 'silent' }));

      await assert.rejects(objects.ingest(target, droppedBody(1_200), undefined), /socket hang up/);
      const cut = (await store.s3IntegrationObjects.getMany(scope, 'drops', target.uri, [target.objectKey])).get(target.objectKey)!;
      assert.equal(cut.recordsDone, 2 * S3_RECORDS_PER_TRANSACTION, 'two whole transactions committed, the third never did');
      assert.equal(cut.completed, false);
      assert.equal((await store.profileObjects.stats(scope, 'drops')).objectCount, 2 * S3_RECORDS_PER_TRANSACTION);

      const done = await objects.ingest(target, fullBody(), cut);
      // ingested counts every record sent: TOTAL, not TOTAL + the 1,000 sent before, so nothing went twice.
      assert.deepEqual([done.recordsDone, done.ingested, done.rejected, done.completed], [TOTAL, TOTAL, 0, true]);
      assert.equal((await store.profileObjects.stats(scope, 'drops')).objectCount, TOTAL);

      // A worker that loses its lease stops after the transaction in hand.
      const other = { ...target, objectKey: 'in/other.jsonl' };
      await assert.rejects(objects.ingest(other, fullBody(), undefined, async () => false), S3IngestionTakenOver);
      const stopped = (await store.s3IntegrationObjects.getMany(scope, 'drops', target.uri, [other.objectKey])).get(other.objectKey)!;
      assert.deepEqual([stopped.recordsDone, stopped.completed], [S3_RECORDS_PER_TRANSACTION, false]);

      // The same object again is ingested anew only under another ETag.
      const again = await objects.ingest({ ...target, etag: '"def"' }, Readable.from([line(0)]), done);
      assert.deepEqual([again.recordsDone, again.ingested, again.etag], [1, 1, '"def"']);
    });
  });
}
