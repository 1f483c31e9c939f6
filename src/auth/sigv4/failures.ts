// Every SigV4 failure the verifier reports: the error class and one named factory per message (spec/sigv4-verification.md).
import { formatAmzDate } from './amz-date.js';

export type SigV4ErrorCode =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException';

/** An authentication failure. Every code answers 403 (spec steps 1–8). */
export class SigV4Error extends Error {
  readonly code: SigV4ErrorCode;
  readonly statusCode: number;

  constructor(code: SigV4ErrorCode, message: string) {
    super(message);
    this.name = 'SigV4Error';
    this.code = code;
    this.statusCode = 403;
  }
}

/** Client-supplied text echoed in a message is cut short so a message stays a message. */
function echo(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}

function minutes(ms: number): string {
  return `${ms / 60_000} min.`;
}

// --- MissingAuthenticationTokenException (spec step 1) ---

export function missingAuthenticationToken(): SigV4Error {
  return new SigV4Error('MissingAuthenticationTokenException', 'Missing Authentication Token');
}

// --- IncompleteSignatureException: the request does not carry a well-formed SigV4 signature ---

export function unsupportedAlgorithm(algorithm: string): SigV4Error {
  return new SigV4Error(
    'IncompleteSignatureException',
    `Unsupported signing algorithm '${echo(algorithm)}'. Only AWS4-HMAC-SHA256 is accepted.`,
  );
}

export function unparsableAuthorization(): SigV4Error {
  return new SigV4Error(
    'IncompleteSignatureException',
    "Authorization header is malformed: expected 'AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…'.",
  );
}

export function authorizationMissingParts(names: readonly string[]): SigV4Error {
  return new SigV4Error(
    'IncompleteSignatureException',
    names.map((name) => `Authorization header requires '${name}' parameter.`).join(' '),
  );
}

export function queryMissingParts(names: readonly string[]): SigV4Error {
  const listed = names.map((name) => `'${name}'`).join(', ');
  return new SigV4Error(
    'IncompleteSignatureException',
    `AWS query-string parameters must include ${listed}. Re-examine the query-string parameters.`,
  );
}

export function repeatedAuthField(name: string): SigV4Error {
  return new SigV4Error('IncompleteSignatureException', `'${name}' must appear only once in a signed request.`);
}

export function bothAuthForms(): SigV4Error {
  return new SigV4Error(
    'IncompleteSignatureException',
    'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.',
  );
}

export function malformedCredential(credential: string): SigV4Error {
  return new SigV4Error(
    'IncompleteSignatureException',
    `Credential should have the form '<AccessKeyId>/<yyyymmdd>/<region>/<service>/aws4_request', not '${echo(credential)}'.`,
  );
}

export function missingAmzDate(): SigV4Error {
  return new SigV4Error(
    'IncompleteSignatureException',
    "Signed requests require an 'X-Amz-Date' header (or 'X-Amz-Date' query parameter when presigned).",
  );
}

export function malformedAmzDate(value: string): SigV4Error {
  return new SigV4Error(
    'IncompleteSignatureException',
    `Date must be in ISO-8601 'basic format'. Got '${echo(value)}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  );
}

export function hostNotSigned(): SigV4Error {
  return new SigV4Error('IncompleteSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
}

export function invalidExpires(value: string): SigV4Error {
  return new SigV4Error(
    'IncompleteSignatureException',
    `X-Amz-Expires must be a whole number of seconds from 1 to 604800, not '${echo(value)}'.`,
  );
}

// --- InvalidSignatureException: well-formed, but wrong scope, time, payload or signature ---

export function wrongService(expected: string): SigV4Error {
  // The trailing space is AWS's.
  return new SigV4Error('InvalidSignatureException', `Credential should be scoped to correct service: '${expected}'. `);
}

export function invalidRegion(): SigV4Error {
  return new SigV4Error('InvalidSignatureException', 'Credential should be scoped to a valid region.');
}

export function wrongTerminator(terminator: string): SigV4Error {
  return new SigV4Error(
    'InvalidSignatureException',
    `Credential should be scoped with a valid terminator: 'aws4_request', not '${echo(terminator)}'.`,
  );
}

export function scopeDateMismatch(scopeDate: string, amzDate: string): SigV4Error {
  return new SigV4Error(
    'InvalidSignatureException',
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${echo(scopeDate)}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
  );
}

/** X-Amz-Date is more than the allowed skew before the server clock. */
export function signatureExpired(signedAt: Date, now: Date, maxSkewMs: number): SigV4Error {
  const earliest = new Date(now.getTime() - maxSkewMs);
  return new SigV4Error(
    'InvalidSignatureException',
    `Signature expired: ${formatAmzDate(signedAt)} is now earlier than ${formatAmzDate(earliest)} (${formatAmzDate(now)} - ${minutes(maxSkewMs)})`,
  );
}

/** X-Amz-Date is more than the allowed skew after the server clock. */
export function signatureNotYetCurrent(signedAt: Date, now: Date, maxSkewMs: number): SigV4Error {
  const latest = new Date(now.getTime() + maxSkewMs);
  return new SigV4Error(
    'InvalidSignatureException',
    `Signature not yet current: ${formatAmzDate(signedAt)} is still later than ${formatAmzDate(latest)} (${formatAmzDate(now)} + ${minutes(maxSkewMs)})`,
  );
}

/** A presigned request used after X-Amz-Date + X-Amz-Expires. */
export function presignedExpired(signedAt: Date, expiresSeconds: number, now: Date): SigV4Error {
  const expiry = new Date(signedAt.getTime() + expiresSeconds * 1000);
  return new SigV4Error(
    'InvalidSignatureException',
    `Signature expired: ${formatAmzDate(expiry)} (${formatAmzDate(signedAt)} + ${expiresSeconds} sec.) is now earlier than ${formatAmzDate(now)}`,
  );
}

export function unsupportedPayloadHash(value: string): SigV4Error {
  return new SigV4Error(
    'InvalidSignatureException',
    `X-Amz-Content-Sha256 must be the SHA-256 hex digest of the payload; '${echo(value)}' is not supported by this service.`,
  );
}

export function contentSha256Mismatch(): SigV4Error {
  return new SigV4Error('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
}

export function malformedQuery(): SigV4Error {
  return new SigV4Error('InvalidSignatureException', 'The query string is not valid percent-encoded UTF-8, so its signature cannot be checked.');
}

export function signatureMismatch(): SigV4Error {
  return new SigV4Error(
    'InvalidSignatureException',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );
}

// --- UnrecognizedClientException / ExpiredTokenException (spec step 5) ---

export function unrecognizedClient(): SigV4Error {
  return new SigV4Error('UnrecognizedClientException', 'The security token included in the request is invalid.');
}

export function expiredToken(): SigV4Error {
  return new SigV4Error('ExpiredTokenException', 'The security token included in the request is expired');
}
