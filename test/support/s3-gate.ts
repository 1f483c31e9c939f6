// An S3 gate in front of the test S3 server (s3rver accepts any request signed with its one key): it knows
// access keys and the buckets each may touch, checks every request's SigV4 signature against the key's
// secret, answers S3's own 403 errors (InvalidAccessKeyId, SignatureDoesNotMatch, AccessDenied) otherwise,
// records which key signed each request, and forwards the rest to s3rver. Not our code under test: S3's IAM.
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../src/auth/sigv4/sha256.js';
import type { RunningS3 } from './s3-server.js';

export interface GateKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The buckets this key may read and write. */
  readonly buckets: readonly string[];
}

export interface GateRequest {
  /** The access key id of the request's Credential; undefined when it was not signed. */
  readonly accessKeyId?: string;
  readonly method: string;
  readonly bucket?: string;
  readonly key?: string;
  /** The status the gate answered (or s3rver's, when forwarded). */
  readonly status: number;
}

export interface S3Gate {
  /** http://127.0.0.1:<port>; path-style addressing. */
  readonly endpoint: string;
  /** Every request seen, in arrival order. */
  readonly requests: GateRequest[];
  stop(): Promise<void>;
}

/** A fresh key pair allowed `buckets`. */
export function gateKey(name: string, buckets: readonly string[]): GateKey {
  return { accessKeyId: `AKIA${name.toUpperCase()}${randomBytes(6).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(30).toString('base64'), buckets };
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

function s3Error(response: ServerResponse, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomBytes(8).toString('hex').toUpperCase()}</RequestId><HostId>gate</HostId></Error>`;
  response.writeHead(403, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Whether the request carries the signature `key` would have made for it. */
async function signedBy(request: IncomingMessage, key: GateKey, parsed: RegExpExecArray, body: Buffer): Promise<boolean> {
  const [, , , region, signedList, signature] = parsed;
  const url = new URL(request.url ?? '/', 'http://gate');
  const names = signedList!.split(';');
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = request.headers[name];
    if (value === undefined) return false;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const amzDate = headers['x-amz-date'];
  if (!amzDate) return false;
  const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const prior = query[name];
    query[name] = prior === undefined ? value : ([] as string[]).concat(prior, value);
  }
  // S3 signs the path as sent (no second encoding) and the payload hash its header names.
  const signer = new SignatureV4({ service: 's3', region: region!, credentials: key, sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
  const [host, port] = (headers['host'] ?? '').split(':');
  const signed = await signer.sign(
    { method: request.method ?? 'GET', protocol: 'http:', hostname: host ?? '', port: port ? Number(port) : undefined, path: url.pathname, query, headers, body },
    { signingDate, signableHeaders: new Set(names) },
  );
  const expected = AUTHORIZATION.exec(String(signed.headers['authorization'] ?? ''))?.[5];
  return expected === signature;
}

export async function startS3Gate(upstream: RunningS3, keys: readonly GateKey[]): Promise<S3Gate> {
  const requests: GateRequest[] = [];
  const upstreamUrl = new URL(upstream.endpoint);
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://gate');
    const [bucket, ...rest] = url.pathname.slice(1).split('/');
    const where = { method: request.method ?? 'GET', ...(bucket ? { bucket } : {}), ...(rest.length > 0 ? { key: decodeURIComponent(rest.join('/')) } : {}) };
    const parsed = AUTHORIZATION.exec(String(request.headers['authorization'] ?? ''));
    const accessKeyId = parsed?.[1];
    const refuse = (code: string, message: string) => {
      requests.push({ ...where, ...(accessKeyId ? { accessKeyId } : {}), status: 403 });
      s3Error(response, code, message);
    };
    const key = keys.find((candidate) => candidate.accessKeyId === accessKeyId);
    if (!parsed || !key) return refuse('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    if (!(await signedBy(request, key, parsed, body))) return refuse('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    if (!bucket || !key.buckets.includes(bucket)) return refuse('AccessDenied', 'Access Denied');
    // s3rver knows one key and does not check v4 signatures: the request goes on under its key.
    const headers = { ...request.headers, host: upstreamUrl.host, authorization: String(request.headers['authorization']).replace(`Credential=${accessKeyId}/`, `Credential=${upstream.credentials.accessKeyId}/`) };
    const forwarded = httpRequest({ hostname: upstreamUrl.hostname, port: upstreamUrl.port, method: request.method, path: request.url, headers }, (answer) => {
      requests.push({ ...where, accessKeyId: key.accessKeyId, status: answer.statusCode ?? 0 });
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forwarded.on('error', () => response.destroy());
    forwarded.end(body);
  };
  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
