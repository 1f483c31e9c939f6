// Sends hand-made requests signed like an SDK would (or deliberately not), for wire-level tests
// that the official SDK cannot produce: bad bodies, unknown routes, old signatures.
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../src/auth/sigv4/sha256.js';
import type { Credentials } from './server.js';

export interface RawCall {
  readonly method: string;
  /** Path as it goes on the wire (already percent-encoded), optionally with ?query. */
  readonly path: string;
  readonly body?: string | Uint8Array;
  readonly headers?: Record<string, string>;
  readonly region?: string;
  readonly service?: string;
  readonly signingDate?: Date;
  /** false: send no Authorization at all. */
  readonly sign?: boolean;
}

export interface RawResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown> | undefined;
}

/** The headers a client would send for `call`: signed like an SDK signs them unless `sign` is false (no host header). */
export async function signedHeaders(endpoint: string, credentials: Credentials, call: RawCall): Promise<Record<string, string>> {
  const url = new URL(endpoint);
  const [pathname, search = ''] = call.path.split('?');
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    const prior = query[k];
    query[k] = prior === undefined ? v : ([] as string[]).concat(prior, v);
  }
  const body = bodyOf(call);
  const headers: Record<string, string> = { host: url.host, ...(call.headers ?? {}) };
  if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  let finalHeaders = headers;
  if (call.sign !== false) {
    const signer = new SignatureV4({
      service: call.service ?? 'profile',
      region: call.region ?? 'us-east-1',
      credentials,
      sha256: NodeSha256,
      uriEscapePath: true,
      applyChecksum: true,
    });
    const signed = await signer.sign(
      { method: call.method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: pathname!, query, headers, body },
      { signingDate: call.signingDate },
    );
    finalHeaders = signed.headers as Record<string, string>;
  }
  delete finalHeaders['host'];
  return finalHeaders;
}

function bodyOf(call: RawCall): Buffer | undefined {
  return call.body === undefined ? undefined : typeof call.body === 'string' ? Buffer.from(call.body) : Buffer.from(call.body);
}

export async function signedFetch(endpoint: string, credentials: Credentials, call: RawCall): Promise<RawResult> {
  const body = bodyOf(call);
  const finalHeaders = await signedHeaders(endpoint, credentials, call);
  const response = await fetch(`${endpoint}${call.path}`, { method: call.method, headers: finalHeaders, body });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
