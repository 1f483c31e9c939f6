// Every operation of the model has an authorization rule, and the rules give the ARNs of spec §8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operations, type OperationName } from '../generated/operations.js';
import { authorizationRules } from '../generated/authorization.js';
import { resourceArnsOf } from './profile-authorizer.js';

const scope = { accountId: '111122223333', region: 'us-east-1' };
const D = 'arn:aws:profile:us-east-1:111122223333:domains/sales';

test('every operation of the model has an authorization rule (none is accidentally open)', () => {
  const missing = Object.keys(operations).filter((name) => !Object.hasOwn(authorizationRules, name));
  assert.deepEqual(missing, []);
  assert.equal(Object.keys(authorizationRules).length, Object.keys(operations).length);
});

test('resource ARNs per operation follow spec §8', () => {
  const arns = (op: OperationName, input: Record<string, unknown>) => resourceArnsOf(op, scope, input);
  assert.deepEqual(arns('GetDomain', { DomainName: 'sales' }), [D]);
  assert.deepEqual(arns('PutProfileObjectType', { DomainName: 'sales', ObjectTypeName: 'Order' }), [D, `${D}/object-types/Order`]);
  assert.deepEqual(arns('GetIntegration', { DomainName: 'sales', Uri: 'arn:aws:sqs:us-east-1:111122223333:q1' }), [D, `${D}/integrations/arn:aws:sqs:us-east-1:111122223333:q1`]);
  assert.deepEqual(arns('CreateIntegrationWorkflow', { DomainName: 'sales' }), [D, `${D}/integrations/*`]);
  for (const op of ['ListDomains', 'ListAccountIntegrations', 'ListProfileObjectTypeTemplates', 'GetProfileObjectTypeTemplate'] as const) {
    assert.deepEqual(arns(op, { TemplateId: 't' }), ['*'], op);
  }
  assert.deepEqual(arns('TagResource', { resourceArn: `${D}/object-types/Order` }), [`${D}/object-types/Order`]);
  assert.equal(authorizationRules.TagResource.requestTags, 'tags');
  assert.equal(authorizationRules.UntagResource.tagKeys, 'tagKeys');
  assert.equal(authorizationRules.UntagResource.requestTags, undefined);
  assert.equal(authorizationRules.CreateDomain.requestTags, 'Tags');
});
