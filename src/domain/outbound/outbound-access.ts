// The account's ways out of the server: S3 (integrations, workflow sources, exports) and SQS (dead letters),
// each resolved from the account's own connector profiles and the operator's grants.
import type { Config } from '../../config.js';
import type { ConnectorProfiles } from '../workflows/connector-profiles.js';
import { S3AccessResolver } from './s3-access.js';
import { SqsAccessResolver } from './sqs-access.js';

export interface OutboundAccess {
  readonly s3: S3AccessResolver;
  readonly sqs: SqsAccessResolver;
}

export function outboundAccess(profiles: ConnectorProfiles, config: Pick<Config, 's3' | 'sqs'>): OutboundAccess {
  return { s3: new S3AccessResolver(profiles, config.s3), sqs: new SqsAccessResolver(profiles, config.sqs) };
}
