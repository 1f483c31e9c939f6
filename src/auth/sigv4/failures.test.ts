// Every failure factory: a SigV4Error with the right code, status 403 and a message that says what is wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fail from './failures.js';

const AT = new Date('2026-11-27T10:00:00Z');

test('each factory gives a 403 SigV4Error with its code', () => {
  const cases: ReadonlyArray<readonly [fail.SigV4Error, fail.SigV4ErrorCode]> = [
    [fail.missingAuthenticationToken(), 'MissingAuthenticationTokenException'],
    [fail.unsupportedAlgorithm('AWS'), 'IncompleteSignatureException'],
    [fail.unparsableAuthorization(), 'IncompleteSignatureException'],
    [fail.authorizationMissingParts(['Signature']), 'IncompleteSignatureException'],
    [fail.queryMissingParts(['X-Amz-Date']), 'IncompleteSignatureException'],
    [fail.repeatedAuthField('authorization'), 'IncompleteSignatureException'],
    [fail.bothAuthForms(), 'IncompleteSignatureException'],
    [fail.malformedCredential('x'), 'IncompleteSignatureException'],
    [fail.missingAmzDate(), 'IncompleteSignatureException'],
    [fail.malformedAmzDate('x'), 'IncompleteSignatureException'],
    [fail.hostNotSigned(), 'IncompleteSignatureException'],
    [fail.invalidExpires('0'), 'IncompleteSignatureException'],
    [fail.wrongService('profile'), 'InvalidSignatureException'],
    [fail.invalidRegion(), 'InvalidSignatureException'],
    [fail.wrongTerminator('x'), 'InvalidSignatureException'],
    [fail.scopeDateMismatch('20261126', '20261127T100000Z'), 'InvalidSignatureException'],
    [fail.signatureExpired(AT, AT, 900_000), 'InvalidSignatureException'],
    [fail.signatureNotYetCurrent(AT, AT, 900_000), 'InvalidSignatureException'],
    [fail.presignedExpired(AT, 60, AT), 'InvalidSignatureException'],
    [fail.unsupportedPayloadHash('UNSIGNED-PAYLOAD'), 'InvalidSignatureException'],
    [fail.contentSha256Mismatch(), 'InvalidSignatureException'],
    [fail.malformedQuery(), 'InvalidSignatureException'],
    [fail.signatureMismatch(), 'InvalidSignatureException'],
    [fail.unrecognizedClient(), 'UnrecognizedClientException'],
    [fail.expiredToken(), 'ExpiredTokenException'],
  ];
  const factories = Object.values(fail).filter((value) => typeof value === 'function' && value !== fail.SigV4Error);
  assert.equal(cases.length, factories.length, 'every factory is listed here');
  for (const [error, code] of cases) {
    assert.ok(error instanceof fail.SigV4Error && error instanceof Error);
    assert.equal(error.name, 'SigV4Error');
    assert.equal(error.code, code);
    assert.equal(error.statusCode, 403);
    assert.ok(error.message.length > 10, error.message);
  }
});

test('client text echoed in a message is cut at 64 characters', () => {
  assert.equal(fail.malformedAmzDate('x'.repeat(1000)).message.includes('x'.repeat(65)), false);
});
