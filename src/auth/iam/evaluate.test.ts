// Unit tests of the decision (spec §3, §8): policy types, root, several resources, per-resource contexts, reasons.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, type AuthorizationRequest, type PolicySet } from './evaluate.js';
import { parsePolicyDocument, type PolicyDocument } from './policy-document.js';
import { createRequestContext } from './request-context.js';

const D = 'arn:aws:profile:us-east-1:111122223333:domains/';
const ALICE = 'arn:aws:iam::111122223333:user/alice';

function policy(...statements: Record<string, unknown>[]): PolicyDocument {
  return parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
}
const allow = (action: string, resource: string | string[] = '*', extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
const deny = (action: string, resource: string | string[] = '*', extra: Record<string, unknown> = {}) => ({ Effect: 'Deny', Action: action, Resource: resource, ...extra });

function request(action: string, resources: AuthorizationRequest['resources'], principalArn = ALICE): AuthorizationRequest {
  return { principalArn, action, resources, context: createRequestContext({ 'aws:username': 'alice' }) };
}

test('reports the statement that allowed or denied, and the policy type that did not allow', () => {
  const set: PolicySet = { identity: [policy(allow('profile:Get*')), policy({ Sid: 'NoDelete', ...deny('profile:Delete*') }, allow('profile:*'))] };
  assert.deepEqual(evaluate(request('profile:GetDomain', [`${D}a`]), set), {
    decision: 'Allow',
    resource: `${D}a`,
    allowedBy: { policyType: 'identity', policyIndex: 0, statementIndex: 0, sid: undefined },
  });
  assert.deepEqual(evaluate(request('profile:DeleteDomain', [`${D}a`]), set), {
    decision: 'ExplicitDeny',
    resource: `${D}a`,
    deniedBy: { policyType: 'identity', policyIndex: 1, statementIndex: 0, sid: 'NoDelete' },
  });
  assert.deepEqual(evaluate(request('iam:CreateUser', ['*']), set), { decision: 'ImplicitDeny', resource: '*', notAllowedBy: 'identity' });
});

test('permissions boundary intersects and its Deny is explicit (B01–B03)', () => {
  const boundary = policy(allow('profile:Get*'), deny('profile:GetDomain', `${D}secret`));
  const set: PolicySet = { identity: [policy(allow('profile:*'))], permissionsBoundary: boundary };
  assert.equal(evaluate(request('profile:GetDomain', [`${D}a`]), set).decision, 'Allow');
  assert.deepEqual(evaluate(request('profile:DeleteDomain', [`${D}a`]), set), { decision: 'ImplicitDeny', resource: `${D}a`, notAllowedBy: 'permissionsBoundary' });
  assert.equal(evaluate(request('profile:GetDomain', [`${D}secret`]), set).deniedBy?.policyType, 'permissionsBoundary');
  assert.equal(evaluate(request('profile:GetDomain', [`${D}a`]), { identity: [], permissionsBoundary: boundary }).notAllowedBy, 'identity');
});

test('session policies intersect too; any one of them allowing is enough; an empty list means none', () => {
  const identity = [policy(allow('profile:*'))];
  const sessionPolicies = [policy(allow('profile:GetDomain')), policy(allow('profile:ListDomains'))];
  const session = 'arn:aws:sts::111122223333:assumed-role/Ops/s1';
  assert.equal(evaluate(request('profile:ListDomains', ['*'], session), { identity, sessionPolicies }).decision, 'Allow');
  assert.deepEqual(evaluate(request('profile:DeleteDomain', [`${D}a`], session), { identity, sessionPolicies }), {
    decision: 'ImplicitDeny',
    resource: `${D}a`,
    notAllowedBy: 'session',
  });
  assert.equal(evaluate(request('profile:DeleteDomain', [`${D}a`], session), { identity, sessionPolicies: [] }).decision, 'Allow');
  const denying = [policy(allow('*'), deny('profile:GetDomain'))];
  assert.equal(evaluate(request('profile:GetDomain', [`${D}a`], session), { identity, sessionPolicies: denying }).deniedBy?.policyType, 'session');
  assert.equal(evaluate(request('profile:GetDomain', [`${D}a`], session), { identity: [], sessionPolicies }).notAllowedBy, 'identity', 'a session policy never grants alone');
});

test('the account root is allowed without policies, but an explicit Deny still applies (§3 step 3, P01)', () => {
  const root = 'arn:aws:iam::111122223333:root';
  assert.deepEqual(evaluate(request('profile:DeleteDomain', [`${D}a`], root), { identity: [] }), { decision: 'Allow', resource: `${D}a` });
  assert.equal(evaluate(request('profile:DeleteDomain', [`${D}a`], root), { identity: [policy(deny('profile:*'))] }).decision, 'ExplicitDeny');
  assert.equal(evaluate(request('profile:DeleteDomain', [`${D}a`], 'arn:aws:iam::111122223333:user/root'), { identity: [] }).decision, 'ImplicitDeny');
});

test('several resources: every one must be allowed, a Deny on any wins, the first refused one is reported (§8)', () => {
  const set: PolicySet = { identity: [policy(allow('profile:*', `${D}sales`), deny('profile:*', `${D}*/object-types/Secret*`))] };
  const two = (type: string) => [`${D}sales`, `${D}sales/object-types/${type}`];
  assert.deepEqual(evaluate(request('profile:PutProfileObjectType', two('Order')), set), {
    decision: 'ImplicitDeny',
    resource: `${D}sales/object-types/Order`,
    notAllowedBy: 'identity',
  });
  const denied = evaluate(request('profile:PutProfileObjectType', [`${D}other`, `${D}sales/object-types/SecretX`]), set);
  assert.equal(denied.decision, 'ExplicitDeny', 'a Deny on the second ARN beats an implicit deny on the first');
  assert.equal(denied.resource, `${D}sales/object-types/SecretX`);
  const wide: PolicySet = { identity: [policy(allow('profile:*', [`${D}sales`, `${D}sales/*`]))] };
  assert.equal(evaluate(request('profile:PutProfileObjectType', two('Order')), wide).decision, 'Allow');
  assert.throws(() => evaluate(request('profile:GetDomain', []), wide), TypeError);
});

test('each resource may carry its own context (aws:ResourceTag/* per ARN, §2.3)', () => {
  const shared = createRequestContext({ 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue' });
  const tagged = (team: string) => createRequestContext({ 'aws:ResourceTag/team': team }, shared);
  const set: PolicySet = { identity: [policy(allow('profile:*', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } }))] };
  const base = { principalArn: ALICE, action: 'profile:PutProfileObjectType', context: shared };
  const blue = { arn: `${D}a`, context: tagged('blue') };
  assert.equal(evaluate({ ...base, resources: [blue, { arn: `${D}a/object-types/x`, context: tagged('blue') }] }, set).decision, 'Allow');
  const mixed = evaluate({ ...base, resources: [blue, { arn: `${D}a/object-types/x`, context: tagged('red') }] }, set);
  assert.deepEqual([mixed.decision, mixed.resource], ['ImplicitDeny', `${D}a/object-types/x`]);
  assert.equal(evaluate({ ...base, resources: [`${D}a`] }, set).decision, 'ImplicitDeny', 'plain ARNs use the shared context');
});

test('resource-less actions ("*") are matched only by Resource "*" or by NotResource (R10)', () => {
  assert.equal(evaluate(request('profile:ListDomains', ['*']), { identity: [policy(allow('profile:ListDomains', `${D}*`))] }).decision, 'ImplicitDeny');
  assert.equal(evaluate(request('profile:ListDomains', ['*']), { identity: [policy(allow('profile:ListDomains', 'arn:aws:profile:*:*:*'))] }).decision, 'ImplicitDeny');
  assert.equal(evaluate(request('profile:ListDomains', ['*']), { identity: [policy({ Effect: 'Allow', Action: 'profile:*', NotResource: `${D}x` })] }).decision, 'Allow');
});

test('statements never combine, and order does not matter (E05)', () => {
  const statements = [allow('profile:GetDomain', `${D}a`), allow('profile:DeleteDomain', `${D}b`), deny('profile:GetDomain', `${D}b`)];
  for (const order of [statements, [...statements].reverse()]) {
    const set = { identity: [policy(...order)] };
    assert.equal(evaluate(request('profile:DeleteDomain', [`${D}a`]), set).decision, 'ImplicitDeny');
    assert.equal(evaluate(request('profile:GetDomain', [`${D}b`]), set).decision, 'ExplicitDeny');
    assert.equal(evaluate(request('PROFILE:getdomain', [`${D}a`]), set).decision, 'Allow');
  }
});
