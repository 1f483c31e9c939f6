// A ServiceNow contract server: the Table API `GET /api/now/table/{table}` as ServiceNow documents it —
// `sysparm_query` encoded queries (conditions joined by `^`, `ORDERBY`/`ORDERBYDESC`), `sysparm_limit`
// (default 10000) and `sysparm_offset` paging with `Link` (rel next/last) and `X-Total-Count` headers,
// `{"result":[…]}` bodies with date-times in the internal `yyyy-MM-dd HH:mm:ss` (UTC) form, Basic or
// Bearer auth (401 otherwise), 400 for an invalid table, `{"error":{message,detail},"status":"failure"}`
// error bodies. 429 with Retry-After is injectable.
import { basicCredentials, bearerToken, startContractServer, type ContractAnswer, type ContractRequest, type ContractServer } from './http-server.js';

export type ServiceNowRow = Record<string, string> & { sys_id: string; sys_updated_on: string };

export interface ServiceNowContract extends ContractServer {
  readonly username: string;
  readonly password: string;
  readonly oauthToken: string;
  /** Adds or replaces a row (by sys_id). */
  upsert(table: string, row: ServiceNowRow): void;
}

const PATH = /^\/api\/now\/table\/([A-Za-z0-9_]+)$/;
const DEFAULT_LIMIT = 10_000;

const failure = (status: number, message: string, detail: string | null = null): ContractAnswer => ({ status, body: { error: { message, detail }, status: 'failure' } });

type Condition = (row: ServiceNowRow) => boolean;
interface Ordering {
  readonly field: string;
  readonly descending: boolean;
}

const OPERATORS: ReadonlyArray<[string, (a: string, b: string) => boolean]> = [
  ['>=', (a, b) => a >= b],
  ['<=', (a, b) => a <= b],
  ['!=', (a, b) => a !== b],
  ['>', (a, b) => a > b],
  ['<', (a, b) => a < b],
  ['=', (a, b) => a === b],
];

/** The subset of encoded queries the tests need: AND-ed comparisons and orderings; anything else is refused. */
function parseQuery(query: string): { conditions: Condition[]; orderings: Ordering[] } | string {
  const conditions: Condition[] = [];
  const orderings: Ordering[] = [];
  for (const term of query === '' ? [] : query.split('^')) {
    if (term.startsWith('ORDERBYDESC')) orderings.push({ field: term.slice(11), descending: true });
    else if (term.startsWith('ORDERBY')) orderings.push({ field: term.slice(7), descending: false });
    else {
      const found = /^([a-z_][a-z0-9_.]*)(>=|<=|!=|>|<|=)(.*)$/.exec(term);
      if (!found) return `unsupported query term ${term}`;
      const [, field, operator, value] = found;
      const compare = OPERATORS.find(([name]) => name === operator)![1];
      conditions.push((row) => row[field!] !== undefined && compare(row[field!]!, value!));
    }
  }
  return { conditions, orderings };
}

export async function startServiceNowContract(options: { tables?: Record<string, ServiceNowRow[]> } = {}): Promise<ServiceNowContract> {
  const username = 'integration.user';
  const password = 'Sn0w-pass!';
  const oauthToken = 'sn-oauth-1f2e3d';
  const tables = new Map<string, Map<string, ServiceNowRow>>();
  for (const name of ['sys_user', 'incident', 'task']) tables.set(name, new Map());
  for (const [name, rows] of Object.entries(options.tables ?? {})) tables.set(name, new Map(rows.map((row) => [row.sys_id, row])));
  let base = '';

  const authorized = (request: ContractRequest): boolean => {
    const header = request.headers.authorization;
    const basic = basicCredentials(header);
    if (basic) return basic.user === username && basic.password === password;
    return bearerToken(header) === oauthToken;
  };

  const handle = (request: ContractRequest): ContractAnswer => {
    if (!authorized(request)) return failure(401, 'User Not Authenticated', 'Required to provide Auth information');
    const match = PATH.exec(request.url.pathname);
    if (!match) return failure(400, 'Requested URI does not represent any resource');
    const table = tables.get(match[1]!);
    if (!table) return failure(400, `Invalid table ${match[1]}`);
    const query = request.url.searchParams;
    const limit = query.has('sysparm_limit') ? Number(query.get('sysparm_limit')) : DEFAULT_LIMIT;
    const offset = query.has('sysparm_offset') ? Number(query.get('sysparm_offset')) : 0;
    if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) return failure(400, 'Invalid sysparm_limit or sysparm_offset');
    const parsed = parseQuery(query.get('sysparm_query') ?? '');
    if (typeof parsed === 'string') return failure(400, parsed);

    const rows = [...table.values()].filter((row) => parsed.conditions.every((condition) => condition(row)));
    rows.sort((a, b) => {
      for (const { field, descending } of parsed.orderings) {
        const left = a[field] ?? '';
        const right = b[field] ?? '';
        if (left !== right) return (left < right ? -1 : 1) * (descending ? -1 : 1);
      }
      return 0;
    });
    const page = rows.slice(offset, offset + limit);
    const link = (at: number) => {
      const url = new URL(`${base}${request.url.pathname}${request.url.search}`);
      url.searchParams.set('sysparm_offset', String(at));
      return url.href;
    };
    const links = [`<${link(0)}>;rel="first"`];
    if (offset + limit < rows.length) links.push(`<${link(offset + limit)}>;rel="next"`);
    links.push(`<${link(Math.max(0, Math.floor((rows.length - 1) / limit) * limit))}>;rel="last"`);
    return { status: 200, body: { result: page }, headers: { link: links.join(','), 'x-total-count': String(rows.length) } };
  };

  const server = await startContractServer(handle);
  base = server.url;
  return {
    ...server,
    username,
    password,
    oauthToken,
    upsert: (table, row) => {
      if (!tables.has(table)) tables.set(table, new Map());
      tables.get(table)!.set(row.sys_id, row);
    },
  };
}
