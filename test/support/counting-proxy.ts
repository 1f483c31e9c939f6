// An HTTP forwarding proxy in front of a test server that records every request it passes on (and the
// answer), so a test can count what a client really put on the wire. The Host header goes through
// unchanged: the client signed it, and the server checks the signature against it.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireExchange {
  readonly method: string;
  /** Path and query as the client sent them (percent-encoded). */
  readonly url: string;
  readonly requestHeaders: IncomingHttpHeaders;
  readonly requestBody: string;
  readonly status: number;
  readonly responseBody: string;
}

export interface CountingProxy {
  /** http://127.0.0.1:<port>, to give the client instead of the server's endpoint. */
  readonly endpoint: string;
  /** Every exchange so far, in the order the answers came back. */
  exchanges(): readonly WireExchange[];
  close(): Promise<void>;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const recorded: WireExchange[] = [];
  const server: Server = createServer(async (req, res) => {
    try {
      const requestBody = await readAll(req);
      const answer = await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const forwarded = request(
          { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
          (response) => readAll(response).then((body) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }), reject),
        );
        forwarded.on('error', reject);
        forwarded.end(requestBody);
      });
      recorded.push({
        method: req.method ?? '',
        url: req.url ?? '',
        requestHeaders: req.headers,
        requestBody: requestBody.toString('utf8'),
        status: answer.status,
        responseBody: answer.body.toString('utf8'),
      });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`counting proxy: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    exchanges: () => [...recorded],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
