// A Marketo contract server: the REST API as Marketo documents it — `GET /identity/oauth/token`
// (client_credentials; 401 `invalid_client` for wrong ones) issuing bearer tokens that expire; calls
// answered HTTP 200 `{requestId, success, result, errors, nextPageToken, moreResult}` with coded errors
// (600 no token, 601 invalid, 602 expired, 606 rate limit, 615 concurrency, 1003 bad parameter);
// `activities/pagingtoken.json?sinceDatetime`, `activities/leadchanges.json` (New Lead and Change Data
// Value activities of the asked fields), `activities.json?activityTypeIds`, `leads.json?filterType=id`,
// batchSize up to 300 (default 300). Leads change through upsertLead(), which records the activities.
import { randomUUID } from 'node:crypto';
import { bearerToken, startContractServer, type ContractAnswer, type ContractRequest, type ContractServer } from './http-server.js';

export type MarketoLead = Record<string, string | number | null> & { id: number };

export interface MarketoActivity {
  readonly id: number;
  readonly marketoGUID: string;
  readonly leadId: number;
  readonly activityDate: string;
  readonly activityTypeId: number;
  readonly primaryAttributeValue?: string;
  readonly fields?: ReadonlyArray<{ id: number; name: string; newValue: unknown; oldValue: unknown }>;
  readonly attributes: ReadonlyArray<{ name: string; value: unknown }>;
}

export interface MarketoContract extends ContractServer {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Creates or changes a lead at `at`, recording New Lead (12) or Change Data Value (13) activities. */
  upsertLead(lead: MarketoLead, at: Date): void;
  /** Records another activity (e.g. 1 Visit Webpage) of a lead. */
  addActivity(leadId: number, activityTypeId: number, at: Date, primaryAttributeValue: string): void;
  /** Makes every token issued so far expired (the next call with one answers 602). */
  expireTokens(): void;
  /** How many tokens were issued. */
  tokensIssued(): number;
}

const NEW_LEAD = 12;
const CHANGE_DATA_VALUE = 13;
const MAX_BATCH = 300;
const TOKEN_LIFETIME_S = 3599;

const fail = (code: string, message: string): ContractAnswer => ({ status: 200, body: { requestId: randomUUID().slice(0, 12), success: false, errors: [{ code, message }] } });
const ok = (body: Record<string, unknown>): ContractAnswer => ({ status: 200, body: { requestId: randomUUID().slice(0, 12), success: true, ...body } });

/** A paging token names a position: activities after (activityDate, id). */
const encodeToken = (date: string, id: number) => Buffer.from(`${date}|${id}`).toString('base64url');
function decodeToken(token: string): { date: string; id: number } | undefined {
  const [date, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  return date && id !== undefined && !Number.isNaN(Date.parse(date)) ? { date, id: Number(id) } : undefined;
}

export async function startMarketoContract(): Promise<MarketoContract> {
  const clientId = 'c1a2b3c4-marketo-client';
  const clientSecret = 'S3cr3t-marketo';
  const tokens = new Map<string, number>();
  const leads = new Map<number, MarketoLead>();
  const activities: MarketoActivity[] = [];
  let nextActivityId = 1000;
  let issued = 0;

  const record = (activity: Omit<MarketoActivity, 'id' | 'marketoGUID'>) => {
    const id = nextActivityId++;
    activities.push({ ...activity, id, marketoGUID: String(id) });
  };

  const tokenFailure = (request: ContractRequest): ContractAnswer | undefined => {
    const token = bearerToken(request.headers.authorization) ?? request.url.searchParams.get('access_token') ?? undefined;
    if (token === undefined) return fail('600', 'Access token not specified');
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined) return fail('601', 'Access token invalid');
    if (expiresAt <= Date.now()) return fail('602', 'Access token expired');
    return undefined;
  };

  const after = (token: string | null, filter: (activity: MarketoActivity) => boolean, batchSize: number): ContractAnswer => {
    const position = token === null ? undefined : decodeToken(token);
    if (!position) return fail('1003', 'Invalid value for nextPageToken');
    const since = Date.parse(position.date);
    const later = activities
      .filter((activity) => Date.parse(activity.activityDate) > since || (Date.parse(activity.activityDate) === since && activity.id > position.id))
      .sort((a, b) => Date.parse(a.activityDate) - Date.parse(b.activityDate) || a.id - b.id);
    const scanned = later.slice(0, batchSize);
    const last = scanned.at(-1);
    const result = scanned.filter(filter);
    return ok({ ...(result.length > 0 ? { result } : {}), nextPageToken: last ? encodeToken(last.activityDate, last.id) : token, moreResult: later.length > batchSize });
  };

  const handle = (request: ContractRequest): ContractAnswer => {
    const query = request.url.searchParams;
    const path = request.url.pathname;
    if (path === '/identity/oauth/token') {
      if (query.get('grant_type') !== 'client_credentials' || query.get('client_id') !== clientId || query.get('client_secret') !== clientSecret) {
        return { status: 401, body: { error: 'invalid_client', error_description: 'Bad client credentials' } };
      }
      const token = `${randomUUID()}:ab`;
      tokens.set(token, Date.now() + TOKEN_LIFETIME_S * 1000);
      issued += 1;
      return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: TOKEN_LIFETIME_S, scope: 'apis@example.com' } };
    }
    const refused = tokenFailure(request);
    if (refused) return refused;
    const batchSize = query.has('batchSize') ? Number(query.get('batchSize')) : MAX_BATCH;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) return fail('1003', 'Invalid batchSize');

    switch (path) {
      case '/rest/v1/activities/pagingtoken.json': {
        const since = query.get('sinceDatetime');
        if (since === null || Number.isNaN(Date.parse(since))) return fail('1003', 'Invalid value for sinceDatetime');
        // Activities at or after sinceDatetime follow the token.
        return ok({ nextPageToken: encodeToken(new Date(Date.parse(since) - 1).toISOString(), Number.MAX_SAFE_INTEGER) });
      }
      case '/rest/v1/activities/leadchanges.json': {
        const fields = query.get('fields');
        if (!fields) return fail('1003', "'fields' cannot be blank");
        const wanted = new Set(fields.split(','));
        return after(query.get('nextPageToken'), (activity) => activity.activityTypeId === NEW_LEAD || (activity.activityTypeId === CHANGE_DATA_VALUE && (activity.fields ?? []).some((field) => wanted.has(field.name))), batchSize);
      }
      case '/rest/v1/activities.json': {
        const types = query.get('activityTypeIds');
        if (!types) return fail('1003', "'activityTypeIds' cannot be blank");
        const wanted = new Set(types.split(',').map(Number));
        return after(query.get('nextPageToken'), (activity) => wanted.has(activity.activityTypeId), batchSize);
      }
      case '/rest/v1/leads.json': {
        if (query.get('filterType') !== 'id') return fail('1003', 'Invalid filterType (the contract server supports id)');
        const ids = (query.get('filterValues') ?? '').split(',').filter((id) => id !== '').map(Number);
        if (ids.length === 0 || ids.length > MAX_BATCH) return fail('1003', 'filterValues must name 1 to 300 values');
        const fields = query.get('fields')?.split(',') ?? ['id', 'email', 'firstName', 'lastName', 'updatedAt', 'createdAt'];
        const result = ids.flatMap((id) => {
          const lead = leads.get(id);
          return lead ? [Object.fromEntries([['id', lead.id], ...fields.filter((field) => field !== 'id').map((field) => [field, lead[field] ?? null])])] : [];
        });
        return ok({ result });
      }
      default:
        return { status: 404, body: { error: 'not found' } };
    }
  };

  const server = await startContractServer(handle);
  return {
    ...server,
    clientId,
    clientSecret,
    upsertLead: (lead, at) => {
      const date = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const previous = leads.get(lead.id);
      const next: MarketoLead = { ...previous, ...lead, createdAt: previous?.['createdAt'] ?? date, updatedAt: date };
      leads.set(lead.id, next);
      if (!previous) {
        record({ leadId: lead.id, activityDate: date, activityTypeId: NEW_LEAD, attributes: [{ name: 'Source Type', value: 'Web service API' }] });
        return;
      }
      const changed = Object.keys(lead).filter((field) => field !== 'id' && previous[field] !== lead[field]);
      for (const field of changed) {
        record({ leadId: lead.id, activityDate: date, activityTypeId: CHANGE_DATA_VALUE, primaryAttributeValue: field, fields: [{ id: 0, name: field, newValue: lead[field], oldValue: previous[field] ?? null }], attributes: [{ name: 'Source', value: 'Web service API' }] });
      }
    },
    addActivity: (leadId, activityTypeId, at, primaryAttributeValue) => {
      record({ leadId, activityDate: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), activityTypeId, primaryAttributeValue, attributes: [] });
    },
    expireTokens: () => {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    tokensIssued: () => issued,
  };
}
