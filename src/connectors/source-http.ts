// One HTTP GET against a source's REST API, with the source's failures sorted into transient (retry
// with backoff) and permanent (fail the step) ConnectorErrors. Used by the Salesforce, Zendesk,
// ServiceNow and Marketo connectors.
import { ConnectorError } from './connector.js';

/** A request that has not answered in this long is a transient failure. */
const REQUEST_TIMEOUT_MS = 60_000;

export interface SourceResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  readonly body: unknown;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** GETs `url` and parses JSON; network failures and timeouts are transient ConnectorErrors. */
export async function getJson(source: string, url: URL, headers: Record<string, string>, signal?: AbortSignal): Promise<SourceResponse> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new ConnectorError(`${source}: cannot reach ${url.origin} (${reason})`, true);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, statusText: response.statusText, headers: response.headers, body };
}

/**
 * The ConnectorError for a non-2xx answer: 429 and 5xx are transient (honouring Retry-After), 401/403
 * name the credentials, anything else is permanent with the source's own message.
 */
export function statusError(source: string, response: SourceResponse, detail: string | undefined): ConnectorError {
  const said = detail ? `: ${detail}` : '';
  if (response.status === 429) {
    return new ConnectorError(`${source}: rate limited (HTTP 429)${said}`, true, retryAfterMs(response.headers.get('retry-after')));
  }
  if (response.status >= 500) {
    return new ConnectorError(`${source}: server error (HTTP ${response.status})${said}`, true, retryAfterMs(response.headers.get('retry-after')));
  }
  if (response.status === 401 || response.status === 403) {
    return new ConnectorError(`${source}: the connector profile's credentials were refused (HTTP ${response.status})${said}`, false);
  }
  return new ConnectorError(`${source}: request refused (HTTP ${response.status})${said}`, false);
}

/** The base URL of a connector profile, without a trailing slash; a permanent error when missing or not http(s). */
export function instanceBase(source: string, instanceUrl: string | undefined): string {
  if (instanceUrl === undefined || instanceUrl === '') throw new ConnectorError(`${source}: the connector profile has no instance URL`, false);
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    throw new ConnectorError(`${source}: the connector profile's instance URL ${instanceUrl} is not a URL`, false);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConnectorError(`${source}: the instance URL must be http(s), not ${url.protocol}`, false);
  return url.href.replace(/\/+$/, '');
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
