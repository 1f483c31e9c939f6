// Recomputing the signature the client must have produced, with @smithy/signature-v4 (spec step 7 and its traps).
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from './sha256.js';
import type { SignatureForm } from './signed-parts.js';
import type { HeaderLines, QueryPair } from './wire.js';

export interface RecomputeInput {
  readonly form: SignatureForm;
  readonly method: string;
  /** As received, still percent-encoded: the signer normalises it and encodes it once more. */
  readonly rawPath: string;
  readonly query: readonly QueryPair[];
  readonly headers: HeaderLines;
  readonly signedHeaderNames: readonly string[];
  /** SHA-256 hex of the received body, already checked against any X-Amz-Content-Sha256. */
  readonly payloadHash: string;
  readonly body: Uint8Array;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Only when the token was signed: the signer adds it to whatever it signs. */
  readonly sessionToken: string | undefined;
  readonly region: string;
  readonly service: string;
  readonly signingDate: Date;
  readonly expiresSeconds: number | undefined;
}

export interface Recomputed {
  readonly signedHeaders: string;
  readonly signature: string;
}

const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';
const SIGNED_HEADERS = ' SignedHeaders=';
const SIGNATURE = ', Signature=';

/** What trimAll changes: a line break or tab, two blanks in a row, a blank at either end. */
const UNTRIMMED = /[\r\n\t]| {2}|^ | $/;

/** Trimmed, inner runs of blanks collapsed to one space (obs-fold line breaks count as blanks). */
function trimAll(value: string): string {
  if (!UNTRIMMED.test(value)) return value;
  return value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
}

/**
 * Only the signed headers, each with repeated lines joined by `,` (no space) in arrival order.
 * Unless the client signed X-Amz-Content-Sha256, our own body hash rides along as that header,
 * marked unsignable: the signer takes the payload hash from it instead of hashing the body again.
 */
function signerHeaders(input: RecomputeInput): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of input.signedHeaderNames) {
    const values = input.headers.get(name);
    if (values !== undefined) headers[name] = values.map(trimAll).join(',');
  }
  if (!input.signedHeaderNames.includes(PAYLOAD_HASH_HEADER)) headers[PAYLOAD_HASH_HEADER] = input.payloadHash;
  return headers;
}

function signerQuery(pairs: readonly QueryPair[]): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const { name, value } of pairs) {
    const seen = query[name];
    if (seen === undefined) query[name] = value;
    else if (typeof seen === 'string') query[name] = [seen, value];
    else seen.push(value);
  }
  return query;
}

/**
 * SignedHeaders and Signature from the Authorization header the signer wrote, which always reads
 * `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` (the lenient parser is for clients).
 */
function signerAuthorization(authorization: string): Recomputed | undefined {
  const headersAt = authorization.indexOf(SIGNED_HEADERS);
  const signatureAt = authorization.indexOf(SIGNATURE, headersAt);
  if (headersAt < 0 || signatureAt < 0) return undefined;
  return {
    signedHeaders: authorization.slice(headersAt + SIGNED_HEADERS.length, signatureAt),
    signature: authorization.slice(signatureAt + SIGNATURE.length),
  };
}

/** Undefined when the request cannot be canonicalised (a path that is not well-formed UTF-16). */
export async function recomputeSignature(input: RecomputeInput): Promise<Recomputed | undefined> {
  const headers = signerHeaders(input);
  const request = new HttpRequest({
    method: input.method,
    path: input.rawPath,
    query: signerQuery(input.query),
    headers,
    body: input.body,
  });
  const signer = new SignatureV4({
    service: input.service,
    region: input.region,
    sha256: NodeSha256,
    credentials: {
      accessKeyId: input.accessKeyId,
      secretAccessKey: input.secretAccessKey,
      ...(input.sessionToken === undefined ? {} : { sessionToken: input.sessionToken }),
    },
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signableHeaders = new Set(input.signedHeaderNames);
  const unsignableHeaders = new Set([PAYLOAD_HASH_HEADER]);

  try {
    if (input.form === 'header') {
      const signed = await signer.sign(request, { signingDate: input.signingDate, signableHeaders, unsignableHeaders });
      const authorization = signed.headers['authorization'];
      return authorization === undefined ? undefined : signerAuthorization(authorization);
    }
    const presigned = await signer.presign(request, {
      signingDate: input.signingDate,
      expiresIn: input.expiresSeconds,
      signableHeaders,
      unsignableHeaders,
      // Received headers stay headers: the client's own X-Amz-* headers were not hoisted either.
      unhoistableHeaders: new Set(Object.keys(headers)),
    });
    const signedHeaders = presigned.query?.['X-Amz-SignedHeaders'];
    const signature = presigned.query?.['X-Amz-Signature'];
    if (typeof signedHeaders !== 'string' || typeof signature !== 'string') return undefined;
    return { signedHeaders, signature };
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}
