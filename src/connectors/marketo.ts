// Marketo source: the REST API of a Marketo instance (`instanceUrl` = its REST endpoint base, e.g.
// https://123-ABC-456.mktorest.com). An access token comes from `/identity/oauth/token` (client
// credentials) and is refreshed when it runs out or Marketo answers 601/602. A window starts at a paging
// token for its `from` (`/rest/v1/activities/pagingtoken.json`) and follows `nextPageToken`:
//   - `leads`: the lead changes of the window (`/rest/v1/activities/leadchanges.json`), the changed
//     leads read by id (`/rest/v1/leads.json?filterType=id`);
//   - `activities`: the activities of `properties.activityTypeIds` (`/rest/v1/activities.json`).
// Marketo reports most failures as HTTP 200 with `success: false` and coded errors.
import { ConnectorError, recordDate, type Connector, type ConnectorProfile, type PullPage, type PullRequest } from './connector.js';
import { getJson, instanceBase, statusError } from './source-http.js';

const SOURCE = 'Marketo';
/** Marketo's largest page of lead changes and activities, and of ids in one leads.json filter. */
const MAX_BATCH = 300;
/** A token with less life left than this is refreshed before use. */
const TOKEN_MARGIN_MS = 60_000;
/** 606: 100 calls per 20 s were exceeded — wait out the window. 615: too many concurrent calls. */
const RATE_LIMIT_WAIT_MS: Readonly<Record<string, number>> = { '606': 20_000, '615': 5_000 };
/** Marketo's own transient failures: timeout, temporarily unavailable, system error, transient error. */
const TRANSIENT_CODES = new Set(['604', '608', '611', '713']);
const TOKEN_INVALID_CODES = new Set(['601', '602']);

/** The lead fields read when `properties.fields` does not name them: those the Marketo-leads template maps. */
export const DEFAULT_LEAD_FIELDS = [
  'id', 'email', 'firstName', 'middleName', 'lastName', 'phone', 'mobilePhone', 'gender', 'dateOfBirth', 'sfdcAccountId', 'sfdcContactId',
  'address', 'city', 'state', 'country', 'postalCode', 'billingStreet', 'billingCity', 'billingState', 'billingCountry', 'billingPostalCode',
  'createdAt', 'updatedAt',
];
/** Fields that change without a "Change Data Value" activity: not asked of leadchanges. */
const SYSTEM_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

type MarketoRecord = Readonly<Record<string, unknown>>;

interface MarketoAnswer {
  readonly success?: boolean;
  readonly errors?: ReadonlyArray<{ readonly code?: unknown; readonly message?: unknown }>;
  readonly result?: unknown;
  readonly nextPageToken?: unknown;
  readonly moreResult?: unknown;
}

class TokenInvalid extends Error {}

function stringList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value !== '') return value.split(',').map((item) => item.trim());
  if (typeof value === 'number') return [String(value)];
  return undefined;
}

function activityDate(record: MarketoRecord): Date | undefined {
  return recordDate(record['activityDate']);
}

export class MarketoConnector implements Connector {
  readonly type = 'Marketo' as const;
  private readonly base: string;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private token: { value: string; expiresAt: number } | undefined;

  constructor(profile: ConnectorProfile) {
    this.base = instanceBase(SOURCE, profile.instanceUrl);
    const { clientId, clientSecret } = profile.credentials;
    if (!clientId || !clientSecret) throw new ConnectorError(`${SOURCE}: the connector profile needs clientId and clientSecret (a LaunchPoint custom service)`, false);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  async pull(request: PullRequest): Promise<PullPage> {
    if (request.object === 'leads') return this.pullLeads(request);
    if (request.object === 'activities') return this.pullActivities(request);
    throw new ConnectorError(`${SOURCE}: object ${request.object} is not supported; use leads or activities`, false);
  }

  private async pullLeads(request: PullRequest): Promise<PullPage> {
    const fields = stringList(request.properties['fields']) ?? DEFAULT_LEAD_FIELDS;
    const changedFields = fields.filter((field) => !SYSTEM_FIELDS.has(field));
    const page = await this.activityPage(request, '/rest/v1/activities/leadchanges.json', { fields: changedFields.join(',') });
    const leadIds = [...new Set(page.records.map((change) => change['leadId']).filter((id) => id !== undefined).map(String))];
    const records: MarketoRecord[] = [];
    for (let i = 0; i < leadIds.length; i += MAX_BATCH) {
      const answer = await this.call('/rest/v1/leads.json', { filterType: 'id', filterValues: leadIds.slice(i, i + MAX_BATCH).join(','), fields: fields.join(',') }, request.signal);
      records.push(...(answer.result as MarketoRecord[]));
    }
    return { records, cursor: page.cursor, watermark: page.watermark };
  }

  private async pullActivities(request: PullRequest): Promise<PullPage> {
    const typeIds = stringList(request.properties['activityTypeIds']);
    if (!typeIds || typeIds.length === 0) throw new ConnectorError(`${SOURCE}: activities need properties.activityTypeIds (up to 10 activity type ids)`, false);
    return this.activityPage(request, '/rest/v1/activities.json', { activityTypeIds: typeIds.join(',') });
  }

  /** One page of an activity stream from the window's start, cut at the window's end (the stream is in date order). */
  private async activityPage(request: PullRequest, path: string, parameters: Record<string, string>): Promise<PullPage> {
    const pageToken = request.cursor ?? (await this.pagingToken(request.window.from, request.signal));
    const batchSize = typeof request.properties['pageSize'] === 'number' ? Math.min(request.properties['pageSize'], MAX_BATCH) : MAX_BATCH;
    const answer = await this.call(path, { ...parameters, nextPageToken: pageToken, batchSize: String(batchSize) }, request.signal);
    const to = request.window.to?.getTime();
    const records: MarketoRecord[] = [];
    let reachedEnd = answer.moreResult !== true || typeof answer.nextPageToken !== 'string';
    let watermark: Date | undefined;
    for (const activity of (answer.result ?? []) as MarketoRecord[]) {
      const at = activityDate(activity);
      if (to !== undefined && at !== undefined && at.getTime() >= to) {
        reachedEnd = true;
        break;
      }
      records.push(activity);
      if (at && (!watermark || at > watermark)) watermark = at;
    }
    return { records, cursor: reachedEnd ? undefined : (answer.nextPageToken as string), watermark };
  }

  private async pagingToken(from: Date | undefined, signal: AbortSignal | undefined): Promise<string> {
    const answer = await this.call('/rest/v1/activities/pagingtoken.json', { sinceDatetime: (from ?? new Date(0)).toISOString() }, signal);
    if (typeof answer.nextPageToken !== 'string') throw new ConnectorError(`${SOURCE}: pagingtoken.json answered no nextPageToken`, false);
    return answer.nextPageToken;
  }

  /** A REST call with a valid token; a token Marketo calls invalid or expired is replaced once and the call repeated. */
  private async call(path: string, parameters: Record<string, string>, signal: AbortSignal | undefined): Promise<MarketoAnswer & { result: unknown[] }> {
    try {
      return await this.callOnce(path, parameters, signal);
    } catch (error) {
      if (!(error instanceof TokenInvalid)) throw error;
      this.token = undefined;
      try {
        return await this.callOnce(path, parameters, signal);
      } catch (again) {
        if (again instanceof TokenInvalid) throw new ConnectorError(`${SOURCE}: a fresh access token was refused too (${again.message})`, false);
        throw again;
      }
    }
  }

  private async callOnce(path: string, parameters: Record<string, string>, signal: AbortSignal | undefined): Promise<MarketoAnswer & { result: unknown[] }> {
    const token = await this.accessToken(signal);
    const url = new URL(`${this.base}${path}`);
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    const response = await getJson(SOURCE, url, { authorization: `Bearer ${token}` }, signal);
    const answer = (response.body ?? {}) as MarketoAnswer;
    if (response.status < 200 || response.status >= 300) throw statusError(SOURCE, response, undefined);
    if (answer.success !== true) {
      const first = answer.errors?.[0];
      const code = String(first?.code ?? '');
      const message = `${code ? `error ${code}` : 'failure'}${typeof first?.message === 'string' ? `: ${first.message}` : ''}`;
      if (TOKEN_INVALID_CODES.has(code)) throw new TokenInvalid(message);
      if (code in RATE_LIMIT_WAIT_MS) throw new ConnectorError(`${SOURCE}: rate limited (${message})`, true, RATE_LIMIT_WAIT_MS[code]);
      if (TRANSIENT_CODES.has(code)) throw new ConnectorError(`${SOURCE}: ${message}`, true);
      throw new ConnectorError(`${SOURCE}: ${path} refused (${message})`, false);
    }
    return { ...answer, result: Array.isArray(answer.result) ? answer.result : [] };
  }

  private async accessToken(signal: AbortSignal | undefined): Promise<string> {
    if (this.token && this.token.expiresAt - TOKEN_MARGIN_MS > Date.now()) return this.token.value;
    const url = new URL(`${this.base}/identity/oauth/token`);
    url.searchParams.set('grant_type', 'client_credentials');
    url.searchParams.set('client_id', this.clientId);
    url.searchParams.set('client_secret', this.clientSecret);
    const response = await getJson(SOURCE, url, {}, signal);
    const body = (response.body ?? {}) as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
    if (response.status < 200 || response.status >= 300 || typeof body.access_token !== 'string') {
      const detail = typeof body.error_description === 'string' ? body.error_description : typeof body.error === 'string' ? body.error : undefined;
      if (response.status >= 200 && response.status < 300) throw new ConnectorError(`${SOURCE}: the identity service answered no access_token`, false);
      throw statusError(SOURCE, response, detail);
    }
    const lifetimeMs = typeof body.expires_in === 'number' ? body.expires_in * 1000 : 3_600_000;
    this.token = { value: body.access_token, expiresAt: Date.now() + lifetimeMs };
    return body.access_token;
  }
}

export const marketoConnector = (profile: ConnectorProfile): Connector => new MarketoConnector(profile);
