// Whose credentials reach a bucket: the one place every S3 use (s3:// integrations, workflow S3 sources,
// identity-resolution and rule-based match exports) asks. Outbound credentials belong to the account: its
// S3 connector profile that lists the bucket; else its S3 profile without a bucket list (the first by name);
// else, only for an account the operator granted it (--s3-accounts), the server's own S3 setting. Nothing else:
// no default credential chain, no other account's keys.
import type { S3SourceConfig } from '../../config.js';
import type { Scope } from '../../storage/ports.js';
import { noS3Credentials } from '../errors.js';
import type { ConnectorProfiles, OpenedConnectorProfile } from '../workflows/connector-profiles.js';

/** An S3 service and the keys to sign for it with. */
export interface S3Access {
  /** An S3-compatible endpoint (path-style addressing); AWS S3 when absent. */
  readonly endpoint?: string;
  readonly region: string;
  /** Absent only for the server's own setting without static keys: the server's AWS default chain, granted by the operator. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** The connector profile the credentials come from; absent: the server's own S3 setting. */
  readonly profileName?: string;
}

const DEFAULT_REGION = 'us-east-1';

function accessOf(profile: OpenedConnectorProfile): S3Access | undefined {
  const { accessKeyId, secretAccessKey, sessionToken, region } = profile.credentials;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return {
    ...(profile.instanceUrl ? { endpoint: profile.instanceUrl } : {}),
    region: region || DEFAULT_REGION,
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    profileName: profile.name,
  };
}

export class S3AccessResolver {
  constructor(
    private readonly profiles: ConnectorProfiles,
    private readonly server: Pick<S3SourceConfig, 'endpoint' | 'region' | 'credentials' | 'accounts'>,
  ) {}

  /**
   * The credentials `scope` uses for `bucket`; with `profileName` (a workflow's ConnectorProfileName) only that
   * S3 profile, and only when it serves the bucket. Throws the BadRequest naming what the operator must add.
   */
  async resolve(scope: Scope, bucket: string, profileName?: string): Promise<S3Access> {
    const access = await this.find(scope, bucket, profileName);
    if (!access) throw noS3Credentials(scope, bucket, profileName);
    return access;
  }

  private async find(scope: Scope, bucket: string, profileName: string | undefined): Promise<S3Access | undefined> {
    const profiles = (await this.profiles.openAll(scope, 'S3')).filter((profile) => accessOf(profile) !== undefined);
    if (profileName !== undefined) {
      const named = profiles.find((profile) => profile.name === profileName);
      return named && (named.buckets === undefined || named.buckets.includes(bucket)) ? accessOf(named) : undefined;
    }
    const chosen = profiles.find((profile) => profile.buckets?.includes(bucket)) ?? profiles.find((profile) => profile.buckets === undefined);
    if (chosen) return accessOf(chosen);
    if (!this.server.accounts.includes(scope.accountId)) return undefined;
    return {
      ...(this.server.endpoint ? { endpoint: this.server.endpoint } : {}),
      region: this.server.region,
      ...(this.server.credentials ? { credentials: this.server.credentials } : {}),
    };
  }
}
