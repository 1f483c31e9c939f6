// Where dead letters may go and whose keys sign them. A DeadLetterQueueUrl is accepted only on AWS's own SQS
// endpoints (`https://sqs.<region>.amazonaws.com`, `.amazonaws.com.cn`) or an SQS-compatible endpoint the
// operator allows (--sqs-endpoints), with the path `/<12-digit account>/<queue name>`; it is signed with the
// account's own SQS connector profile for that endpoint — never the server's keys or its default chain.
import type { SqsConfig } from '../../config.js';
import type { Scope } from '../../storage/ports.js';
import { deadLetterQueueNotAllowed, noSqsCredentials } from '../errors.js';
import type { ConnectorProfiles } from '../workflows/connector-profiles.js';

/** A queue URL taken apart. */
export interface QueueLocation {
  /** `scheme://host[:port]`. */
  readonly origin: string;
  /** The region of an AWS SQS endpoint; absent for an operator-allowed endpoint. */
  readonly awsRegion?: string;
}

/** The keys and endpoint a dead letter is sent with. */
export interface SqsAccess {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly profileName: string;
}

const AWS_ORIGIN = /^https:\/\/sqs\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;
const QUEUE_PATH = /^\/\d{12}\/[A-Za-z0-9_-]{1,80}(?:\.fifo)?$/;

/** `<origin>/<12 digits>/<queue>` written exactly so (no credentials, query, fragment or extra path); else undefined. */
export function parseQueueUrl(url: string): QueueLocation | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(parsed.protocol) || `${parsed.origin}${parsed.pathname}` !== url || !QUEUE_PATH.test(parsed.pathname)) return undefined;
  const awsRegion = AWS_ORIGIN.exec(parsed.origin)?.[1];
  return { origin: parsed.origin, ...(awsRegion ? { awsRegion } : {}) };
}

export class SqsAccessResolver {
  private readonly allowed: ReadonlySet<string>;

  constructor(
    private readonly profiles: ConnectorProfiles,
    config: SqsConfig,
  ) {
    this.allowed = new Set(config.endpoints);
  }

  /** The queue's location when this server may send to it; else the BadRequest naming the rule. */
  check(url: string): QueueLocation {
    const location = parseQueueUrl(url);
    if (!location || (location.awsRegion === undefined && !this.allowed.has(location.origin))) throw deadLetterQueueNotAllowed();
    return location;
  }

  /**
   * The account's keys for the queue: its SQS profile whose instance URL is the queue's endpoint, else (on AWS)
   * its SQS profile without one, first by name. Throws the BadRequest naming what the operator must add.
   */
  async resolve(scope: Scope, url: string): Promise<SqsAccess> {
    const location = this.check(url);
    const profiles = (await this.profiles.openAll(scope, 'SQS')).filter((profile) => profile.credentials['accessKeyId'] && profile.credentials['secretAccessKey']);
    const originOf = (instanceUrl: string) => {
      try {
        return new URL(instanceUrl).origin;
      } catch {
        return undefined;
      }
    };
    const chosen =
      profiles.find((profile) => profile.instanceUrl !== undefined && originOf(profile.instanceUrl) === location.origin) ??
      (location.awsRegion !== undefined ? profiles.find((profile) => profile.instanceUrl === undefined) : undefined);
    if (!chosen) throw noSqsCredentials(scope, location.origin, location.awsRegion !== undefined);
    const { accessKeyId, secretAccessKey, region } = chosen.credentials;
    return {
      endpoint: location.origin,
      region: location.awsRegion ?? (region || scope.region),
      credentials: { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey! },
      profileName: chosen.name,
    };
  }
}
