import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainArn, integrationArn, objectTypeArn, parseResourceArn } from './arn.js';

const scope = { accountId: '123456789012', region: 'eu-west-1' };

test('ARNs round-trip through the parser', () => {
  assert.deepEqual(parseResourceArn(domainArn(scope, 'd1')), { kind: 'domain', region: 'eu-west-1', accountId: '123456789012', domainName: 'd1' });
  assert.deepEqual(parseResourceArn(objectTypeArn(scope, 'd1', 'Order_2')), {
    kind: 'object-type', region: 'eu-west-1', accountId: '123456789012', domainName: 'd1', objectTypeName: 'Order_2',
  });
  const uri = 'arn:aws:connect:eu-west-1:123456789012:instance/abc';
  assert.deepEqual(parseResourceArn(integrationArn(scope, 'd1', uri)), { kind: 'integration', region: 'eu-west-1', accountId: '123456789012', domainName: 'd1', uri });
});

test('what is not a taggable ARN of the service parses to undefined', () => {
  for (const arn of ['arn:aws:s3:::bucket', 'arn:aws:profile:us-east-1:123:domains/d', 'arn:aws:profile:us-east-1:123456789012:widgets/x', 'arn:aws:profile:us-east-1:123456789012:domains/d/other/x']) {
    assert.equal(parseResourceArn(arn), undefined, arn);
  }
});
