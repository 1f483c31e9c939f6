// Salesforce source (issue 7) through the REST query API: `GET /services/data/<version>/query?q=<SOQL>`
// (queryAll when IncludeDeletedRecords) with the profile's Bearer token, following `nextRecordsUrl` until
// `done`. The window filters on the DatetimeTypeFieldName (SystemModstamp by default) at whole seconds,
// the precision of SOQL dateTime literals, so adjacent windows neither overlap nor leave a gap.
// 401 (INVALID_SESSION_ID) and other 4xx are permanent; 503, 5xx, REQUEST_LIMIT_EXCEEDED and network
// failures are transient (Retry-After honoured).
import { ConnectorError, type Connector, type ConnectorProfile, type PullPage, type PullRequest } from './connector.js';
import { getJson, retryAfterMs, type SourceResponse } from './source-http.js';

export const DEFAULT_SALESFORCE_API_VERSION = 'v59.0';
const DEFAULT_DATETIME_FIELD = 'SystemModstamp';
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*(__[a-z]+)?$/;

const soqlDateTime = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** The SOQL of one window: the fields asked for (or FIELDS(STANDARD)), oldest modification first. */
export function windowQuery(object: string, fields: readonly string[], datetimeField: string, window: PullRequest['window']): string {
  for (const name of [object, datetimeField, ...fields]) {
    if (!IDENTIFIER.test(name)) throw new ConnectorError(`${JSON.stringify(name)} is not a Salesforce field or object name`, false);
  }
  const selected = fields.length > 0 ? [...new Set(['Id', datetimeField, ...fields])].join(', ') : 'FIELDS(STANDARD)';
  const conditions = [
    ...(window.from ? [`${datetimeField} >= ${soqlDateTime(window.from)}`] : []),
    ...(window.to ? [`${datetimeField} < ${soqlDateTime(window.to)}`] : []),
  ];
  return `SELECT ${selected} FROM ${object}${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${datetimeField}, Id`;
}

/** Salesforce's own error code and message (its error bodies are a list of {errorCode, message}), sorted into transient and permanent. */
function errorOf(response: SourceResponse): ConnectorError {
  const body = response.body as Array<{ errorCode?: string; message?: string }> | { errorCode?: string; message?: string } | undefined;
  const first = Array.isArray(body) ? body[0] : body;
  const code = first?.errorCode ?? `HTTP ${response.status}`;
  const message = first?.message ?? response.statusText;
  if (response.status === 401) return new ConnectorError(`Salesforce refused the access token (${code}: ${message}); put a fresh token in the connector profile`, false);
  if (code === 'REQUEST_LIMIT_EXCEEDED' || response.status === 503 || response.status === 429 || response.status >= 500) {
    return new ConnectorError(`Salesforce is unavailable or rate-limiting (${code}: ${message})`, true, retryAfterMs(response.headers.get('retry-after')));
  }
  return new ConnectorError(`Salesforce refused the query (${code}: ${message})`, false);
}

export function salesforceConnector(profile: ConnectorProfile): Connector {
  const token = profile.credentials['token'] ?? profile.credentials['accessToken'];
  const version = profile.credentials['apiVersion'] ?? DEFAULT_SALESFORCE_API_VERSION;
  return {
    type: 'Salesforce',
    async pull(request: PullRequest): Promise<PullPage> {
      if (!profile.instanceUrl) throw new ConnectorError(`connector profile ${profile.name} has no instance URL`, false);
      if (!token) throw new ConnectorError(`connector profile ${profile.name} has no token`, false);
      const datetimeField = typeof request.properties['DatetimeTypeFieldName'] === 'string' ? request.properties['DatetimeTypeFieldName'] : DEFAULT_DATETIME_FIELD;
      const fields = Array.isArray(request.properties['Fields']) ? (request.properties['Fields'] as string[]) : [];
      const base = profile.instanceUrl.replace(/\/+$/, '');
      let url: string;
      if (request.cursor) url = base + request.cursor;
      else {
        const resource = request.properties['IncludeDeletedRecords'] === true ? 'queryAll' : 'query';
        url = `${base}/services/data/${version}/${resource}?q=${encodeURIComponent(windowQuery(request.object, fields, datetimeField, request.window))}`;
      }
      const response = await getJson('Salesforce', new URL(url), { Authorization: `Bearer ${token}` }, request.signal);
      if (response.status < 200 || response.status >= 300) throw errorOf(response);
      if (response.body === undefined) throw new ConnectorError(`Salesforce answered HTTP ${response.status} without a JSON body`, true);
      const body = response.body as { done?: boolean; nextRecordsUrl?: string; records?: Array<Record<string, unknown>> };
      let watermark: Date | undefined;
      const records = (body.records ?? []).map((record) => {
        const { attributes: _attributes, ...fieldsOnly } = record;
        const modified = Date.parse(String(fieldsOnly[datetimeField] ?? ''));
        if (!Number.isNaN(modified) && (!watermark || modified > watermark.getTime())) watermark = new Date(modified);
        return fieldsOnly;
      });
      return { records, cursor: body.done === false && body.nextRecordsUrl ? body.nextRecordsUrl : undefined, watermark };
    },
  };
}
