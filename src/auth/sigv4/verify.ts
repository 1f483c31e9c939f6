// Server-side SigV4 verification: the public API and the order of the steps in spec/sigv4-verification.md.
import { parseAmzDate } from './amz-date.js';
import { checkScope, parseCredential, type CredentialScope } from './credential-scope.js';
import { hostNotSigned, malformedAmzDate, signatureMismatch, unrecognizedClient } from './failures.js';
import { recomputeSignature } from './recompute.js';
import { checkClock, checkPayload, checkSessionToken } from './request-checks.js';
import { signaturesEqual } from './sha256.js';
import { findSignature, type SignedParts } from './signed-parts.js';
import { collectHeaders, parseQuery, type HeaderLines, type QueryPair } from './wire.js';

export { SigV4Error } from './failures.js';
export type { SigV4ErrorCode } from './failures.js';

export interface IncomingSignedRequest {
  method: string;
  /** Path as received on the wire, still percent-encoded, no query. */
  rawPath: string;
  /** Text after '?', as received ('' when none). */
  rawQuery: string;
  /** Node's req.rawHeaders: [name, value, name, value, ...]. */
  rawHeaders: readonly string[];
  /** The exact body bytes received (empty for none). */
  body: Uint8Array;
}

/** What the caller's credential store knows about an access key. */
export interface KnownKey {
  secretAccessKey: string;
  active: boolean;
  /** Temporary credentials: the hex SHA-256 of their session token. */
  sessionTokenSha256?: string;
  /** Set for temporary credentials. */
  expiresAt?: Date;
}

export interface VerifyOptions {
  /** Accepted signing names, e.g. ['profile'] (later also 'iam', 'sts'). */
  services: readonly string[];
  now: Date;
  /** Default 15 minutes. */
  maxSkewMs?: number;
}

export interface Verified<K extends KnownKey> {
  key: K;
  accessKeyId: string;
  region: string;
  service: string;
  signedAt: Date;
  form: 'header' | 'query';
  sessionToken?: string;
}

const DEFAULT_MAX_SKEW_MS = 15 * 60_000;

/** A request whose headers passed steps 1–5: its key is known and current; the body is still to come. */
export interface PendingSignature<K extends KnownKey> {
  readonly key: K;
  readonly parts: SignedParts;
  readonly scope: CredentialScope;
  readonly signedAt: Date;
  readonly signedHeaderNames: readonly string[];
  readonly headers: HeaderLines;
  readonly query: readonly QueryPair[];
  readonly method: string;
  readonly rawPath: string;
}

/**
 * Steps 1–5, from what arrives before the body: the signature's parts, its clock and its key. A request
 * that fails here is refused without reading its body. Throws SigV4Error (403); errors from `lookup` pass through.
 */
export async function authenticateHeaders<K extends KnownKey>(
  request: Omit<IncomingSignedRequest, 'body'>,
  lookup: (accessKeyId: string) => Promise<K | undefined>,
  options: VerifyOptions,
): Promise<PendingSignature<K>> {
  // Steps 1–3: find and parse the signature.
  const headers = collectHeaders(request.rawHeaders);
  const query = parseQuery(request.rawQuery);
  const parts = findSignature(headers, query);
  const signedAt = parseAmzDate(parts.amzDate);
  if (signedAt === undefined) throw malformedAmzDate(parts.amzDate);
  const scope = parseCredential(parts.credential);
  checkScope(scope, parts.amzDate, options.services);
  const signedHeaderNames = parts.signedHeaders.split(';');
  if (!signedHeaderNames.includes('host')) throw hostNotSigned();

  // Step 4: clock.
  checkClock(parts, signedAt, options.now, options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS);

  // Step 5: the key and its session token.
  const key = await lookup(scope.accessKeyId);
  if (key === undefined || !key.active) throw unrecognizedClient();
  checkSessionToken(key, parts.sessionToken, options.now);
  return { key, parts, scope, signedAt, signedHeaderNames, headers, query, method: request.method, rawPath: request.rawPath };
}

/** Steps 6–8 once the body is in: its hash, then the signature recomputed and compared in constant time. */
export async function verifyBody<K extends KnownKey>(pending: PendingSignature<K>, body: Uint8Array): Promise<Verified<K>> {
  const { parts, scope, key } = pending;
  // Step 6: payload hash.
  const payloadHash = checkPayload(parts, pending.headers, pending.query, body);

  // Steps 7–8: recompute and compare.
  const recomputed = await recomputeSignature({
    form: parts.form,
    method: pending.method,
    rawPath: pending.rawPath,
    query: parts.query,
    headers: pending.headers,
    signedHeaderNames: pending.signedHeaderNames,
    payloadHash,
    body,
    accessKeyId: scope.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    sessionToken: parts.tokenSigned ? parts.sessionToken : undefined,
    region: scope.region,
    service: scope.service,
    signingDate: pending.signedAt,
    expiresSeconds: parts.expiresSeconds,
  });
  // The signer lists what it actually signed; a different list (an unsigned X-Amz-Date, a signed
  // header that is not on the request, an unsorted list) cannot be the client's canonical request.
  const matches =
    recomputed !== undefined &&
    recomputed.signedHeaders === parts.signedHeaders &&
    signaturesEqual(recomputed.signature, parts.signature);
  if (!matches) throw signatureMismatch();

  return {
    key,
    accessKeyId: scope.accessKeyId,
    region: scope.region,
    service: scope.service,
    signedAt: pending.signedAt,
    form: parts.form,
    ...(parts.sessionToken === undefined ? {} : { sessionToken: parts.sessionToken }),
  };
}

/**
 * Recomputes the signature the holder of the key must have produced and compares it in
 * constant time. Throws SigV4Error (403) on any failure; errors from `lookup` pass through.
 */
export async function verifySigV4<K extends KnownKey>(
  request: IncomingSignedRequest,
  lookup: (accessKeyId: string) => Promise<K | undefined>,
  options: VerifyOptions,
): Promise<Verified<K>> {
  return verifyBody(await authenticateHeaders(request, lookup, options), request.body);
}
