// The S3 connector against a real S3-protocol server: incremental windows by LastModified (whole seconds),
// key order and the cursor across objects, the prefix, and errors classified for the operator.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Connector } from '../../src/connectors/s3.js';
import { ConnectorError, type Connector, type PullRequest } from '../../src/connectors/connector.js';
import { startS3Server, type RunningS3 } from '../support/s3-server.js';

let s3: RunningS3;
let connector: Connector;
const BUCKET = 'connector-test';

before(async () => {
  s3 = await startS3Server();
  await s3.createBucket(BUCKET);
  connector = s3Connector({ endpoint: s3.endpoint, region: 'us-east-1', credentials: s3.credentials, profileName: 'p' });
});
after(async () => s3?.stop());

async function pullAll(request: Omit<PullRequest, 'object' | 'properties'>, prefix = 'in/'): Promise<unknown[]> {
  const records: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await connector.pull({ object: BUCKET, properties: { BucketPrefix: prefix }, ...request, cursor });
    records.push(...page.records);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return records;
}

test('windows on LastModified split old and new objects, each read once, in key order', async () => {
  const put = (key: string, body: string) => s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  await put('in/b.jsonl', '{"id":"b1"}\n{"id":"b2"}\n');
  await put('in/a.csv', 'id\na1\n');
  await put('elsewhere/z.csv', 'id\nz1\n');
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const cut = new Date();
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await put('in/c.json', '[{"id":"c1"}]');
  assert.deepEqual(await pullAll({ window: { to: cut } }), [{ id: 'a1' }, { id: 'b1' }, { id: 'b2' }]);
  assert.deepEqual(await pullAll({ window: { from: cut } }), [{ id: 'c1' }]);
  assert.deepEqual(await pullAll({ window: {} }), [{ id: 'a1' }, { id: 'b1' }, { id: 'b2' }, { id: 'c1' }]);
  const page = await connector.pull({ object: BUCKET, properties: { BucketPrefix: 'in/' }, window: { from: cut } });
  assert.ok(page.watermark && page.watermark.getTime() >= Math.floor(cut.getTime() / 1000) * 1000);
});

test('a missing bucket is permanent; an unreadable object is permanent and named', async () => {
  await assert.rejects(connector.pull({ object: 'nope-bucket', properties: {}, window: {} }), (error: unknown) => error instanceof ConnectorError && !error.transient && /NoSuchBucket/.test(error.message));
  await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad/x.json', Body: '{not json' }));
  await assert.rejects(connector.pull({ object: BUCKET, properties: { BucketPrefix: 'bad/' }, window: {} }), (error: unknown) => error instanceof ConnectorError && !error.transient && /bad\/x\.json/.test(error.message));
});

test('an endpoint nobody answers is transient', async () => {
  const down = s3Connector({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: s3.credentials, profileName: 'p' });
  await assert.rejects(down.pull({ object: BUCKET, properties: {}, window: {} }), (error: unknown) => error instanceof ConnectorError && error.transient);
});
