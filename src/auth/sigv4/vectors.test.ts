// The AWS SigV4 test suite (test/fixtures/sigv4-test-suite/v4/) in both forms, as a `profile` verifier must judge it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { signatureMismatch } from './failures.js';
import { sessionTokenSha256 } from './sha256.js';
import { SigV4Error, verifySigV4, type IncomingSignedRequest, type KnownKey } from './verify.js';

interface SuiteContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

type Form = 'header' | 'query';
const FORMS: readonly Form[] = ['header', 'query'];

/**
 * The repo root is the nearest folder above this file whose package.json is `openprofiles`
 * (works from src/ under tsx and from dist/src/ after tsc); the suite is in its test/fixtures/.
 * A missing suite fails the run instead of skipping it.
 */
function suiteDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'openprofiles') break;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No openprofiles package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  const suite = resolve(dir, 'test', 'fixtures', 'sigv4-test-suite', 'v4');
  if (!existsSync(suite)) throw new Error(`SigV4 test suite not found at ${suite}; it is part of the repository`);
  return suite;
}

const SUITE = suiteDir();
const CASES = readdirSync(SUITE, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function read(caseName: string, file: string): string {
  return readFileSync(join(SUITE, caseName, file), 'utf8');
}

function context(caseName: string): SuiteContext {
  return JSON.parse(read(caseName, 'context.json')) as SuiteContext;
}

/**
 * A `<form>-signed-request.txt` as a server receives it. The request-line path goes in as written,
 * like the SDK's HttpRequest.path it was signed from (SOURCE.md): the suite writes `/example space/`
 * and `/ሴ` decoded, and its signatures cover them encoded once, so putting `%20` here would make the
 * verifier (rightly, spec step 7) encode it a second time. Header lines keep their case and order,
 * as in Node's rawHeaders; an indented line continues the previous value (obs-fold -> one space).
 */
function parseSignedRequest(text: string): IncomingSignedRequest {
  const blank = text.indexOf('\n\n');
  const head = blank === -1 ? text : text.slice(0, blank);
  const body = blank === -1 ? '' : text.slice(blank + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));
  const q = target.indexOf('?');
  const rawHeaders: string[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      rawHeaders[rawHeaders.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    rawHeaders.push(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return {
    method,
    rawPath: q === -1 ? target : target.slice(0, q),
    rawQuery: q === -1 ? '' : target.slice(q + 1),
    rawHeaders,
    body: new Uint8Array(Buffer.from(body, 'utf8')),
  };
}

function canonicalPath(caseName: string): string {
  return read(caseName, 'header-canonical-request.txt').split('\n')[1] ?? '';
}

/** S3-style (normalize: false) cases whose signed path differs from the normalised one a `profile` client signs. */
function pathChangesUnderNormalization(caseName: string): boolean {
  if (context(caseName).normalize) return false;
  return canonicalPath(caseName) !== canonicalPath(caseName.replace(/-unnormalized$/, '-normalized'));
}

function expectAccepted(caseName: string, form: Form): boolean {
  const ctx = context(caseName);
  if (pathChangesUnderNormalization(caseName)) return false;
  // The token was appended to the query after presigning: it is outside the signed query (SOURCE.md).
  if (form === 'query' && ctx.omit_session_token === true) return false;
  return true;
}

function verifyCase(caseName: string, request: IncomingSignedRequest) {
  const ctx = context(caseName);
  const lookup = async (id: string): Promise<KnownKey | undefined> =>
    id === ctx.credentials.access_key_id
      ? { secretAccessKey: ctx.credentials.secret_access_key, active: true, sessionTokenSha256: ctx.credentials.token === undefined ? undefined : sessionTokenSha256(ctx.credentials.token) }
      : undefined;
  return verifySigV4(request, lookup, { services: [ctx.service], now: new Date(ctx.timestamp) });
}

/** Rejected by the signature comparison itself, not by an earlier check. */
function isInvalidSignature(error: unknown): boolean {
  return (
    error instanceof SigV4Error &&
    error.code === 'InvalidSignatureException' &&
    error.statusCode === 403 &&
    error.message === signatureMismatch().message
  );
}

test('the suite is all there', () => {
  assert.equal(CASES.length, 38, `expected 38 cases in ${SUITE}`);
  for (const caseName of CASES) {
    for (const form of FORMS) assert.ok(existsSync(join(SUITE, caseName, `${form}-signed-request.txt`)), caseName);
  }
  assert.deepEqual(CASES.filter(pathChangesUnderNormalization), [
    'get-relative-relative-unnormalized',
    'get-relative-unnormalized',
    'get-slash-dot-slash-unnormalized',
    'get-slash-pointless-dot-unnormalized',
    'get-slash-unnormalized',
    'get-slashes-unnormalized',
  ]);
});

for (const caseName of CASES) {
  test(caseName, async (t) => {
    for (const form of FORMS) {
      await t.test(form, async () => {
        const ctx = context(caseName);
        const request = parseSignedRequest(read(caseName, `${form}-signed-request.txt`));
        if (!expectAccepted(caseName, form)) {
          await assert.rejects(verifyCase(caseName, request), isInvalidSignature);
          return;
        }
        const verified = await verifyCase(caseName, request);
        assert.equal(verified.accessKeyId, ctx.credentials.access_key_id);
        assert.equal(verified.region, ctx.region);
        assert.equal(verified.service, ctx.service);
        assert.equal(verified.form, form);
        assert.equal(verified.signedAt.getTime(), new Date(ctx.timestamp).getTime());
        assert.equal(verified.sessionToken, ctx.credentials.token);

        const otherMethod = request.method === 'GET' ? 'POST' : 'GET';
        await assert.rejects(verifyCase(caseName, { ...request, method: otherMethod }), isInvalidSignature);
      });
    }
  });
}

test('totals: 63 of 76 signed requests accepted, the 13 SOURCE.md names rejected', async () => {
  const accepted: string[] = [];
  const rejected: string[] = [];
  for (const caseName of CASES) {
    for (const form of FORMS) {
      const request = parseSignedRequest(read(caseName, `${form}-signed-request.txt`));
      const ok = await verifyCase(caseName, request).then(() => true, () => false);
      (ok ? accepted : rejected).push(`${caseName}/${form}`);
    }
  }
  assert.equal(accepted.length, 63);
  assert.deepEqual(rejected, [
    ...CASES.filter(pathChangesUnderNormalization).flatMap((c) => [`${c}/header`, `${c}/query`]),
    'post-sts-header-after/query',
  ].sort());
});
