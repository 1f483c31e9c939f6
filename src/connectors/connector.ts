// The one interface every source connector implements (issue 7). A workflow step asks a connector for
// pages of records of one source object inside a modification-time window; the workflow runtime owns
// scheduling, checkpoints and ingestion, the connector owns the source's paging, auth and errors.
import type { SourceConnectorType } from '../generated/shapes.js';

/** Credentials and location of a source, from a connector profile (stored sealed). */
export interface ConnectorProfile {
  readonly name: string;
  readonly type: SourceConnectorType;
  /** Base URL of the source's API (Salesforce instance URL, Zendesk subdomain URL, S3-compatible endpoint…). */
  readonly instanceUrl?: string;
  /** Secret material by name: token, clientId, clientSecret, accessKeyId, secretAccessKey… */
  readonly credentials: Readonly<Record<string, string>>;
}

export interface PullRequest {
  /** The source object: Salesforce sObject, Zendesk/ServiceNow table, Marketo object, S3 bucket name. */
  readonly object: string;
  /** Connector-specific settings from SourceConnectorProperties (e.g. S3 BucketPrefix). */
  readonly properties: Readonly<Record<string, unknown>>;
  /** Records modified at or after `from` and before `to`; an absent bound is open. */
  readonly window: { readonly from?: Date; readonly to?: Date };
  /** Where the previous page of this same request stopped; absent for the first page. */
  readonly cursor?: string;
  readonly signal?: AbortSignal;
}

export interface PullPage {
  readonly records: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Opaque position of the next page; absent when the window is exhausted. */
  readonly cursor?: string;
  /** The latest modification time among the records of this page, for the next incremental window. */
  readonly watermark?: Date;
}

export interface Connector {
  readonly type: SourceConnectorType;
  pull(request: PullRequest): Promise<PullPage>;
}

export type ConnectorFactory = (profile: ConnectorProfile) => Connector;

/**
 * A failure talking to a source. `transient` failures (rate limits, 5xx, network) are retried with
 * backoff, honouring `retryAfterMs`; any other failure fails the step with `message` for the operator.
 */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

/** A record's date-time text as a Date; undefined when it is absent, not text, or not a date. */
export function recordDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
