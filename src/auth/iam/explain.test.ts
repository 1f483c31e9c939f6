// Unit tests of the simulator's explanations: the statements that decided, and the condition keys missing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, type PolicySet } from './evaluate.js';
import { decidingStatements, missingContextKeys } from './explain.js';
import { parsePolicyDocument, type PolicyDocument } from './policy-document.js';
import { createRequestContext } from './request-context.js';

const D = 'arn:aws:profile:us-east-1:111122223333:domains/';

function policy(...statements: Record<string, unknown>[]): PolicyDocument {
  return parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
}

const set: PolicySet = {
  identity: [
    policy({ Effect: 'Allow', Action: 'profile:Get*', Resource: '*' }, { Effect: 'Allow', Action: 'profile:GetDomain', Resource: `${D}*` }),
    policy(
      { Effect: 'Deny', Action: 'profile:GetDomain', Resource: `${D}secret` },
      { Effect: 'Deny', Action: 'profile:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      { Effect: 'Allow', Action: 'profile:DeleteDomain', Resource: `${D}other`, Condition: { StringEquals: { 'aws:PrincipalTag/Team': 'ops' } } },
    ),
  ],
  permissionsBoundary: policy({ Effect: 'Allow', Action: 'profile:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }),
};

const explained = (action: string, resource: string, entries: Record<string, string>) => {
  const context = createRequestContext(entries);
  const result = evaluate({ principalArn: 'arn:aws:iam::111122223333:user/a', action, resources: [resource], context }, set);
  const refs = decidingStatements(result, action, context, set).map((r) => `${r.policyType}[${r.policyIndex}].${r.statementIndex}`);
  return { decision: result.decision, refs, missing: missingContextKeys(action, resource, context, set) };
};

test('an allow names every allowing statement, the boundary too; keys of matching statements the context lacks are missing', () => {
  assert.deepEqual(explained('profile:GetDomain', `${D}open`, { 'aws:RequestedRegion': 'us-east-1' }), {
    decision: 'Allow',
    refs: ['identity[0].0', 'identity[0].1', 'permissionsBoundary[0].0'],
    missing: ['aws:SecureTransport'],
  });
});

test('an explicit deny names every denying statement; an implicit deny names none', () => {
  const denied = explained('profile:GetDomain', `${D}secret`, { 'aws:SecureTransport': 'false' });
  assert.deepEqual([denied.decision, denied.refs], ['ExplicitDeny', ['identity[1].0', 'identity[1].1']]);
  // A statement for another resource does not count towards the missing keys; one for this resource does.
  assert.deepEqual(explained('profile:DeleteDomain', `${D}open`, {}), { decision: 'ImplicitDeny', refs: [], missing: ['aws:SecureTransport', 'aws:RequestedRegion'] });
  assert.deepEqual(explained('profile:DeleteDomain', `${D}other`, {}).missing, ['aws:SecureTransport', 'aws:PrincipalTag/Team', 'aws:RequestedRegion']);
});
