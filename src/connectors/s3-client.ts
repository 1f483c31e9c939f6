// The server's one S3 service (config.ts S3SourceConfig: AWS S3, or an S3-compatible endpoint with path-style
// addressing) as an SDK client, for s3:// integrations and match exports alike.
import { S3Client } from '@aws-sdk/client-s3';
import type { S3SourceConfig } from '../config.js';

export function s3ClientFor(config: Pick<S3SourceConfig, 'endpoint' | 'region' | 'credentials'>): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.endpoint !== undefined,
    credentials: config.credentials,
    // Background jobs run one at a time: an S3 that does not answer must not hold them up for long.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}
