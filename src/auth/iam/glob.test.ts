// Unit tests of wildcard matching: actions, StringLike and ARN patterns (spec §4.1, §4.2, §5.3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileGlob, type GlobMode } from './glob.js';
import { tokenize } from './policy-string.js';

const glob = (pattern: string, mode: GlobMode) => compileGlob(tokenize(pattern, { wildcards: true, variables: false }), mode);

test('actions: whole-string, case-insensitive pattern (the action is given lower-cased)', () => {
  assert.equal(glob('PROFILE:getdomain', 'action')('profile:getdomain'), true);
  assert.equal(glob('profile:*Domain', 'action')('profile:listdomains'), false);
  assert.equal(glob('profile:*Domain', 'action')('profile:getdomain'), true);
  assert.equal(glob('profile:?etDomain', 'action')('profile:getdomain'), true);
  assert.equal(glob('profile:?etDomain', 'action')('profile:ggetdomain'), false);
  assert.equal(glob('profile:Get*', 'action')('profile:getprofileobjecttype'), true);
  assert.equal(glob('profile:*', 'action')('iam:createuser'), false);
  assert.equal(glob('*', 'action')('iam:createuser'), true);
  assert.equal(glob('profile:Get*Type', 'action')('profile:getprofileobjecttype'), true);
});

test('StringLike: * and ? cross every character, anchored at both ends', () => {
  assert.equal(glob('al?c*', 'string')('alice'), true);
  assert.equal(glob('al?c*', 'string')('xalice'), false);
  assert.equal(glob('*:*/x', 'string')('a:b/c/x'), true);
  assert.equal(glob('a.b', 'string')('axb'), false, 'regex characters are literal');
  assert.equal(glob('(a|b)+', 'string')('(a|b)+'), true);
  assert.equal(glob('a*', 'string')('a\nb'), true);
});

test('ARN: case-sensitive; fields one by one; * crosses / and : in the resource part only', () => {
  const d = 'arn:aws:profile:us-east-1:111122223333:domains/';
  assert.equal(glob(`${d}*`, 'arn')(`${d}sales/object-types/Order`), true);
  assert.equal(glob(`${d}Sales`, 'arn')(`${d}sales`), false);
  assert.equal(glob(`${d}sales/integrations/*`, 'arn')(`${d}sales/integrations/arn:aws:sqs:us-east-1:1:q1`), true);
  assert.equal(glob('arn:aws:profile:*:111122223333:domains/sales', 'arn')('arn:aws:profile:eu-west-2:111122223333:domains/sales'), true);
  assert.equal(glob('arn:aws:profile:*:domains/sales', 'arn')('arn:aws:profile:eu-west-2:111122223333:domains/sales'), false, '* stays in its field');
  assert.equal(glob('arn:aws:profile:us-east-?:*:domains/*/object-types/Secret*', 'arn')(`${d}a/object-types/SecretX`), true);
  assert.equal(glob('arn:aws:iam::*', 'arn')('arn:aws:iam::111122223333:user/alice'), false);
  assert.equal(glob(`${d}*`, 'arn')('*'), false, 'an ARN pattern never matches the "*" of resource-less actions (R10)');
  assert.equal(glob('*', 'arn')('*'), true);
  assert.equal(glob('arn:aws-cn:profile:us-east-1:111122223333:domains/sales', 'arn')(`${d}sales`), false);
});
