// An S3 service and the account's keys for it (domain/outbound/s3-access.ts: AWS S3, or an S3-compatible
// endpoint with path-style addressing) as an SDK client, for s3:// integrations, workflow sources and exports.
import { S3Client } from '@aws-sdk/client-s3';
import type { S3Access } from '../domain/outbound/s3-access.js';

export function s3ClientFor(access: S3Access, options: { readonly maxAttempts?: number } = {}): S3Client {
  return new S3Client({
    endpoint: access.endpoint,
    region: access.region,
    forcePathStyle: access.endpoint !== undefined,
    credentials: access.credentials,
    ...options,
    // Background jobs run one at a time: an S3 that does not answer must not hold them up for long.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}
