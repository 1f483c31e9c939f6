// Unit tests of the Authorization header parser: lenient whitespace, strict parts and algorithm.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SigV4Error } from './failures.js';
import { parseAuthorization } from './parse-authorization.js';

const SIG = 'f'.repeat(64);
const CRED = 'AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';

function incomplete(header: string): void {
  assert.throws(() => parseAuthorization(header), (e: unknown) => e instanceof SigV4Error && e.code === 'IncompleteSignatureException');
}

test('parses the three parts with or without spaces after the commas, in any order', () => {
  const expected = { credential: CRED, signedHeaders: 'host;x-amz-date', signature: SIG };
  assert.deepEqual(parseAuthorization(`AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=host;x-amz-date, Signature=${SIG}`), expected);
  assert.deepEqual(parseAuthorization(`AWS4-HMAC-SHA256 Credential=${CRED},SignedHeaders=host;x-amz-date,Signature=${SIG}`), expected);
  assert.deepEqual(parseAuthorization(`  AWS4-HMAC-SHA256   Signature=${SIG} ,SignedHeaders = host;x-amz-date,Credential=${CRED}  `), expected);
});

test('ignores unknown parts', () => {
  const parsed = parseAuthorization(`AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=host, Signature=${SIG}, Extra=1`);
  assert.equal(parsed.signedHeaders, 'host');
});

test('rejects other algorithms, missing, empty or repeated parts and text that is not name=value', () => {
  incomplete('');
  incomplete('AWS4-HMAC-SHA256');
  incomplete('AWS4-ECDSA-P256-SHA256 Credential=a, SignedHeaders=host, Signature=b');
  incomplete('AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=');
  incomplete('Bearer abc');
  incomplete(`AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=host`);
  incomplete(`AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=, Signature=${SIG}`);
  incomplete(`AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=host, Signature=${SIG}, Signature=${SIG}`);
  incomplete(`AWS4-HMAC-SHA256 Credential=${CRED}, host, Signature=${SIG}`);
});
