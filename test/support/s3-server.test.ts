import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startS3Server } from './s3-server.js';

test('the test S3 server stores and returns an object', async () => {
  const s3 = await startS3Server();
  try {
    await s3.createBucket('probe-bucket');
    await s3.client.send(new PutObjectCommand({ Bucket: 'probe-bucket', Key: 'a/b.jsonl', Body: '{"x":1}\n' }));
    const got = await s3.client.send(new GetObjectCommand({ Bucket: 'probe-bucket', Key: 'a/b.jsonl' }));
    assert.equal(await got.Body?.transformToString(), '{"x":1}\n');
  } finally {
    await s3.stop();
  }
});
