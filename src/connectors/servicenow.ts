// ServiceNow source: the Table API (`/api/now/table/{table}`), records of the window selected by an
// encoded query on sys_updated_on, oldest change first, paged by sysparm_limit/sysparm_offset. Auth:
// Basic (username/password) or an OAuth access token (Bearer).
import { ConnectorError, type Connector, type ConnectorProfile, type PullPage, type PullRequest } from './connector.js';
import { basicAuth, getJson, instanceBase, statusError } from './source-http.js';

const SOURCE = 'ServiceNow';
const DEFAULT_PAGE_SIZE = 1000;
/** Table names are identifiers (letters, digits, underscores); anything else cannot be a table. */
const TABLE_NAME = /^[A-Za-z0-9_]+$/;

type ServiceNowRecord = Readonly<Record<string, unknown>>;

function authorization(profile: ConnectorProfile): string {
  const { username, password, accessToken, token } = profile.credentials;
  if (username && password) return basicAuth(username, password);
  if (accessToken ?? token) return `Bearer ${accessToken ?? token}`;
  throw new ConnectorError(`${SOURCE}: the connector profile needs username and password, or accessToken (OAuth)`, false);
}

/** ServiceNow's internal date-time form, `yyyy-MM-dd HH:mm:ss` in UTC (second precision). */
export function serviceNowTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

function parseServiceNowTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** The encoded query of a window: [from, to) on sys_updated_on, oldest first, sys_id breaking ties so offsets are stable. */
export function windowQuery(window: PullRequest['window']): string {
  const terms: string[] = [];
  if (window.from) terms.push(`sys_updated_on>=${serviceNowTime(window.from)}`);
  if (window.to) terms.push(`sys_updated_on<${serviceNowTime(window.to)}`);
  terms.push('ORDERBYsys_updated_on', 'ORDERBYsys_id');
  return terms.join('^');
}

function errorMessage(body: unknown): string | undefined {
  const error = (body as { error?: { message?: unknown; detail?: unknown } } | undefined)?.error;
  if (!error || typeof error.message !== 'string') return undefined;
  return typeof error.detail === 'string' && error.detail !== '' ? `${error.message} (${error.detail})` : error.message;
}

function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new ConnectorError(`${SOURCE}: cursor ${cursor} is not an offset`, false);
  return offset;
}

export class ServiceNowConnector implements Connector {
  readonly type = 'Servicenow' as const;
  private readonly base: string;
  private readonly authorization: string;

  constructor(profile: ConnectorProfile) {
    this.base = instanceBase(SOURCE, profile.instanceUrl);
    this.authorization = authorization(profile);
  }

  async pull(request: PullRequest): Promise<PullPage> {
    if (!TABLE_NAME.test(request.object)) throw new ConnectorError(`${SOURCE}: ${request.object} is not a table name`, false);
    const offset = offsetOf(request.cursor);
    const pageSize = typeof request.properties['pageSize'] === 'number' ? request.properties['pageSize'] : DEFAULT_PAGE_SIZE;
    const url = new URL(`${this.base}/api/now/table/${request.object}`);
    url.searchParams.set('sysparm_query', windowQuery(request.window));
    url.searchParams.set('sysparm_limit', String(pageSize));
    url.searchParams.set('sysparm_offset', String(offset));
    url.searchParams.set('sysparm_display_value', 'false');
    url.searchParams.set('sysparm_exclude_reference_link', 'true');

    const response = await getJson(SOURCE, url, { authorization: this.authorization }, request.signal);
    const message = errorMessage(response.body);
    // Older releases answer an empty result with 404 "No Record found" instead of an empty list.
    if (response.status === 404 && message?.startsWith('No Record found')) return { records: [] };
    if (response.status < 200 || response.status >= 300) throw statusError(SOURCE, response, message);
    const result = (response.body as { result?: unknown } | undefined)?.result;
    if (!Array.isArray(result)) throw new ConnectorError(`${SOURCE}: the Table API answer from ${url.origin} has no result list`, false);

    const records = result as ServiceNowRecord[];
    let watermark: Date | undefined;
    for (const record of records) {
      const at = parseServiceNowTime(record['sys_updated_on']);
      if (at && (!watermark || at > watermark)) watermark = at;
    }
    const full = records.length >= pageSize;
    return { records, cursor: full ? String(offset + records.length) : undefined, watermark };
  }
}

export const serviceNowConnector = (profile: ConnectorProfile): Connector => new ServiceNowConnector(profile);
