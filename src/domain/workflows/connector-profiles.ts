// Connector profiles: where a source is and the credentials to read it, named by ConnectorProfileName.
// The credentials are sealed at rest with the server's master key like every other secret.
import type { SourceConnectorType } from '../../generated/shapes.js';
import type { ConnectorProfile } from '../../connectors/connector.js';
import type { Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../clock.js';
import type { SecretBox } from '../secrets/secret-box.js';

/** The CLI's lower-case names of the source types. */
export const CONNECTOR_TYPES: Readonly<Record<string, SourceConnectorType>> = {
  salesforce: 'Salesforce',
  s3: 'S3',
  zendesk: 'Zendesk',
  servicenow: 'Servicenow',
  marketo: 'Marketo',
};

export interface ConnectorProfileInput {
  readonly name: string;
  readonly type: SourceConnectorType;
  readonly instanceUrl?: string;
  readonly credentials: Readonly<Record<string, string>>;
}

/** What a listing shows: never the credentials, only their names. */
export interface ConnectorProfileSummary {
  readonly name: string;
  readonly type: string;
  readonly instanceUrl?: string;
  readonly credentialNames: string[];
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
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
    const now = this.clock();
    const previous = await this.store.connectorProfiles.get(scope, input.name);
    await this.store.connectorProfiles.put(scope, {
      name: input.name,
      connectorType: input.type,
      instanceUrl: input.instanceUrl,
      sealedCredentials: this.secrets.seal(JSON.stringify(input.credentials)),
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
    if (!record) return undefined;
    return { name: record.name, type: record.connectorType as SourceConnectorType, instanceUrl: record.instanceUrl, credentials: this.credentialsOf(record.sealedCredentials) };
  }

  private credentialsOf(sealed: string): Record<string, string> {
    return JSON.parse(this.secrets.open(sealed)) as Record<string, string>;
  }
}
