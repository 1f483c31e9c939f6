// A Zendesk Support contract server: the cursor-based Incremental Export API for users and tickets
// (`/api/v2/incremental/{users|tickets}/cursor.json`), as Zendesk documents it — `start_time` (epoch
// seconds) on the first request, then `cursor=<after_cursor>`; items in change order (users by
// updated_at, tickets by generated_timestamp); `after_cursor`/`after_url` always given and
// `end_of_stream` when nothing follows; API token (Basic `{email}/token:{token}`) or OAuth (Bearer)
// auth answered 401 `{"error":"Couldn't authenticate you"}` otherwise; 429 with Retry-After injectable.
import { basicCredentials, bearerToken, startContractServer, type ContractAnswer, type ContractRequest, type ContractServer } from './http-server.js';

export type ZendeskResource = 'users' | 'tickets';
export type ZendeskItem = Record<string, unknown> & { id: number; updated_at: string };

export interface ZendeskContract extends ContractServer {
  readonly email: string;
  readonly apiToken: string;
  readonly oauthToken: string;
  /** Adds or replaces an item (by id) as changed at its `updated_at`. */
  upsert(resource: ZendeskResource, item: ZendeskItem): void;
}

const PATH = /^\/api\/v2\/incremental\/(users|tickets)\/cursor\.json$/;
const MAX_PER_PAGE = 1000;

function changeTime(resource: ZendeskResource, item: ZendeskItem): number {
  if (resource === 'tickets' && typeof item['generated_timestamp'] === 'number') return item['generated_timestamp'] as number;
  return Math.floor(Date.parse(item.updated_at) / 1000);
}

/** Position in the stream: after (time, id). */
interface Position {
  readonly time: number;
  readonly id: number;
}

const encodeCursor = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url');
function decodeCursor(cursor: string): Position | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Position;
    return typeof parsed.time === 'number' && typeof parsed.id === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export async function startZendeskContract(options: { pageSize?: number; seed?: Partial<Record<ZendeskResource, ZendeskItem[]>> } = {}): Promise<ZendeskContract> {
  const email = 'agent@example.com';
  const apiToken = 'zd-api-token-6wiIBWbGkBMo1mRDMuVwkw';
  const oauthToken = 'zd-oauth-9d4e2f';
  const items: Record<ZendeskResource, Map<number, ZendeskItem>> = { users: new Map(), tickets: new Map() };
  for (const resource of ['users', 'tickets'] as const) for (const item of options.seed?.[resource] ?? []) items[resource].set(item.id, item);
  const defaultPageSize = options.pageSize ?? MAX_PER_PAGE;
  let base = '';

  const authorized = (request: ContractRequest): boolean => {
    const header = request.headers.authorization;
    const basic = basicCredentials(header);
    if (basic) return basic.user === `${email}/token` && basic.password === apiToken;
    return bearerToken(header) === oauthToken;
  };

  const handle = (request: ContractRequest): ContractAnswer => {
    const match = PATH.exec(request.url.pathname);
    if (!match) return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } };
    if (!authorized(request)) return { status: 401, body: { error: "Couldn't authenticate you" } };
    const resource = match[1] as ZendeskResource;
    const query = request.url.searchParams;
    const perPage = query.has('per_page') ? Number(query.get('per_page')) : defaultPageSize;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) return { status: 400, body: { error: 'InvalidPaginationParameter', description: 'per_page must be between 1 and 1000' } };

    let after: Position;
    if (query.has('cursor')) {
      const decoded = decodeCursor(query.get('cursor')!);
      if (!decoded) return { status: 400, body: { error: 'InvalidPaginationParameter', description: 'Invalid cursor' } };
      after = decoded;
    } else {
      const startTime = Number(query.get('start_time'));
      if (!query.has('start_time') || !Number.isInteger(startTime) || startTime < 0) return { status: 400, body: { error: 'InvalidValue', description: 'start_time is required and must be an integer' } };
      if (startTime > Date.now() / 1000 - 60) return { status: 400, body: { error: 'InvalidValue', description: 'Too recent start_time. Use a start_time older than one minute' } };
      after = { time: startTime, id: -1 };
    }
    const stream = [...items[resource].values()]
      .map((item) => ({ item, time: changeTime(resource, item) }))
      .filter(({ item, time }) => time > after.time || (time === after.time && item.id > after.id))
      .sort((a, b) => a.time - b.time || a.item.id - b.item.id);
    const page = stream.slice(0, perPage);
    const last = page.at(-1);
    const position = last ? { time: last.time, id: last.item.id } : after;
    const afterCursor = encodeCursor(position);
    return {
      status: 200,
      body: {
        [resource]: page.map(({ item }) => item),
        after_cursor: afterCursor,
        after_url: `${base}/api/v2/incremental/${resource}/cursor.json?cursor=${afterCursor}`,
        before_cursor: null,
        before_url: null,
        end_of_stream: stream.length <= perPage,
      },
    };
  };

  const server = await startContractServer(handle);
  base = server.url;
  return {
    ...server,
    email,
    apiToken,
    oauthToken,
    upsert: (resource, item) => void items[resource].set(item.id, item),
  };
}
