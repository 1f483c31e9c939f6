// Pre-signed SearchProfiles requests (SigV4 stays valid for 15 minutes), for load tools that replay fixed requests.
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../src/auth/sigv4/sha256.js';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface FixedRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export async function signedSearch(endpoint: string, credentials: Credentials, domain: string, keyName: string, value: string): Promise<FixedRequest> {
  const url = new URL(endpoint);
  const path = `/domains/${domain}/profiles/search`;
  const body = JSON.stringify({ KeyName: keyName, Values: [value] });
  const signer = new SignatureV4({ service: 'profile', region: 'us-east-1', credentials, sha256: NodeSha256, uriEscapePath: true, applyChecksum: true });
  const signed = await signer.sign({
    method: 'POST',
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
  return { method: 'POST', path, headers, body };
}
