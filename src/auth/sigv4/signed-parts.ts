// Finding the signature on a request — Authorization header or presigned query — and the fields it carries.
import {
  bothAuthForms,
  invalidExpires,
  missingAmzDate,
  missingAuthenticationToken,
  queryMissingParts,
  repeatedAuthField,
  unsupportedAlgorithm,
} from './failures.js';
import { ALGORITHM, parseAuthorization } from './parse-authorization.js';
import { queryValues, singleHeader, type HeaderLines, type QueryPair } from './wire.js';

export type SignatureForm = 'header' | 'query';

export interface SignedParts {
  readonly form: SignatureForm;
  readonly credential: string;
  readonly amzDate: string;
  /** As sent: `host;x-amz-date;…`. */
  readonly signedHeaders: string;
  readonly signature: string;
  /** Presigned only: X-Amz-Expires, 1…604800. */
  readonly expiresSeconds: number | undefined;
  readonly sessionToken: string | undefined;
  /** Whether the token is part of what was signed (it may be added after signing: post-sts-header-after). */
  readonly tokenSigned: boolean;
  /** The query the signer covered: presigned requests lose their X-Amz-* auth parameters here. */
  readonly query: readonly QueryPair[];
}

const PARAM = {
  algorithm: 'X-Amz-Algorithm',
  credential: 'X-Amz-Credential',
  date: 'X-Amz-Date',
  expires: 'X-Amz-Expires',
  signedHeaders: 'X-Amz-SignedHeaders',
  signature: 'X-Amz-Signature',
  token: 'X-Amz-Security-Token',
} as const;

const AUTH_PARAMS: ReadonlySet<string> = new Set(Object.values(PARAM));
const MAX_EXPIRES_SECONDS = 604_800;

export function findSignature(headers: HeaderLines, query: readonly QueryPair[]): SignedParts {
  const authorization = singleHeader(headers, 'authorization');
  const presigned = query.some(
    ({ name }) => name === PARAM.signature || name === PARAM.algorithm || name === PARAM.credential,
  );
  if (authorization !== undefined && presigned) throw bothAuthForms();
  if (authorization !== undefined) return fromHeader(authorization, headers, query);
  if (presigned) return fromQuery(query);
  throw missingAuthenticationToken();
}

function fromHeader(authorization: string, headers: HeaderLines, query: readonly QueryPair[]): SignedParts {
  const { credential, signedHeaders, signature } = parseAuthorization(authorization);
  const amzDate = singleHeader(headers, 'x-amz-date');
  if (amzDate === undefined) throw missingAmzDate();
  return {
    form: 'header',
    credential,
    amzDate,
    signedHeaders,
    signature,
    expiresSeconds: undefined,
    sessionToken: singleHeader(headers, 'x-amz-security-token'),
    tokenSigned: signedHeaders.split(';').includes('x-amz-security-token'),
    query,
  };
}

function fromQuery(query: readonly QueryPair[]): SignedParts {
  const one = (name: string): string | undefined => {
    const values = queryValues(query, name);
    if (values.length > 1) throw repeatedAuthField(name);
    return values[0];
  };
  const algorithm = one(PARAM.algorithm);
  const credential = one(PARAM.credential);
  const amzDate = one(PARAM.date);
  const expires = one(PARAM.expires);
  const signedHeaders = one(PARAM.signedHeaders);
  const signature = one(PARAM.signature);
  const sessionToken = one(PARAM.token);

  const required: ReadonlyArray<readonly [string, string | undefined]> = [
    [PARAM.algorithm, algorithm],
    [PARAM.credential, credential],
    [PARAM.signature, signature],
    [PARAM.signedHeaders, signedHeaders],
    [PARAM.date, amzDate],
    [PARAM.expires, expires],
  ];
  const missing = required.filter(([, value]) => !value).map(([name]) => name);
  if (missing.length > 0 || !algorithm || !credential || !signature || !signedHeaders || !amzDate || !expires) {
    throw queryMissingParts(missing);
  }
  if (algorithm !== ALGORITHM) throw unsupportedAlgorithm(algorithm);
  const expiresSeconds = /^[1-9][0-9]{0,6}$/.test(expires) ? Number(expires) : Number.NaN;
  if (!(expiresSeconds <= MAX_EXPIRES_SECONDS)) throw invalidExpires(expires);

  return {
    form: 'query',
    credential,
    amzDate,
    signedHeaders,
    signature,
    expiresSeconds,
    sessionToken,
    // A presigner puts the token into the query it signs; one appended afterwards cannot be
    // told apart and fails the signature (SOURCE.md: query form of post-sts-header-after).
    tokenSigned: sessionToken !== undefined,
    query: query.filter(({ name }) => !AUTH_PARAMS.has(name)),
  };
}
