// verifySigV4 on requests signed here like the JS SDK and AWS CLI sign them, then broken one way per failure code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import * as fail from './failures.js';
import { NodeSha256, sessionTokenSha256, sha256Hex } from './sha256.js';
import { SigV4Error, verifySigV4, type IncomingSignedRequest, type KnownKey, type SigV4ErrorCode, type VerifyOptions } from './verify.js';

interface StoredKey extends KnownKey {
  accountId: string;
}

const NOW = new Date('2026-11-27T10:00:00Z');
const MIN = 60_000;
const KEY_ID = 'AKIAOPENPROFILES0001';
const OFF_KEY_ID = 'AKIAOPENPROFILES0002';
const TEMP_KEY_ID = 'ASIAOPENPROFILES0003';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const TEMP_SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
const TOKEN = 'FwoGZXIvYXdzEXAMPLE//token+with/slashes==';
const TOKEN_EXPIRY = new Date(NOW.getTime() + 60 * MIN);
const KEYS = new Map<string, StoredKey>([
  [KEY_ID, { secretAccessKey: SECRET, active: true, accountId: '111122223333' }],
  [OFF_KEY_ID, { secretAccessKey: SECRET, active: false, accountId: '111122223333' }],
  [TEMP_KEY_ID, { secretAccessKey: TEMP_SECRET, active: true, accountId: '111122223333', sessionTokenSha256: sessionTokenSha256(TOKEN), expiresAt: TOKEN_EXPIRY }],
]);
const lookup = async (id: string): Promise<StoredKey | undefined> => KEYS.get(id);
const OPTIONS: VerifyOptions = { services: ['profile'], now: NOW };
const BODY = '{"DomainName":"my-domain","DefaultExpirationDays":365,"Tags":{"team":"naïve ☃"}}';
/** Headers the JS SDK adds; user-agent is one the signer never signs. */
const JS_SDK_HEADERS = {
  'amz-sdk-invocation-id': '6f1e5d2c-0b7a-4e59-9a43-2f9c1d7e8a10',
  'amz-sdk-request': 'attempt=1; max=3',
  'x-amz-user-agent': 'aws-sdk-js/3.1019.0',
  'user-agent': 'aws-sdk-js/3.1019.0 ua/2.1 os/linux',
};

interface Call {
  method?: string;
  /** HttpRequest.path: already percent-encoded, as the SDK serializer leaves it and the wire carries it. */
  path?: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
  accessKeyId?: string;
  secret?: string;
  sessionToken?: string;
  service?: string;
  region?: string;
  signedAt?: Date;
  expiresIn?: number;
  /** true (default): JS SDK, signs x-amz-content-sha256; false: AWS CLI, sends no such header. */
  checksum?: boolean;
}

function escape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function client(call: Call): { signer: SignatureV4; request: HttpRequest } {
  const body = call.body ?? BODY;
  const bodyHeaders: Record<string, string> =
    body === '' ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  const request = new HttpRequest({
    method: call.method ?? 'POST',
    hostname: 'localhost',
    path: call.path ?? '/domains/my-domain',
    query: call.query ?? {},
    headers: { host: 'localhost:8080', ...bodyHeaders, ...(call.headers ?? JS_SDK_HEADERS) },
    ...(body === '' ? {} : { body }),
  });
  const signer = new SignatureV4({
    service: call.service ?? 'profile',
    region: call.region ?? 'us-east-1',
    sha256: NodeSha256,
    credentials: {
      accessKeyId: call.accessKeyId ?? KEY_ID,
      secretAccessKey: call.secret ?? SECRET,
      ...(call.sessionToken === undefined ? {} : { sessionToken: call.sessionToken }),
    },
    applyChecksum: call.checksum ?? true,
  });
  return { signer, request };
}

/** The parts of a signed smithy request that reach the wire. */
type SentRequest = { method: string; path: string; query?: Record<string, string | string[] | null>; headers: Record<string, string> };

/** What the server receives: the path as sent, the query serialised like the SDK's buildQueryString. */
function toWire(request: SentRequest, body: string): IncomingSignedRequest {
  const query = Object.entries(request.query ?? {}).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).map((v) => `${escape(name)}=${escape(v)}`),
  );
  return {
    method: request.method,
    rawPath: request.path,
    rawQuery: query.join('&'),
    rawHeaders: Object.entries(request.headers).flat(),
    body: new Uint8Array(Buffer.from(body, 'utf8')),
  };
}

async function signed(call: Call = {}): Promise<IncomingSignedRequest> {
  const { signer, request } = client(call);
  return toWire(await signer.sign(request, { signingDate: call.signedAt ?? NOW }), call.body ?? BODY);
}

async function presigned(call: Call = {}): Promise<IncomingSignedRequest> {
  const { signer, request } = client(call);
  const presignedRequest = await signer.presign(request, { signingDate: call.signedAt ?? NOW, expiresIn: call.expiresIn ?? 900 });
  return toWire(presignedRequest, call.body ?? BODY);
}

function header(request: IncomingSignedRequest, name: string): string {
  const i = request.rawHeaders.findIndex((h, at) => at % 2 === 0 && h.toLowerCase() === name);
  const value = request.rawHeaders[i + 1];
  assert.ok(i >= 0 && value !== undefined, `no ${name} header`);
  return value;
}

function withoutHeader(request: IncomingSignedRequest, name: string): IncomingSignedRequest {
  const rawHeaders: string[] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const [n = '', v = ''] = [request.rawHeaders[i], request.rawHeaders[i + 1]];
    if (n.toLowerCase() !== name.toLowerCase()) rawHeaders.push(n, v);
  }
  return { ...request, rawHeaders };
}

function withHeader(request: IncomingSignedRequest, name: string, ...values: string[]): IncomingSignedRequest {
  const rest = withoutHeader(request, name);
  return { ...rest, rawHeaders: [...rest.rawHeaders, ...values.flatMap((v) => [name, v])] };
}

function editAuthorization(request: IncomingSignedRequest, edit: (value: string) => string): IncomingSignedRequest {
  return withHeader(request, 'authorization', edit(header(request, 'authorization')));
}

async function rejects(request: IncomingSignedRequest, code: SigV4ErrorCode, message?: string, options = OPTIONS): Promise<void> {
  await assert.rejects(verifySigV4(request, lookup, options), (error: unknown) => {
    assert.ok(error instanceof SigV4Error, String(error));
    assert.equal(error.code, code, error.message);
    assert.equal(error.statusCode, 403);
    if (message !== undefined) assert.equal(error.message, message);
    return true;
  });
}

const MISMATCH = fail.signatureMismatch().message;

// --- accepted ---

test('accepts a JS SDK request (x-amz-content-sha256 signed) and returns the key and scope', async () => {
  const request = await signed();
  assert.ok(header(request, 'authorization').includes('x-amz-content-sha256'));
  const verified = await verifySigV4(request, lookup, OPTIONS);
  assert.equal(verified.key.accountId, '111122223333');
  assert.equal(verified.accessKeyId, KEY_ID);
  assert.equal(verified.region, 'us-east-1');
  assert.equal(verified.service, 'profile');
  assert.equal(verified.form, 'header');
  assert.equal(verified.signedAt.getTime(), NOW.getTime());
  assert.equal(verified.sessionToken, undefined);
});

test('accepts an AWS CLI request (no x-amz-content-sha256: the body is hashed here)', async () => {
  const request = await signed({ checksum: false, headers: {} });
  assert.match(header(request, 'authorization'), /SignedHeaders=content-length;content-type;host;x-amz-date,/);
  assert.equal((await verifySigV4(request, lookup, OPTIONS)).form, 'header');
});

test('accepts an ARN label in the path, repeated query keys and a NextToken with + / = space %', async () => {
  const arn = 'arn:aws:profile:us-east-1:111122223333:domains/my-domain';
  const request = await signed({
    method: 'DELETE',
    path: `/tags/${escape(arn)}`,
    query: { tagKeys: ['b', 'a', 'a b'], NextToken: 'a+b/c=d e%f' },
    body: '',
  });
  assert.equal(request.rawPath, '/tags/arn%3Aaws%3Aprofile%3Aus-east-1%3A111122223333%3Adomains%2Fmy-domain');
  assert.equal(request.rawQuery, 'tagKeys=b&tagKeys=a&tagKeys=a%20b&NextToken=a%2Bb%2Fc%3Dd%20e%25f');
  await verifySigV4(request, lookup, OPTIONS);
  // The client signed the path it sent, encoded once more: the same path encoded differently is another request.
  await rejects({ ...request, rawPath: request.rawPath.replaceAll('%3A', ':') }, 'InvalidSignatureException', MISMATCH);
  await rejects({ ...request, rawQuery: request.rawQuery.replace('%20', '+') }, 'InvalidSignatureException', MISMATCH);
});

test('a space in the path is %20 on the wire and verifies', async () => {
  await verifySigV4(await signed({ path: '/domains/my%20domain', method: 'GET', body: '' }), lookup, OPTIONS);
});

test('repeated header lines are joined with "," in arrival order (rawHeaders, not req.headers)', async () => {
  const request = await signed({ checksum: false, headers: { 'x-custom': 'a,b' } });
  await verifySigV4(withHeader(request, 'X-Custom', ' a ', 'b'), lookup, OPTIONS);
  await rejects(withHeader(request, 'X-Custom', 'b', 'a'), 'InvalidSignatureException', MISMATCH);
});

test('an unsigned header may change, a signed one may not', async () => {
  const request = await signed();
  await verifySigV4(withHeader(request, 'user-agent', 'something else'), lookup, OPTIONS);
  await rejects(withHeader(request, 'content-type', 'text/plain'), 'InvalidSignatureException', MISMATCH);
});

test('whitespace after the commas of Authorization is optional', async () => {
  const request = editAuthorization(await signed(), (value) => value.replaceAll(', ', ','));
  await verifySigV4(request, lookup, OPTIONS);
});

test('accepts a presigned request', async () => {
  const request = await presigned();
  assert.match(request.rawQuery, /X-Amz-Signature=[0-9a-f]{64}/);
  assert.equal((await verifySigV4(request, lookup, OPTIONS)).form, 'query');
});

test('accepts any configured service and any well-formed region, and returns them', async () => {
  const options = { ...OPTIONS, services: ['iam', 'sts'] };
  const verified = await verifySigV4(await signed({ service: 'sts', region: 'eu-west-2' }), lookup, options);
  assert.equal(verified.service, 'sts');
  assert.equal(verified.region, 'eu-west-2');
  await rejects(await signed(), 'InvalidSignatureException', "Credential should be scoped to correct service: 'iam'. ", options);
});

// --- MissingAuthenticationTokenException / IncompleteSignatureException ---

test('no Authorization header and no X-Amz-Signature: MissingAuthenticationTokenException, key not looked up', async () => {
  const request = withoutHeader(await signed(), 'authorization');
  let lookups = 0;
  const counting = (id: string) => ((lookups += 1), lookup(id));
  await assert.rejects(verifySigV4(request, counting, OPTIONS), { code: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  assert.equal(lookups, 0);
});

test('unparsable Authorization: IncompleteSignatureException', async () => {
  const request = await signed();
  await rejects(withHeader(request, 'authorization', 'AWS4-HMAC-SHA256 garbage'), 'IncompleteSignatureException', fail.unparsableAuthorization().message);
  await rejects(withHeader(request, 'authorization', ''), 'IncompleteSignatureException');
  await rejects(
    withHeader(request, 'authorization', `AWS4-HMAC-SHA256 Credential=${KEY_ID}/20261127/us-east-1/profile/aws4_request`),
    'IncompleteSignatureException',
    "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.",
  );
  await rejects(editAuthorization(request, (v) => `${v}, Signature=${'0'.repeat(64)}`), 'IncompleteSignatureException');
  await rejects(withHeader(request, 'authorization', header(request, 'authorization'), header(request, 'authorization')), 'IncompleteSignatureException');
  await rejects(editAuthorization(request, (v) => v.replace(/\/aws4_request/, '')), 'IncompleteSignatureException');
});

test('another algorithm (SigV4A, SigV2) in the header or the query: IncompleteSignatureException', async () => {
  const request = await signed();
  await rejects(editAuthorization(request, (v) => v.replace('AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256')), 'IncompleteSignatureException');
  await rejects(withHeader(request, 'authorization', `AWS ${KEY_ID}:frJIUN8DYpKDtOLCwo//yllqDzg=`), 'IncompleteSignatureException');
  const query = await presigned();
  await rejects({ ...query, rawQuery: query.rawQuery.replace('AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256') }, 'IncompleteSignatureException');
});

test('X-Amz-Date missing or malformed, host unsigned, both auth forms: IncompleteSignatureException', async () => {
  const request = await signed();
  await rejects(withoutHeader(request, 'x-amz-date'), 'IncompleteSignatureException', fail.missingAmzDate().message);
  await rejects(withHeader(request, 'x-amz-date', '2026-11-27T10:00:00Z'), 'IncompleteSignatureException');
  await rejects(withHeader(request, 'x-amz-date', '20261327T100000Z'), 'IncompleteSignatureException');
  await rejects(editAuthorization(request, (v) => v.replace('host;', '')), 'IncompleteSignatureException', fail.hostNotSigned().message);
  const query = await presigned();
  await rejects({ ...request, rawQuery: query.rawQuery }, 'IncompleteSignatureException', fail.bothAuthForms().message);
});

test('presigned with a part missing or X-Amz-Expires out of 1…604800: IncompleteSignatureException', async () => {
  const request = await presigned();
  const dropped = request.rawQuery.replace(/&?X-Amz-Signature=[0-9a-f]+/, '');
  await rejects({ ...request, rawQuery: dropped }, 'IncompleteSignatureException', fail.queryMissingParts(['X-Amz-Signature']).message);
  for (const expires of ['0', '604801', '-1', 'abc', '0900']) {
    const rawQuery = request.rawQuery.replace('X-Amz-Expires=900', `X-Amz-Expires=${expires}`);
    await rejects({ ...request, rawQuery }, 'IncompleteSignatureException', fail.invalidExpires(expires).message);
  }
});

// --- UnrecognizedClientException ---

test('unknown or inactive key: UnrecognizedClientException', async () => {
  const invalid = 'The security token included in the request is invalid.';
  await rejects(await signed({ accessKeyId: 'AKIAUNKNOWN000000000' }), 'UnrecognizedClientException', invalid);
  await rejects(await signed({ accessKeyId: OFF_KEY_ID }), 'UnrecognizedClientException', invalid);
});

// --- InvalidSignatureException ---

test('wrong secret: InvalidSignatureException with AWS wording', async () => {
  await rejects(
    await signed({ secret: 'not-the-secret' }),
    'InvalidSignatureException',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );
  await rejects(await presigned({ secret: 'not-the-secret' }), 'InvalidSignatureException', MISMATCH);
});

test('wrong scope: service, region, terminator', async () => {
  await rejects(await signed({ service: 'iam' }), 'InvalidSignatureException', "Credential should be scoped to correct service: 'profile'. ");
  await rejects(await signed({ region: 'US_EAST_1' }), 'InvalidSignatureException', fail.invalidRegion().message);
  const request = editAuthorization(await signed(), (v) => v.replace('/aws4_request', '/aws4_reqest'));
  await rejects(request, 'InvalidSignatureException', fail.wrongTerminator('aws4_reqest').message);
});

test('scope date differs from X-Amz-Date: InvalidSignatureException', async () => {
  const request = editAuthorization(await signed(), (v) => v.replace('/20261127/', '/20261126/'));
  const message = "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261126' != '20261127', from '20261127T100000Z'.";
  await rejects(request, 'InvalidSignatureException', message);
});

test('clock skew: 15 minutes either way is accepted, more is not', async () => {
  await verifySigV4(await signed({ signedAt: new Date(NOW.getTime() - 15 * MIN) }), lookup, OPTIONS);
  await verifySigV4(await signed({ signedAt: new Date(NOW.getTime() + 15 * MIN) }), lookup, OPTIONS);
  await rejects(
    await signed({ signedAt: new Date(NOW.getTime() - 16 * MIN) }),
    'InvalidSignatureException',
    'Signature expired: 20261127T094400Z is now earlier than 20261127T094500Z (20261127T100000Z - 15 min.)',
  );
  await rejects(
    await signed({ signedAt: new Date(NOW.getTime() + 16 * MIN) }),
    'InvalidSignatureException',
    'Signature not yet current: 20261127T101600Z is still later than 20261127T101500Z (20261127T100000Z + 15 min.)',
  );
  const strict = { ...OPTIONS, maxSkewMs: 5 * MIN };
  await rejects(await signed({ signedAt: new Date(NOW.getTime() - 6 * MIN) }), 'InvalidSignatureException', undefined, strict);
});

test('presigned: valid from X-Amz-Date - 15 min until X-Amz-Date + X-Amz-Expires', async () => {
  const request = await presigned({ expiresIn: 900 });
  await verifySigV4(request, lookup, { ...OPTIONS, now: new Date(NOW.getTime() + 900_000) });
  await verifySigV4(request, lookup, { ...OPTIONS, now: new Date(NOW.getTime() - 15 * MIN) });
  await rejects(
    request,
    'InvalidSignatureException',
    'Signature expired: 20261127T101500Z (20261127T100000Z + 900 sec.) is now earlier than 20261127T101501Z',
    { ...OPTIONS, now: new Date(NOW.getTime() + 901_000) },
  );
  await rejects(request, 'InvalidSignatureException', undefined, { ...OPTIONS, now: new Date(NOW.getTime() - 16 * MIN) });
});

test('body tampered with: caught by x-amz-content-sha256 when sent, by the signature when not', async () => {
  const other = new Uint8Array(Buffer.from(BODY.replace('365', '366'), 'utf8'));
  const sdk = await signed();
  await rejects({ ...sdk, body: other }, 'InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  const forgedHash = withHeader({ ...sdk, body: other }, 'x-amz-content-sha256', sha256Hex(other));
  await rejects(forgedHash, 'InvalidSignatureException', MISMATCH);
  const cli = await signed({ checksum: false, headers: {} });
  await rejects({ ...cli, body: other }, 'InvalidSignatureException', MISMATCH);
  await rejects({ ...(await presigned()), body: other }, 'InvalidSignatureException', MISMATCH);
});

test('UNSIGNED-PAYLOAD and STREAMING-* are S3 features: rejected', async () => {
  for (const value of ['UNSIGNED-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD']) {
    const request = await signed({ headers: { 'x-amz-content-sha256': value } });
    await rejects(request, 'InvalidSignatureException', fail.unsupportedPayloadHash(value).message);
  }
});

test('signature not 64 lower-case hex, or a signed header that is not on the request: mismatch', async () => {
  const request = await signed();
  const signature = /Signature=([0-9a-f]{64})/.exec(header(request, 'authorization'))?.[1] ?? '';
  for (const bad of [signature.toUpperCase(), signature.slice(1), `${signature.slice(0, 63)}${signature.endsWith('0') ? '1' : '0'}`]) {
    await rejects(editAuthorization(request, (v) => v.replace(signature, bad)), 'InvalidSignatureException', MISMATCH);
  }
  await rejects(editAuthorization(request, (v) => v.replace('host;', 'host;x-extra;')), 'InvalidSignatureException', MISMATCH);
  await rejects({ ...request, method: 'PUT' }, 'InvalidSignatureException', MISMATCH);
  await rejects({ ...request, rawQuery: 'bad=%zz' }, 'InvalidSignatureException', fail.malformedQuery().message);
});

// --- session tokens ---

test('temporary key: the issued token, signed or added after signing, is accepted', async () => {
  const signedToken = await signed({ accessKeyId: TEMP_KEY_ID, secret: TEMP_SECRET, sessionToken: TOKEN });
  assert.equal((await verifySigV4(signedToken, lookup, OPTIONS)).sessionToken, TOKEN);
  const unsignedToken = withHeader(await signed({ accessKeyId: TEMP_KEY_ID, secret: TEMP_SECRET }), 'X-Amz-Security-Token', TOKEN);
  assert.doesNotMatch(header(unsignedToken, 'authorization'), /x-amz-security-token/);
  assert.equal((await verifySigV4(unsignedToken, lookup, OPTIONS)).sessionToken, TOKEN);
  const query = await presigned({ accessKeyId: TEMP_KEY_ID, secret: TEMP_SECRET, sessionToken: TOKEN });
  assert.equal((await verifySigV4(query, lookup, OPTIONS)).sessionToken, TOKEN);
});

test('wrong, missing or unexpected session token: UnrecognizedClientException', async () => {
  const temp = { accessKeyId: TEMP_KEY_ID, secret: TEMP_SECRET };
  await rejects(await signed({ ...temp, sessionToken: `${TOKEN}x` }), 'UnrecognizedClientException', fail.unrecognizedClient().message);
  await rejects(await signed(temp), 'UnrecognizedClientException');
  await rejects(await presigned({ ...temp, sessionToken: 'other' }), 'UnrecognizedClientException');
  await rejects(await signed({ sessionToken: TOKEN }), 'UnrecognizedClientException');
});

test('expired session token: ExpiredTokenException', async () => {
  const later = new Date(TOKEN_EXPIRY.getTime() + 1000);
  const request = await signed({ accessKeyId: TEMP_KEY_ID, secret: TEMP_SECRET, sessionToken: TOKEN, signedAt: later });
  await rejects(request, 'ExpiredTokenException', 'The security token included in the request is expired', { ...OPTIONS, now: later });
});

test('errors from the key lookup pass through untouched', async () => {
  const broken = (): Promise<StoredKey | undefined> => Promise.reject(new Error('database unavailable'));
  await assert.rejects(verifySigV4(await signed(), broken, OPTIONS), { message: 'database unavailable' });
});

