// The S3 gate itself against s3rver: a key reaches its own buckets only, forged and unknown keys are refused, and every request is recorded with its signer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startS3Server } from './s3-server.js';
import { gateKey, startS3Gate } from './s3-gate.js';

test('the S3 gate lets a key reach its own buckets only, checks signatures, and records who signed', async () => {
  const s3 = await startS3Server();
  const ann = gateKey('ann', ['ann-bucket']);
  const bob = gateKey('bob', ['bob-bucket']);
  const gate = await startS3Gate(s3, [ann, bob]);
  const clientOf = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new S3Client({ endpoint: gate.endpoint, region: 'eu-west-1', forcePathStyle: true, credentials, maxAttempts: 1 });
  const asAnn = clientOf(ann);
  const asBob = clientOf(bob);
  const forger = clientOf({ accessKeyId: ann.accessKeyId, secretAccessKey: bob.secretAccessKey });
  const stranger = clientOf({ accessKeyId: 'AKIASTRANGER', secretAccessKey: 'nope' });
  try {
    await s3.createBucket('ann-bucket');
    await s3.createBucket('bob-bucket');
    await asAnn.send(new PutObjectCommand({ Bucket: 'ann-bucket', Key: 'in/a b.jsonl', Body: '{"x":1}\n' }));
    const got = await asAnn.send(new GetObjectCommand({ Bucket: 'ann-bucket', Key: 'in/a b.jsonl' }));
    assert.equal(await got.Body?.transformToString(), '{"x":1}\n');
    assert.deepEqual((await asAnn.send(new ListObjectsV2Command({ Bucket: 'ann-bucket', Prefix: 'in/' }))).Contents?.map((object) => object.Key), ['in/a b.jsonl']);
    const refused = async (promise: Promise<unknown>, code: string) => assert.rejects(promise, (error: { name?: string; $metadata?: { httpStatusCode?: number } }) => error.name === code && error.$metadata?.httpStatusCode === 403);
    await refused(asBob.send(new GetObjectCommand({ Bucket: 'ann-bucket', Key: 'in/a b.jsonl' })), 'AccessDenied');
    await refused(asBob.send(new PutObjectCommand({ Bucket: 'ann-bucket', Key: 'planted.jsonl', Body: 'x' })), 'AccessDenied');
    await refused(forger.send(new ListObjectsV2Command({ Bucket: 'ann-bucket' })), 'SignatureDoesNotMatch');
    await refused(stranger.send(new ListObjectsV2Command({ Bucket: 'ann-bucket' })), 'InvalidAccessKeyId');
    await assert.rejects(s3.client.send(new GetObjectCommand({ Bucket: 'ann-bucket', Key: 'planted.jsonl' })), { name: 'NoSuchKey' });
    assert.deepEqual(
      gate.requests.map((request) => [request.accessKeyId === ann.accessKeyId ? 'ann' : request.accessKeyId === bob.accessKeyId ? 'bob' : request.accessKeyId, request.method, request.bucket, request.status]),
      [
        ['ann', 'PUT', 'ann-bucket', 200],
        ['ann', 'GET', 'ann-bucket', 200],
        ['ann', 'GET', 'ann-bucket', 200],
        ['bob', 'GET', 'ann-bucket', 403],
        ['bob', 'PUT', 'ann-bucket', 403],
        ['ann', 'GET', 'ann-bucket', 403],
        ['AKIASTRANGER', 'GET', 'ann-bucket', 403],
      ],
    );
    assert.equal(gate.requests[0]!.key, 'in/a b.jsonl');
  } finally {
    for (const client of [asAnn, asBob, forger, stranger]) client.destroy();
    await gate.stop();
    await s3.stop();
  }
});
