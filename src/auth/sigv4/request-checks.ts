// The checks between parsing and recomputing: clock (spec step 4), session token (step 5), payload hash (step 6).
import {
  contentSha256Mismatch,
  expiredToken,
  presignedExpired,
  signatureExpired,
  signatureNotYetCurrent,
  unrecognizedClient,
  unsupportedPayloadHash,
} from './failures.js';
import { secretsEqual, sessionTokenSha256, sha256Hex } from './sha256.js';
import type { SignedParts } from './signed-parts.js';
import { queryValues, singleHeader, type HeaderLines, type QueryPair } from './wire.js';

/**
 * Header form: X-Amz-Date within maxSkew of the server clock, either way.
 * Presigned: valid from X-Amz-Date - maxSkew until X-Amz-Date + X-Amz-Expires.
 */
export function checkClock(parts: SignedParts, signedAt: Date, now: Date, maxSkewMs: number): void {
  const age = now.getTime() - signedAt.getTime();
  if (-age > maxSkewMs) throw signatureNotYetCurrent(signedAt, now, maxSkewMs);
  if (parts.expiresSeconds === undefined) {
    if (age > maxSkewMs) throw signatureExpired(signedAt, now, maxSkewMs);
  } else if (age > parts.expiresSeconds * 1000) {
    throw presignedExpired(signedAt, parts.expiresSeconds, now);
  }
}

export interface StoredToken {
  /** The hex SHA-256 of the token issued with a temporary key. */
  readonly sessionTokenSha256?: string | undefined;
  readonly expiresAt?: Date | undefined;
}

/**
 * A temporary key needs exactly the token issued with it (its digest, compared in constant time, is
 * what is stored), a long-term key none; either mismatch is the same UnrecognizedClientException. A
 * right token past its expiry is ExpiredTokenException.
 */
export function checkSessionToken(key: StoredToken, presented: string | undefined, now: Date): void {
  if (key.sessionTokenSha256 === undefined) {
    if (presented !== undefined) throw unrecognizedClient();
  } else if (presented === undefined || !secretsEqual(key.sessionTokenSha256, sessionTokenSha256(presented))) {
    throw unrecognizedClient();
  }
  if (key.expiresAt !== undefined && now.getTime() >= key.expiresAt.getTime()) throw expiredToken();
}

function checkClaimedHash(claimed: string, actual: string): void {
  if (claimed === 'UNSIGNED-PAYLOAD' || claimed.startsWith('STREAMING-')) throw unsupportedPayloadHash(claimed);
  if (claimed !== actual) throw contentSha256Mismatch();
}

/**
 * Hashes the body as received and holds any X-Amz-Content-Sha256 (header, or query parameter
 * of a presigned request) to it: the signer believes that header without hashing, so an
 * unchecked one would let a body be swapped. Returns the hash.
 */
export function checkPayload(
  parts: SignedParts,
  headers: HeaderLines,
  query: readonly QueryPair[],
  body: Uint8Array,
): string {
  const actual = sha256Hex(body);
  const fromHeader = singleHeader(headers, 'x-amz-content-sha256');
  if (fromHeader !== undefined) checkClaimedHash(fromHeader, actual);
  if (parts.form === 'query') {
    for (const fromQuery of queryValues(query, 'X-Amz-Content-Sha256')) checkClaimedHash(fromQuery, actual);
  }
  return actual;
}
