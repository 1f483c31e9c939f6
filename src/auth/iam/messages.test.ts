// Unit tests of the AccessDenied message forms of spec §9.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessDeniedMessage, explicitDenyMessage, noPolicyAllowsMessage } from './messages.js';

const USER = 'arn:aws:iam::111122223333:user/alice';
const ARN = 'arn:aws:profile:us-east-1:111122223333:domains/sales';
const PREFIX = `User: ${USER} is not authorized to perform: profile:GetDomain on resource: ${ARN}`;

test('implicit deny names the policy type that did not allow', () => {
  assert.equal(noPolicyAllowsMessage(USER, 'profile:GetDomain', ARN), `${PREFIX} because no identity-based policy allows the profile:GetDomain action`);
  assert.equal(noPolicyAllowsMessage(USER, 'profile:GetDomain', ARN, 'permissionsBoundary'), `${PREFIX} because no permissions boundary allows the profile:GetDomain action`);
  assert.equal(noPolicyAllowsMessage(USER, 'profile:GetDomain', ARN, 'session'), `${PREFIX} because no session policy allows the profile:GetDomain action`);
});

test('explicit deny names the policy type that denied', () => {
  assert.equal(explicitDenyMessage(USER, 'profile:GetDomain', ARN), `${PREFIX} with an explicit deny in an identity-based policy`);
  assert.equal(explicitDenyMessage(USER, 'profile:GetDomain', ARN, 'permissionsBoundary'), `${PREFIX} with an explicit deny in a permissions boundary`);
  assert.equal(explicitDenyMessage(USER, 'profile:GetDomain', ARN, 'session'), `${PREFIX} with an explicit deny in a session policy`);
});

test('accessDeniedMessage picks the form from an evaluation result', () => {
  const deniedBy = { policyType: 'permissionsBoundary' as const, policyIndex: 0, statementIndex: 1, sid: undefined };
  assert.equal(accessDeniedMessage(USER, 'profile:GetDomain', { decision: 'ExplicitDeny', resource: ARN, deniedBy }), `${PREFIX} with an explicit deny in a permissions boundary`);
  assert.equal(
    accessDeniedMessage(USER, 'profile:GetDomain', { decision: 'ImplicitDeny', resource: ARN, notAllowedBy: 'session' }),
    `${PREFIX} because no session policy allows the profile:GetDomain action`,
  );
  assert.throws(() => accessDeniedMessage(USER, 'profile:GetDomain', { decision: 'Allow', resource: ARN }));
});
