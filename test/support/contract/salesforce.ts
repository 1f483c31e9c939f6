// A local server following the Salesforce REST query API contract, for connector tests: Bearer-token
// check (401 INVALID_SESSION_ID), the SOQL subset the connector emits (SELECT fields | FIELDS(STANDARD)
// FROM object [WHERE f >= dt AND f < dt] ORDER BY f, Id), results snapshotted per query and paged through
// nextRecordsUrl with a small page size, and injectable failures (503, REQUEST_LIMIT_EXCEEDED…) and delays.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SObject = Record<string, unknown> & { Id: string; SystemModstamp: string };

export interface Failure {
  readonly status: number;
  readonly errorCode: string;
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

export interface SalesforceContract {
  readonly instanceUrl: string;
  readonly token: string;
  /** Adds or replaces records of an sObject type (by Id). */
  put(object: string, records: readonly SObject[]): void;
  /** The next `count` requests fail with `failure`. */
  failNext(count: number, failure: Failure): void;
  /** Every request waits this long before answering. */
  setDelay(ms: number): void;
  /** Query strings seen (decoded SOQL), and how many requests were answered. */
  readonly queries: string[];
  /** Offsets of the result pages asked for through nextRecordsUrl, in order of arrival. */
  readonly pagesServed: number[];
  requests(): number;
  stop(): Promise<void>;
}

/** Salesforce's own timestamp form: `2024-01-02T03:04:05.000+0000`. */
export function sfTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

const VERSION = /^\/services\/data\/(v\d+\.\d)\/(query|queryAll)(?:\/([A-Za-z0-9-]+))?\/?$/;
const SOQL = /^SELECT (.+) FROM ([A-Za-z][A-Za-z0-9_]*)(?: WHERE (.+?))? ORDER BY ([A-Za-z0-9_]+), Id$/;
const CONDITION = /^([A-Za-z0-9_]+) (>=|<) (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$/;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

function toMillis(value: unknown): number {
  return Date.parse(String(value).replace(/\+0000$/, 'Z'));
}

export async function startSalesforceContract(options: { pageSize?: number; token?: string } = {}): Promise<SalesforceContract> {
  const pageSize = options.pageSize ?? 3;
  const token = options.token ?? 'sf-test-token';
  const objects = new Map<string, Map<string, SObject>>();
  const locators = new Map<string, SObject[]>();
  const failures: Failure[] = [];
  const queries: string[] = [];
  const pagesServed: number[] = [];
  let delayMs = 0;
  let answered = 0;
  let nextLocator = 1;

  function page(version: string, resultSet: SObject[], locator: string, offset: number) {
    const records = resultSet.slice(offset, offset + pageSize).map((record) => ({ attributes: { type: 'sObject', url: `/services/data/${version}/sobjects/x/${record.Id}` }, ...record }));
    const done = offset + pageSize >= resultSet.length;
    return { totalSize: resultSet.length, done, ...(done ? {} : { nextRecordsUrl: `/services/data/${version}/query/${locator}-${offset + pageSize}` }), records };
  }

  function runQuery(soql: string): SObject[] | string {
    const parsed = SOQL.exec(soql);
    if (!parsed) return `unexpected SOQL: ${soql}`;
    const [, selected, object, where, orderField] = parsed;
    const fields = selected!.split(',').map((field) => field.trim());
    const conditions = where ? where.split(' AND ').map((text) => CONDITION.exec(text)) : [];
    if (conditions.some((condition) => !condition)) return `unsupported WHERE: ${where}`;
    let rows = [...(objects.get(object!)?.values() ?? [])];
    for (const condition of conditions) {
      const [, field, operator, literal] = condition!;
      const bound = Date.parse(literal!);
      rows = rows.filter((row) => (operator === '>=' ? toMillis(row[field!]) >= bound : toMillis(row[field!]) < bound));
    }
    rows.sort((a, b) => toMillis(a[orderField!]) - toMillis(b[orderField!]) || (a.Id < b.Id ? -1 : 1));
    if (fields.length === 1 && fields[0] === 'FIELDS(STANDARD)') return rows.map((row) => ({ ...row }));
    return rows.map((row) => Object.fromEntries(fields.filter((field) => field in row).map((field) => [field, row[field]])) as SObject);
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Recorded on arrival: a client killed while waiting for its answer has still asked for the page.
    const asked = VERSION.exec(url.pathname)?.[3];
    if (asked) pagesServed.push(Number(asked.slice(asked.lastIndexOf('-') + 1)));
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    answered++;
    if (req.headers.authorization !== `Bearer ${token}`) {
      return send(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    }
    const failure = failures.shift();
    if (failure) {
      return send(res, failure.status, [{ message: failure.message, errorCode: failure.errorCode }], failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) });
    }
    const route = VERSION.exec(url.pathname);
    if (req.method !== 'GET' || !route) return send(res, 404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    const [, version, , locatorPart] = route;
    if (locatorPart) {
      const dash = locatorPart.lastIndexOf('-');
      const locator = locatorPart.slice(0, dash);
      const resultSet = locators.get(locator);
      if (!resultSet) return send(res, 400, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
      return send(res, 200, page(version!, resultSet, locator, Number(locatorPart.slice(dash + 1))));
    }
    const soql = url.searchParams.get('q');
    if (!soql) return send(res, 400, [{ message: 'q is required', errorCode: 'MALFORMED_QUERY' }]);
    queries.push(soql);
    const result = runQuery(soql);
    if (typeof result === 'string') return send(res, 400, [{ message: result, errorCode: 'MALFORMED_QUERY' }]);
    const locator = `01gD0000002HU6K${String(nextLocator++).padStart(4, '0')}`;
    locators.set(locator, result);
    return send(res, 200, page(version!, result, locator, 0));
  };

  const server = createServer((req, res) => void handle(req, res).catch((error: unknown) => send(res, 500, [{ message: String(error), errorCode: 'UNKNOWN_EXCEPTION' }])));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    instanceUrl: `http://127.0.0.1:${port}`,
    token,
    put: (object, records) => {
      const table = objects.get(object) ?? new Map<string, SObject>();
      for (const record of records) table.set(record.Id, { ...record });
      objects.set(object, table);
    },
    failNext: (count, failure) => {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    queries,
    pagesServed,
    requests: () => answered,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
