// A local HTTP server on a free port for a source's contract server: routes requests to a handler,
// records what was asked, and answers injected failures first (for retry tests).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ContractRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
}

export interface ContractAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type ContractHandler = (request: ContractRequest) => ContractAnswer;

export interface ContractServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: ContractRequest[];
  /** The next `times` requests whose path starts with `pathPrefix` (any when omitted) get `answer`. */
  inject(answer: ContractAnswer, options?: { times?: number; pathPrefix?: string }): void;
  stop(): Promise<void>;
}

function send(response: ServerResponse, answer: ContractAnswer): void {
  const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
  response.writeHead(answer.status, { 'content-type': 'application/json;charset=UTF-8', ...answer.headers });
  response.end(text);
}

export async function startContractServer(handler: ContractHandler): Promise<ContractServer> {
  const requests: ContractRequest[] = [];
  const injected: Array<{ answer: ContractAnswer; remaining: number; pathPrefix?: string }> = [];
  const server: Server = createServer((incoming, response) => {
    incoming.resume();
    incoming.on('end', () => {
      const request: ContractRequest = { method: incoming.method ?? 'GET', url: new URL(incoming.url ?? '/', 'http://contract.local'), headers: incoming.headers };
      requests.push(request);
      const failure = injected.find((entry) => entry.remaining > 0 && (entry.pathPrefix === undefined || request.url.pathname.startsWith(entry.pathPrefix)));
      if (failure) {
        failure.remaining -= 1;
        send(response, failure.answer);
        return;
      }
      try {
        send(response, handler(request));
      } catch (error) {
        send(response, { status: 500, body: { error: error instanceof Error ? error.message : String(error) } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject: (answer, options = {}) => injected.push({ answer, remaining: options.times ?? 1, pathPrefix: options.pathPrefix }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The Basic credentials of an Authorization header, or undefined. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}
