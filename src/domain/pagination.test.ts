import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeNextToken, encodeNextToken } from './pagination.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };

test('a token resumes after the key it was made from, and only for its own list and scope', () => {
  const token = encodeNextToken('domains', scope, 'p2')!;
  assert.equal(decodeNextToken('domains', scope, token), 'p2');
  assert.throws(() => decodeNextToken('profiles:d', scope, token), { name: 'BadRequestException' });
  assert.throws(() => decodeNextToken('domains', { ...scope, region: 'eu-west-1' }, token), { name: 'BadRequestException' });
  assert.throws(() => decodeNextToken('domains', { ...scope, accountId: '111111111111' }, token), { name: 'BadRequestException' });
});

test('no key, no token; corrupt tokens are BadRequest', () => {
  assert.equal(encodeNextToken('domains', scope, undefined), undefined);
  assert.equal(decodeNextToken('domains', scope, undefined), undefined);
  for (const bad of ['', 'garbage', Buffer.from('{"v":2}').toString('base64url'), Buffer.from('null').toString('base64url')]) {
    assert.throws(() => decodeNextToken('domains', scope, bad), { name: 'BadRequestException' }, bad);
  }
});
