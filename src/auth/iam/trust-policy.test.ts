// Unit tests of role trust policies: validation and who may assume the role.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MalformedPolicyDocumentError } from './malformed-policy-error.js';
import { createRequestContext } from './request-context.js';
import { evaluateTrustPolicy, parseTrustPolicy, type TrustRequest } from './trust-policy.js';

const trust = (principal: unknown, extra: Record<string, unknown> = {}) =>
  parseTrustPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }] }));

function caller(principalArn: string, extra: Partial<TrustRequest> = {}): TrustRequest {
  return { principalArn, accountId: principalArn.split(':')[4] as string, action: 'sts:AssumeRole', context: createRequestContext({}), ...extra };
}

const ALICE = 'arn:aws:iam::111122223333:user/alice';

test('an exact principal ARN is a direct grant; the account (id or root ARN) delegates to identity policies', () => {
  assert.deepEqual(evaluateTrustPolicy(trust({ AWS: ALICE }), caller(ALICE)), { decision: 'Allow', statementIndex: 0, grant: 'principal' });
  assert.equal(evaluateTrustPolicy(trust({ AWS: ALICE }), caller('arn:aws:iam::111122223333:user/bob')).decision, 'ImplicitDeny');
  assert.equal(evaluateTrustPolicy(trust({ AWS: '111122223333' }), caller(ALICE)).grant, 'account');
  assert.equal(evaluateTrustPolicy(trust({ AWS: ['arn:aws:iam::111122223333:root'] }), caller(ALICE)).grant, 'account');
  assert.equal(evaluateTrustPolicy(trust({ AWS: '444455556666' }), caller(ALICE)).decision, 'ImplicitDeny');
  assert.equal(evaluateTrustPolicy(trust('*'), caller(ALICE)).grant, 'principal');
  assert.equal(evaluateTrustPolicy(trust({ AWS: '*' }), caller('arn:aws:iam::444455556666:user/x')).decision, 'Allow');
});

test('a role session matches its role ARN or its session ARN', () => {
  const session = { sessionArn: 'arn:aws:sts::111122223333:assumed-role/Ops/s1' };
  const role = 'arn:aws:iam::111122223333:role/Ops';
  assert.equal(evaluateTrustPolicy(trust({ AWS: role }), caller(role, session)).grant, 'principal');
  assert.equal(evaluateTrustPolicy(trust({ AWS: session.sessionArn }), caller(role, session)).grant, 'principal');
});

test('actions, conditions and Deny statements are honoured', () => {
  const conditional = trust({ AWS: '111122223333' }, { Condition: { StringEquals: { 'sts:ExternalId': 'xyz' } } });
  assert.equal(evaluateTrustPolicy(conditional, caller(ALICE)).decision, 'ImplicitDeny');
  assert.equal(evaluateTrustPolicy(conditional, caller(ALICE, { context: createRequestContext({ 'sts:ExternalId': 'xyz' }) })).decision, 'Allow');
  assert.equal(evaluateTrustPolicy(trust({ AWS: ALICE }), caller(ALICE, { action: 'sts:TagSession' })).decision, 'ImplicitDeny');
  const withDeny = parseTrustPolicy(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:*' },
        { Effect: 'Deny', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' },
      ],
    }),
  );
  assert.deepEqual(evaluateTrustPolicy(withDeny, caller(ALICE)), { decision: 'ExplicitDeny', statementIndex: 1 });
  assert.equal(evaluateTrustPolicy(withDeny, caller('arn:aws:iam::111122223333:user/bob')).decision, 'Allow');
});

test('service and federated principals are accepted but never match an IAM caller', () => {
  assert.equal(evaluateTrustPolicy(trust({ Service: 'ec2.amazonaws.com', Federated: ['cognito-identity.amazonaws.com'] }), caller(ALICE)).decision, 'ImplicitDeny');
});

test('refuses what AWS refuses in a trust policy', () => {
  const refuses = (statement: Record<string, unknown>, message: RegExp) =>
    assert.throws(
      () => parseTrustPolicy(JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sts:AssumeRole', ...statement } })),
      (e: unknown) => e instanceof MalformedPolicyDocumentError && message.test(e.message),
    );
  refuses({}, /Missing required field Principal/);
  refuses({ NotPrincipal: { AWS: ALICE } }, /NotPrincipal is not supported/);
  refuses({ Principal: '*', Resource: '*' }, /Has prohibited field Resource/);
  refuses({ Principal: { AWS: 'arn:aws:iam::111122223333:user/*' } }, /Invalid principal in policy/);
  refuses({ Principal: { AWS: 'alice' } }, /Invalid principal in policy/);
  refuses({ Principal: { CanonicalUser: 'abc' } }, /unsupported principal type CanonicalUser/);
  refuses({ Principal: { AWS: [] } }, /must be a string or a list of strings/);
  refuses({ Principal: {} }, /empty Principal/);
  refuses({ Principal: '*', Effect: 'Permit' }, /Invalid effect/);
  refuses({ Principal: '*', Condition: { StringEquals2: { a: 'b' } } }, /Invalid Condition type/);
});
