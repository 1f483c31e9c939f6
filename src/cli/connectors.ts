// `openprofiles connectors put-profile|list|delete`: connector profiles (a source's URL and credentials,
// sealed at rest) that workflows name by ConnectorProfileName, and the account's own S3 and SQS keys for its
// integrations, exports and dead letters, on the same data as a running server.
import { readConfig, type ServeOptions } from '../config.js';
import { createContainer, type Container } from '../container.js';
import type { Scope } from '../storage/ports.js';
import { CONNECTOR_TYPES } from '../domain/workflows/connector-profiles.js';

interface ScopeOptions extends ServeOptions {
  accountId?: string;
  region?: string;
}

export interface PutProfileOptions extends ScopeOptions {
  name: string;
  type: string;
  instanceUrl?: string;
  token?: string;
  email?: string;
  username?: string;
  password?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  clientId?: string;
  clientSecret?: string;
  apiVersion?: string;
  awsRegion?: string;
  buckets?: string;
}

async function withContainer<T>(options: ScopeOptions, work: (container: Container, scope: Scope) => Promise<T>): Promise<T> {
  const config = readConfig({ ...options, logLevel: options.logLevel ?? 'warn' });
  const container = await createContainer(config);
  try {
    return await work(container, { accountId: config.accountId, region: config.region });
  } finally {
    await container.close();
  }
}

export async function putConnectorProfile(options: PutProfileOptions): Promise<void> {
  const type = CONNECTOR_TYPES[options.type.toLowerCase()];
  if (!type) throw new Error(`unknown connector type ${options.type} (one of ${Object.keys(CONNECTOR_TYPES).join(', ')})`);
  if (Boolean(options.accessKeyId) !== Boolean(options.secretAccessKey)) throw new Error('give both --access-key-id and --secret-access-key, or neither');
  const aws = type === 'S3' || type === 'SQS';
  if (!aws && !options.instanceUrl) throw new Error(`a ${options.type} profile needs --instance-url`);
  if (aws && !options.accessKeyId) throw new Error(`a ${options.type} profile needs --access-key-id and --secret-access-key (the account's own keys)`);
  if (options.buckets !== undefined && type !== 'S3') throw new Error('--buckets is for s3 profiles only');
  const buckets = options.buckets === undefined ? undefined : options.buckets.split(',').map((bucket) => bucket.trim()).filter((bucket) => bucket !== '');
  if (Boolean(options.username) !== Boolean(options.password)) throw new Error('give both --username and --password, or neither');
  const credentials: Record<string, string> = {};
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') credentials[name] = value;
  };
  add('token', options.token);
  add('email', options.email);
  add('username', options.username);
  add('password', options.password);
  add('accessKeyId', options.accessKeyId);
  add('secretAccessKey', options.secretAccessKey);
  add('clientId', options.clientId);
  add('clientSecret', options.clientSecret);
  add('apiVersion', options.apiVersion);
  add('region', options.awsRegion);
  await withContainer(options, (container, scope) =>
    container.services.connectorProfiles.put(scope, { name: options.name, type, instanceUrl: options.instanceUrl, credentials, ...(buckets && { buckets }) }),
  );
  process.stdout.write(JSON.stringify({ ConnectorProfileName: options.name, ConnectorType: type }) + '\n');
}

export async function listConnectorProfiles(options: ScopeOptions): Promise<void> {
  const profiles = await withContainer(options, (container, scope) => container.services.connectorProfiles.list(scope));
  for (const profile of profiles) {
    const line = {
      ConnectorProfileName: profile.name,
      ConnectorType: profile.type,
      InstanceUrl: profile.instanceUrl,
      Buckets: profile.buckets,
      Credentials: profile.credentialNames,
      CreatedAt: profile.createdAt.toISOString(),
      LastUpdatedAt: profile.lastUpdatedAt.toISOString(),
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}

export async function deleteConnectorProfile(options: ScopeOptions & { name: string }): Promise<void> {
  const deleted = await withContainer(options, (container, scope) => container.services.connectorProfiles.delete(scope, options.name));
  if (!deleted) throw new Error(`no connector profile named ${options.name}`);
}
