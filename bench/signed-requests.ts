// Pre-signed API requests (SigV4 stays valid for 15 minutes), for load tools that replay fixed requests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../src/auth/sigv4/sha256.js';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface FixedRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The root key `openprofiles serve` generated into `dataDir`'s credentials file. */
export function readRootKey(dataDir: string): Credentials {
  const text = readFileSync(join(dataDir, 'credentials'), 'utf8');
  const value = (name: string) => new RegExp(`${name}\\s*=\\s*(\\S+)`).exec(text)?.[1] ?? '';
  return { accessKeyId: value('aws_access_key_id'), secretAccessKey: value('aws_secret_access_key') };
}

/** A signed JSON request sending `body` to `path`. */
export async function signedJson(endpoint: string, credentials: Credentials, method: FixedRequest['method'], path: string, body: string): Promise<FixedRequest> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'profile', region: 'us-east-1', credentials, sha256: NodeSha256, uriEscapePath: true, applyChecksum: true });
  const signed = await signer.sign({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query: {},
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  const headers = { ...(signed.headers as Record<string, string>) };
  delete headers['host'];
  return { method, path, headers, body };
}

export function signedSearch(endpoint: string, credentials: Credentials, domain: string, keyName: string, value: string): Promise<FixedRequest> {
  return signedJson(endpoint, credentials, 'POST', `/domains/${domain}/profiles/search`, JSON.stringify({ KeyName: keyName, Values: [value] }));
}
