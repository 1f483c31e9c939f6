// HTTP/1.1 over a bare socket, for clients no library would be: ones that stall mid-header or mid-body,
// open connections and say nothing, or send what no parser accepts.
import { connect, type Socket } from 'node:net';

export interface RawHttpResponse {
  readonly status: number;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface RawConnection {
  readonly socket: Socket;
  send(data: string | Buffer): void;
  /** The first response on the connection, parsed once its head and Content-Length body are in. */
  response(timeoutMs?: number): Promise<RawHttpResponse>;
  /** Resolves with the milliseconds until the server closed the connection; rejects after timeoutMs. */
  closed(timeoutMs?: number): Promise<number>;
  destroy(): void;
}

export function openConnection(endpoint: string, options: { localAddress?: string } = {}): Promise<RawConnection> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), ...(options.localAddress && { localAddress: options.localAddress }) });
    const openedAt = Date.now();
    let received = Buffer.alloc(0);
    let closedAt: number | undefined;
    socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
    socket.on('error', () => {});
    socket.on('close', () => (closedAt = Date.now()));
    socket.once('connect', () =>
      resolve({
        socket,
        send: (data) => {
          if (!socket.destroyed) socket.write(data);
        },
        response: (timeoutMs = 5000) =>
          waitFor(timeoutMs, 'a response', () => {
            const parsed = parse(received);
            if (parsed) return parsed;
            if (closedAt !== undefined) throw new Error(`connection closed without a whole response: ${JSON.stringify(received.toString('latin1').slice(0, 200))}`);
            return undefined;
          }),
        closed: (timeoutMs = 5000) => waitFor(timeoutMs, 'the server to close the connection', () => (closedAt === undefined ? undefined : closedAt - openedAt)),
        destroy: () => socket.destroy(),
      }),
    );
    socket.once('error', reject);
  });
}

function waitFor<T>(timeoutMs: number, what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      try {
        const value = probe();
        if (value !== undefined) return resolve(value);
      } catch (error) {
        return reject(error);
      }
      if (Date.now() > deadline) return reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

function parse(received: Buffer): RawHttpResponse | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = received.subarray(end + 4);
  if (body.length < length) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.subarray(0, length).toString('utf8') };
}

/** The request head of `method path` with `headers` (host added), ready to write. */
export function requestHead(method: string, path: string, host: string, headers: Readonly<Record<string, string>>): string {
  const lines = [`${method} ${path} HTTP/1.1`, `host: ${host}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return lines.join('\r\n') + '\r\n\r\n';
}
