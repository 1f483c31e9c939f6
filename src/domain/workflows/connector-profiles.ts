// Connector profiles: where a source (or an outbound AWS service) is and the credentials to reach it, named by
// ConnectorProfileName. The operator maps them to accounts (there is no API to create them); the credentials
// are sealed at rest with the server's master key like every other secret.
import type { SourceConnectorType } from '../../generated/shapes.js';
import type { ConnectorProfile } from '../../connectors/connector.js';
import type { ConnectorProfileRecord } from '../../storage/workflow-ports.js';
import type { Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../clock.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { parseS3Uri } from '../integrations/s3-location.js';

/** A workflow source, or SQS: the account's own keys for sending dead letters (domain/outbound/sqs-access.ts). */
export type ConnectorProfileType = SourceConnectorType | 'SQS';

/** The CLI's lower-case names of the profile types. */
export const CONNECTOR_TYPES: Readonly<Record<string, ConnectorProfileType>> = {
  salesforce: 'Salesforce',
  s3: 'S3',
  zendesk: 'Zendesk',
  servicenow: 'Servicenow',
  marketo: 'Marketo',
  sqs: 'SQS',
};

/** The types whose profiles are AWS credentials: they must carry keys (nothing falls back to the server's). */
const AWS_TYPES: ReadonlySet<ConnectorProfileType> = new Set(['S3', 'SQS']);

export interface ConnectorProfileInput {
  readonly name: string;
  readonly type: ConnectorProfileType;
  readonly instanceUrl?: string;
  readonly credentials: Readonly<Record<string, string>>;
  /** S3 only: the buckets these credentials serve; absent: the account's buckets no other profile names. */
  readonly buckets?: readonly string[];
}

/** What a listing shows: never the credentials, only their names. */
export interface ConnectorProfileSummary {
  readonly name: string;
  readonly type: string;
  readonly instanceUrl?: string;
  readonly buckets?: readonly string[];
  readonly credentialNames: string[];
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

/** A profile of any type with its credentials opened, for the outbound credential resolvers. */
export interface OpenedConnectorProfile {
  readonly name: string;
  readonly type: ConnectorProfileType;
  readonly instanceUrl?: string;
  readonly buckets?: readonly string[];
  readonly credentials: Readonly<Record<string, string>>;
}

const NAME = /^[\w/!@#+=.-]{1,256}$/;

export class ConnectorProfiles {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  async put(scope: Scope, input: ConnectorProfileInput): Promise<void> {
    if (!NAME.test(input.name)) throw new Error(`invalid connector profile name ${JSON.stringify(input.name)} (1-256 of letters, digits and _/!@#+=.-)`);
    if (input.instanceUrl !== undefined && !/^https?:\/\//.test(input.instanceUrl)) throw new Error(`the instance URL must be http(s)://…, got ${input.instanceUrl}`);
    if (AWS_TYPES.has(input.type) && !(input.credentials['accessKeyId'] && input.credentials['secretAccessKey'])) {
      throw new Error(`a ${input.type} profile needs an access key id and a secret access key`);
    }
    if (input.buckets !== undefined) {
      if (input.type !== 'S3') throw new Error(`only an S3 profile names buckets, not a ${input.type} one`);
      const bad = input.buckets.find((bucket) => parseS3Uri(`s3://${bucket}`)?.bucket !== bucket);
      if (bad !== undefined) throw new Error(`invalid bucket name ${JSON.stringify(bad)} (S3 naming rules: 3-63 lower-case letters, digits, dots and hyphens)`);
      if (input.buckets.length === 0) throw new Error('give at least one bucket, or none to leave the profile unlimited');
    }
    const now = this.clock();
    const previous = await this.store.connectorProfiles.get(scope, input.name);
    await this.store.connectorProfiles.put(scope, {
      name: input.name,
      connectorType: input.type,
      instanceUrl: input.instanceUrl,
      sealedCredentials: this.secrets.seal(JSON.stringify(input.credentials)),
      ...(input.buckets === undefined ? {} : { buckets: [...new Set(input.buckets)] }),
      createdAt: previous?.createdAt ?? now,
      lastUpdatedAt: now,
    });
  }

  async list(scope: Scope): Promise<ConnectorProfileSummary[]> {
    const records = await this.store.connectorProfiles.list(scope);
    return records.map((record) => ({
      name: record.name,
      type: record.connectorType,
      instanceUrl: record.instanceUrl,
      ...(record.buckets === undefined ? {} : { buckets: record.buckets }),
      credentialNames: Object.keys(this.credentialsOf(record.sealedCredentials)).sort(),
      createdAt: record.createdAt,
      lastUpdatedAt: record.lastUpdatedAt,
    }));
  }

  delete(scope: Scope, name: string): Promise<boolean> {
    return this.store.connectorProfiles.delete(scope, name);
  }

  /** The profile with its credentials opened, for a connector; undefined when there is none by that name. */
  async open(scope: Scope, name: string): Promise<ConnectorProfile | undefined> {
    const record = await this.store.connectorProfiles.get(scope, name);
    return record && (this.opened(record) as ConnectorProfile);
  }

  /** The scope's profiles of one type, credentials opened, in name order. */
  async openAll(scope: Scope, type: ConnectorProfileType): Promise<OpenedConnectorProfile[]> {
    const records = await this.store.connectorProfiles.list(scope);
    return records.filter((record) => record.connectorType === type).map((record) => this.opened(record));
  }

  private opened(record: ConnectorProfileRecord): OpenedConnectorProfile {
    return {
      name: record.name,
      type: record.connectorType as ConnectorProfileType,
      instanceUrl: record.instanceUrl,
      ...(record.buckets === undefined ? {} : { buckets: record.buckets }),
      credentials: this.credentialsOf(record.sealedCredentials),
    };
  }

  private credentialsOf(sealed: string): Record<string, string> {
    return JSON.parse(this.secrets.open(sealed)) as Record<string, string>;
  }
}
