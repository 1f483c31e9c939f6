// The server's configuration, read once from command-line options and the environment.
import { join, resolve } from 'node:path';
import type { StoreConfig } from './storage/open-store.js';
import { readEdgeLimits, type EdgeLimits } from './server/edge/edge-config.js';
import { DEFAULT_BACKFILL_PAGE, DEFAULT_DEFINITIONS_PER_DOMAIN } from './domain/calculated-attributes/definition.js';

/** Which database the server opens: the store's own description of one. */
export type DatabaseConfig = StoreConfig;

/**
 * The server's own S3 service and keys, and the accounts the operator lets use them. Every other account
 * reaches S3 only with the credentials of its own connector profiles (domain/outbound/s3-access.ts).
 */
export interface S3SourceConfig {
  /** An S3-compatible endpoint (path-style addressing); AWS S3 when absent. */
  readonly endpoint?: string;
  readonly region: string;
  /** Static keys; the AWS default credential chain when absent. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The accounts granted the server's S3 setting (--s3-accounts / OPENPROFILES_S3_ACCOUNTS); none by default. */
  readonly accounts: readonly string[];
  /** How often each s3:// integration lists its prefix for new objects. */
  readonly pollIntervalMs: number;
}

/** Where dead letters may be sent besides AWS's own SQS endpoints. */
export interface SqsConfig {
  /** Origins (`http(s)://host[:port]`) of the SQS-compatible endpoints the operator allows (--sqs-endpoints / OPENPROFILES_SQS_ENDPOINTS). */
  readonly endpoints: readonly string[];
}

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
  /** Timeouts, connection caps and body memory of the HTTP edge. */
  readonly edge: EdgeLimits;
  readonly logLevel: string;
  readonly s3: S3SourceConfig;
  readonly sqs: SqsConfig;
  /** How long a job worker holds a job before another may take it over (OPENPROFILES_JOB_LEASE_SECONDS). */
  readonly jobLeaseMs?: number;
  /** Identity-resolution jobs a domain may start on demand per 7 days, counting every job (OPENPROFILES_MATCHING_JOBS_PER_WEEK). */
  readonly matchingJobsPerWeek: number;
  /** Calculated attribute definitions a domain may hold (OPENPROFILES_CALCULATED_ATTRIBUTES_PER_DOMAIN, default 50). */
  readonly calculatedAttributesPerDomain: number;
  /** Objects a UseHistoricalData backfill indexes per transaction (OPENPROFILES_BACKFILL_PAGE_SIZE, default 500). */
  readonly backfillPageSize: number;
}

export interface ServeOptions {
  host?: string;
  port?: string | number;
  dataDir?: string;
  database?: string;
  accountId?: string;
  region?: string;
  logLevel?: string;
  s3Endpoint?: string;
  s3PollSeconds?: string | number;
  s3Accounts?: string;
  sqsEndpoints?: string;
}

export const DEFAULT_PORT = 4747;
export const DEFAULT_DATA_DIR = 'data';
export const DEFAULT_ACCOUNT_ID = '000000000000';
export const DEFAULT_REGION = 'us-east-1';
/** Room for the largest model input (a 256,000-character object, or ten of them in a batch), JSON-escaped. */
export const DEFAULT_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
export const DEFAULT_S3_POLL_SECONDS = 60;
/** The service quota "Identity Resolution Jobs per week per domain" (spec §3.15). */
export const DEFAULT_MATCHING_JOBS_PER_WEEK = 3;

/** A comma-separated list, blanks dropped. */
function listOf(text: string | undefined): string[] {
  return (text ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function readS3Accounts(options: ServeOptions, env: NodeJS.ProcessEnv): string[] {
  const accounts = listOf(options.s3Accounts ?? env['OPENPROFILES_S3_ACCOUNTS']);
  const bad = accounts.find((account) => !/^\d{12}$/.test(account));
  if (bad !== undefined) throw new Error(`invalid account id in the S3 accounts (12 digits expected): ${bad}`);
  return accounts;
}

function readSqsConfig(options: ServeOptions, env: NodeJS.ProcessEnv): SqsConfig {
  const endpoints = listOf(options.sqsEndpoints ?? env['OPENPROFILES_SQS_ENDPOINTS']).map((text) => {
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
      throw new Error(`invalid SQS endpoint (an origin, http(s)://host[:port], expected): ${text}`);
    }
    return url.origin;
  });
  return { endpoints };
}

function readS3Config(options: ServeOptions, env: NodeJS.ProcessEnv, region: string): S3SourceConfig {
  const endpoint = options.s3Endpoint ?? (env['OPENPROFILES_S3_ENDPOINT'] || undefined);
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) throw new Error(`invalid S3 endpoint (http(s)://… expected): ${endpoint}`);
  const keyId = env['OPENPROFILES_S3_ACCESS_KEY_ID'];
  const secret = env['OPENPROFILES_S3_SECRET_ACCESS_KEY'];
  if (Boolean(keyId) !== Boolean(secret)) throw new Error('set both OPENPROFILES_S3_ACCESS_KEY_ID and OPENPROFILES_S3_SECRET_ACCESS_KEY, or neither');
  const seconds = Number(options.s3PollSeconds ?? env['OPENPROFILES_S3_POLL_SECONDS'] ?? DEFAULT_S3_POLL_SECONDS);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`invalid S3 poll interval (seconds > 0 expected): ${options.s3PollSeconds ?? env['OPENPROFILES_S3_POLL_SECONDS']}`);
  return {
    endpoint,
    region: env['OPENPROFILES_S3_REGION'] || region,
    credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
    accounts: readS3Accounts(options, env),
    pollIntervalMs: Math.round(seconds * 1000),
  };
}

function parsePort(value: string | number | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${value}`);
  return port;
}

function leaseSeconds(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error(`invalid OPENPROFILES_JOB_LEASE_SECONDS (1 or more): ${value}`);
  return seconds * 1000;
}

function jobsPerWeek(value: string | undefined): number {
  return wholeNumberSetting('OPENPROFILES_MATCHING_JOBS_PER_WEEK', value, DEFAULT_MATCHING_JOBS_PER_WEEK);
}

function wholeNumberSetting(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`invalid ${name} (a whole number, 1 or more): ${value}`);
  return n;
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
  const region = options.region ?? env['OPENPROFILES_REGION'] ?? DEFAULT_REGION;
  return {
    host: options.host ?? env['OPENPROFILES_HOST'] ?? '127.0.0.1',
    port: parsePort(options.port ?? env['OPENPROFILES_PORT']),
    dataDir,
    database,
    accountId,
    region,
    rootKey: rootId && rootSecret ? { accessKeyId: rootId, secretAccessKey: rootSecret } : undefined,
    masterKey: env['OPENPROFILES_MASTER_KEY'] || undefined,
    bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    edge: readEdgeLimits(env),
    logLevel: options.logLevel ?? env['OPENPROFILES_LOG_LEVEL'] ?? 'info',
    s3: readS3Config(options, env, region),
    sqs: readSqsConfig(options, env),
    jobLeaseMs: leaseSeconds(env['OPENPROFILES_JOB_LEASE_SECONDS']),
    matchingJobsPerWeek: jobsPerWeek(env['OPENPROFILES_MATCHING_JOBS_PER_WEEK']),
    calculatedAttributesPerDomain: wholeNumberSetting(
      'OPENPROFILES_CALCULATED_ATTRIBUTES_PER_DOMAIN', env['OPENPROFILES_CALCULATED_ATTRIBUTES_PER_DOMAIN'], DEFAULT_DEFINITIONS_PER_DOMAIN,
    ),
    backfillPageSize: wholeNumberSetting('OPENPROFILES_BACKFILL_PAGE_SIZE', env['OPENPROFILES_BACKFILL_PAGE_SIZE'], DEFAULT_BACKFILL_PAGE),
  };
}
