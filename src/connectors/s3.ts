// S3 source (issue 7): the CSV, JSON Lines and JSON-array objects under BucketName/BucketPrefix whose
// LastModified falls in the window, in key order, a page of records at a time. The cursor is the object
// key and the record index within it. Endpoint (S3-compatible, path-style), region and keys are the account's
// S3 access for the bucket (domain/outbound/s3-access.ts), resolved by the workflow runtime.
import { GetObjectCommand, ListObjectsV2Command, type _Object } from '@aws-sdk/client-s3';
import type { S3Access } from '../domain/outbound/s3-access.js';
import { ConnectorError, type Connector, type PullPage, type PullRequest } from './connector.js';
import { formatOfKey, parseRecords } from './parse-records.js';
import { s3ClientFor } from './s3-client.js';

const PAGE_SIZE = 500;
const PERMANENT = new Set(['NoSuchBucket', 'AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'NoSuchKey', 'InvalidBucketName', 'AllAccessDisabled']);

interface S3Cursor {
  readonly key: string;
  readonly skip: number;
}

/** LastModified has one-second resolution: windows compare on whole seconds so adjacent windows neither overlap nor leave a gap. */
const floorSecond = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

function classify(error: unknown, what: string): ConnectorError {
  const name = (error as { name?: string }).name ?? 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const message = error instanceof Error ? error.message : String(error);
  if (PERMANENT.has(name) || (status !== undefined && status >= 400 && status < 500 && status !== 429 && status !== 408)) {
    return new ConnectorError(`${what}: ${name}${message && message !== name ? ` (${message})` : ''}; check the bucket, prefix and the connector profile's keys`, false);
  }
  return new ConnectorError(`${what}: ${name} ${message}`, true);
}

export function s3Connector(access: S3Access): Connector {
  // The workflow runtime retries transient failures itself.
  const client = s3ClientFor(access, { maxAttempts: 1 });

  async function listObjects(bucket: string, prefix: string, request: PullRequest): Promise<_Object[]> {
    const from = request.window.from && floorSecond(request.window.from);
    const to = request.window.to && floorSecond(request.window.to);
    const objects: _Object[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }), { abortSignal: request.signal });
      for (const object of page.Contents ?? []) {
        if (!object.Key || object.Key.endsWith('/')) continue;
        const modified = object.LastModified?.getTime() ?? 0;
        if (from !== undefined && modified < from) continue;
        if (to !== undefined && modified >= to) continue;
        objects.push(object);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects.sort((a, b) => (a.Key! < b.Key! ? -1 : a.Key! > b.Key! ? 1 : 0));
  }

  return {
    type: 'S3',
    async pull(request: PullRequest): Promise<PullPage> {
      const bucket = request.object;
      const prefix = typeof request.properties['BucketPrefix'] === 'string' ? request.properties['BucketPrefix'] : '';
      const cursor = request.cursor ? (JSON.parse(request.cursor) as S3Cursor) : undefined;
      let objects: _Object[];
      try {
        objects = await listObjects(bucket, prefix, request);
      } catch (error) {
        throw classify(error, `listing s3://${bucket}/${prefix}`);
      }
      const index = cursor ? objects.findIndex((object) => object.Key! >= cursor.key) : 0;
      const object = index >= 0 ? objects[index] : undefined;
      if (!object) return { records: [] };
      const key = object.Key!;
      const skip = cursor && cursor.key === key ? cursor.skip : 0;
      let text: string;
      try {
        const body = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: request.signal });
        text = (await body.Body?.transformToString('utf8')) ?? '';
      } catch (error) {
        throw classify(error, `reading s3://${bucket}/${key}`);
      }
      let records: Record<string, unknown>[];
      try {
        records = parseRecords(text, formatOfKey(key, text));
      } catch (error) {
        throw new ConnectorError(`s3://${bucket}/${key} cannot be read as CSV, JSON Lines or a JSON array: ${error instanceof Error ? error.message : String(error)}`, false);
      }
      const page = records.slice(skip, skip + PAGE_SIZE);
      const following = objects[index + 1];
      const next: S3Cursor | undefined =
        skip + PAGE_SIZE < records.length ? { key, skip: skip + PAGE_SIZE } : following ? { key: following.Key!, skip: 0 } : undefined;
      return { records: page, cursor: next && JSON.stringify(next), watermark: object.LastModified };
    },
  };
}
