// The server's configuration, read once from command-line options and the environment.
import { join, resolve } from 'node:path';
import type { S3ExportConfig } from './domain/identity-resolution/export-matches.js';

export type DatabaseConfig = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** The default account: the one whose root key is bootstrapped at start. */
  readonly accountId: string;
  /** The region written into the credentials instructions; requests may be signed for any region. */
  readonly region: string;
  readonly rootKey?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly masterKey?: string;
  readonly bodyLimitBytes: number;
  readonly logLevel: string;
  /** Where identity-resolution jobs export match results (Matching.ExportingConfig.S3Exporting). */
  readonly s3Export: S3ExportConfig;
}

export interface ServeOptions {
  host?: string;
  port?: string | number;
  dataDir?: string;
  database?: string;
  accountId?: string;
  region?: string;
  logLevel?: string;
}

export const DEFAULT_PORT = 4747;
export const DEFAULT_DATA_DIR = 'data';
export const DEFAULT_ACCOUNT_ID = '000000000000';
export const DEFAULT_REGION = 'us-east-1';
/** Room for the largest model input (a 256,000-character object, or ten of them in a batch), JSON-escaped. */
export const DEFAULT_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

function parsePort(value: string | number | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${value}`);
  return port;
}

export function readConfig(options: ServeOptions, env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(options.dataDir ?? env['OPENPROFILES_DATA_DIR'] ?? DEFAULT_DATA_DIR);
  const databaseUrl = options.database ?? env['OPENPROFILES_DATABASE_URL'];
  const accountId = options.accountId ?? env['OPENPROFILES_ACCOUNT_ID'] ?? DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(accountId)) throw new Error(`invalid account id (12 digits expected): ${accountId}`);
  const rootId = env['OPENPROFILES_ROOT_ACCESS_KEY_ID'];
  const rootSecret = env['OPENPROFILES_ROOT_SECRET_ACCESS_KEY'];
  if (Boolean(rootId) !== Boolean(rootSecret)) {
    throw new Error('set both OPENPROFILES_ROOT_ACCESS_KEY_ID and OPENPROFILES_ROOT_SECRET_ACCESS_KEY, or neither');
  }
  let database: DatabaseConfig;
  if (databaseUrl === undefined || databaseUrl === '') database = { kind: 'sqlite', file: join(dataDir, 'openprofiles.db') };
  else if (/^postgres(ql)?:\/\//.test(databaseUrl)) database = { kind: 'postgres', url: databaseUrl };
  else if (databaseUrl.startsWith('sqlite:')) database = { kind: 'sqlite', file: resolve(databaseUrl.slice('sqlite:'.length)) };
  else throw new Error(`unsupported database URL (postgres://… or sqlite:<file>): ${databaseUrl}`);
  return {
    host: options.host ?? env['OPENPROFILES_HOST'] ?? '127.0.0.1',
    port: parsePort(options.port ?? env['OPENPROFILES_PORT']),
    dataDir,
    database,
    accountId,
    region: options.region ?? env['OPENPROFILES_REGION'] ?? DEFAULT_REGION,
    rootKey: rootId && rootSecret ? { accessKeyId: rootId, secretAccessKey: rootSecret } : undefined,
    masterKey: env['OPENPROFILES_MASTER_KEY'] || undefined,
    bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    logLevel: options.logLevel ?? env['OPENPROFILES_LOG_LEVEL'] ?? 'info',
    s3Export: readS3ExportConfig(env, options.region ?? env['OPENPROFILES_REGION'] ?? DEFAULT_REGION),
  };
}

/**
 * OPENPROFILES_S3_ENDPOINT points exports at an S3-compatible store (path-style addressing);
 * OPENPROFILES_S3_REGION (default: the server's region) and, optionally, OPENPROFILES_S3_ACCESS_KEY_ID with
 * OPENPROFILES_S3_SECRET_ACCESS_KEY (default: the AWS SDK's credential chain).
 */
function readS3ExportConfig(env: NodeJS.ProcessEnv, region: string): S3ExportConfig {
  const endpoint = env['OPENPROFILES_S3_ENDPOINT'] || undefined;
  const accessKeyId = env['OPENPROFILES_S3_ACCESS_KEY_ID'];
  const secretAccessKey = env['OPENPROFILES_S3_SECRET_ACCESS_KEY'];
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('set both OPENPROFILES_S3_ACCESS_KEY_ID and OPENPROFILES_S3_SECRET_ACCESS_KEY, or neither');
  }
  return {
    ...(endpoint === undefined ? {} : { endpoint }),
    region: env['OPENPROFILES_S3_REGION'] || region,
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  };
}
