// Zendesk source: the cursor-based Incremental Export API (`/api/v2/incremental/{object}/cursor.json`),
// which streams items changed at or after `start_time` in change order, page by page through
// `after_cursor`, until `end_of_stream`. Auth: an API token (Basic `{email}/token:{token}`) or an OAuth
// access token (Bearer).
import { ConnectorError, recordDate, type Connector, type ConnectorProfile, type PullPage, type PullRequest } from './connector.js';
import { basicAuth, getJson, instanceBase, statusError } from './source-http.js';

const SOURCE = 'Zendesk';
/** The objects Zendesk exports with cursor-based paging. */
const CURSOR_OBJECTS = new Set(['tickets', 'users']);
/** Zendesk refuses a start_time less than a minute old and never exports the latest minute. */
const EXPORT_DELAY_MS = 60_000;

type ZendeskRecord = Readonly<Record<string, unknown>>;

interface ExportPage {
  readonly records: ZendeskRecord[];
  readonly afterCursor?: string;
  readonly endOfStream: boolean;
}

function authorization(profile: ConnectorProfile): string {
  const { email, token, accessToken, username, password } = profile.credentials;
  if (email && token) return basicAuth(`${email}/token`, token);
  if (accessToken ?? token) return `Bearer ${accessToken ?? token}`;
  if (username && password) return basicAuth(username, password);
  throw new ConnectorError(`${SOURCE}: the connector profile needs email and token (API token), or accessToken (OAuth)`, false);
}

function errorDetail(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const { error, description } = body as { error?: unknown; description?: unknown };
  if (typeof description === 'string') return typeof error === 'string' ? `${error}: ${description}` : description;
  if (typeof error === 'string') return error;
  if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return undefined;
}

/** When a record last changed: tickets stream by generated_timestamp (epoch seconds), everything else by updated_at. */
function changedAt(record: ZendeskRecord): Date | undefined {
  const generated = record['generated_timestamp'];
  return typeof generated === 'number' ? new Date(generated * 1000) : recordDate(record['updated_at']);
}

function updatedAt(record: ZendeskRecord): Date | undefined {
  const updated = record['updated_at'];
  return typeof updated === 'string' ? recordDate(updated) : changedAt(record);
}

export class ZendeskConnector implements Connector {
  readonly type = 'Zendesk' as const;
  private readonly base: string;
  private readonly authorization: string;

  constructor(profile: ConnectorProfile) {
    this.base = instanceBase(SOURCE, profile.instanceUrl);
    this.authorization = authorization(profile);
  }

  async pull(request: PullRequest): Promise<PullPage> {
    const object = request.object;
    if (!CURSOR_OBJECTS.has(object)) {
      throw new ConnectorError(`${SOURCE}: object ${object} has no cursor-based incremental export; use one of ${[...CURSOR_OBJECTS].join(', ')}`, false);
    }
    const from = request.window.from;
    if (request.cursor === undefined && from !== undefined && from.getTime() > Date.now() - EXPORT_DELAY_MS - 1000) return { records: [] };
    const page = await this.fetchPage(request);
    const to = request.window.to?.getTime();
    const records: ZendeskRecord[] = [];
    let reachedEnd = page.endOfStream || page.afterCursor === undefined;
    let watermark: Date | undefined;
    for (const record of page.records) {
      const at = changedAt(record);
      // The stream is in change order: the first item at or past the window's end closes the window.
      if (to !== undefined && at !== undefined && at.getTime() >= to) {
        reachedEnd = true;
        break;
      }
      records.push(record);
      const updated = updatedAt(record);
      if (updated && (!watermark || updated > watermark)) watermark = updated;
    }
    return { records, cursor: reachedEnd ? undefined : page.afterCursor, watermark };
  }

  private async fetchPage(request: PullRequest): Promise<ExportPage> {
    const url = new URL(`${this.base}/api/v2/incremental/${encodeURIComponent(request.object)}/cursor.json`);
    if (request.cursor !== undefined) url.searchParams.set('cursor', request.cursor);
    else url.searchParams.set('start_time', String(Math.floor((request.window.from?.getTime() ?? 0) / 1000)));
    const pageSize = request.properties['pageSize'];
    if (typeof pageSize === 'number') url.searchParams.set('per_page', String(pageSize));

    const response = await getJson(SOURCE, url, { authorization: this.authorization }, request.signal);
    if (response.status < 200 || response.status >= 300) throw statusError(SOURCE, response, errorDetail(response.body));
    const body = response.body as Record<string, unknown> | undefined;
    const items = body?.[request.object];
    if (!body || !Array.isArray(items)) throw new ConnectorError(`${SOURCE}: the export answer from ${url.origin} has no ${request.object} list`, false);
    const afterCursor = typeof body['after_cursor'] === 'string' ? body['after_cursor'] : undefined;
    return { records: items as ZendeskRecord[], afterCursor, endOfStream: body['end_of_stream'] === true };
  }
}

export const zendeskConnector = (profile: ConnectorProfile): Connector => new ZendeskConnector(profile);
