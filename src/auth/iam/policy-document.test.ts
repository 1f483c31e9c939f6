// Unit tests of policy validation: every refusal of spec §10 names its problem; valid shapes are accepted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MalformedPolicyDocumentError, parsePolicyDocument } from './policy-document.js';

const OK_STATEMENT = { Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*' };

function doc(statement: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statement, ...extra });
}

function refuses(text: string, message: RegExp): void {
  assert.throws(
    () => parsePolicyDocument(text),
    (e: unknown) => e instanceof MalformedPolicyDocumentError && e.code === 'MalformedPolicyDocument' && message.test(e.message),
  );
}

test('accepts Statement as an object or an array, string or list elements, both versions or none', () => {
  const one = parsePolicyDocument(doc(OK_STATEMENT));
  assert.equal(one.statements.length, 1);
  assert.equal(one.version, '2012-10-17');
  const many = parsePolicyDocument(
    JSON.stringify({ Version: '2008-10-17', Id: 'p1', Statement: [OK_STATEMENT, { Sid: 'Two', Effect: 'Deny', NotAction: ['profile:Delete*'], NotResource: ['arn:aws:profile:*:*:domains/x'] }] }),
  );
  assert.equal(many.version, '2008-10-17');
  assert.equal(many.id, 'p1');
  assert.deepEqual(many.statements.map((s) => [s.effect, s.sid, s.actions.negated, s.resources.negated]), [
    ['Allow', undefined, false, false],
    ['Deny', 'Two', true, true],
  ]);
  assert.equal(parsePolicyDocument(JSON.stringify({ Statement: OK_STATEMENT })).version, undefined);
});

test('bad JSON, non-object documents and duplicate keys are syntax errors', () => {
  refuses('{"Version": "2012-10-17", "Statement": [', /^Syntax errors in policy/);
  refuses('[]', /must be a JSON object/);
  refuses('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}}', /"Effect" appears twice/);
  refuses(
    '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:username":"a","aws:username":"b"}}}}',
    /"aws:username" appears twice/,
  );
});

test('Version other than 2012-10-17 / 2008-10-17 is refused', () => {
  refuses(doc(OK_STATEMENT, { Version: '2012-10-18' }), /Version must be "2012-10-17" or "2008-10-17"/);
  refuses(doc(OK_STATEMENT, { Version: 2012 }), /Version must be/);
});

test('unknown top-level or statement elements are refused', () => {
  refuses(doc(OK_STATEMENT, { Statements: [] }), /unknown element Statements/);
  refuses(doc({ ...OK_STATEMENT, Actions: 'x:y' }), /Statement\[0\] has unknown element Actions/);
  refuses(JSON.stringify({ Version: '2012-10-17' }), /Missing required field Statement/);
  refuses(doc([]), /at least one statement/);
  refuses(doc(['x']), /Statement\[0\] must be an object/);
});

test('Effect must be present and exactly Allow or Deny', () => {
  refuses(doc({ Action: '*', Resource: '*' }), /Missing required field Effect in Statement\[0\]/);
  refuses(doc([OK_STATEMENT, { Effect: 'allow', Action: '*', Resource: '*' }]), /Invalid effect in Statement\[1\]: "allow"/);
});

test('exactly one of Action/NotAction and of Resource/NotResource, never empty', () => {
  refuses(doc({ ...OK_STATEMENT, NotAction: 'profile:Delete*' }), /cannot have both Action and NotAction/);
  refuses(doc({ ...OK_STATEMENT, NotResource: '*' }), /cannot have both Resource and NotResource/);
  refuses(doc({ Effect: 'Allow', Resource: '*' }), /must contain actions/);
  refuses(doc({ Effect: 'Allow', Action: '*' }), /must contain resources/);
  refuses(doc({ ...OK_STATEMENT, Action: [] }), /Action must not be empty/);
  refuses(doc({ ...OK_STATEMENT, Resource: [42] }), /Resource entries must be non-empty strings/);
});

test('Principal and NotPrincipal are refused in identity policies (§4)', () => {
  refuses(doc({ ...OK_STATEMENT, Principal: '*' }), /should not specify a principal/);
  refuses(doc({ ...OK_STATEMENT, NotPrincipal: { AWS: '111122223333' } }), /should not specify a principal/);
});

test('actions are service:name or *, wildcards only in the name', () => {
  refuses(doc({ ...OK_STATEMENT, Action: 'GetDomain' }), /action "GetDomain" must be "service:Action"/);
  refuses(doc({ ...OK_STATEMENT, Action: 'prof*:GetDomain' }), /must be "service:Action"/);
  refuses(doc({ ...OK_STATEMENT, Action: 'profile:${aws:username}' }), /must be "service:Action"/);
  assert.doesNotThrow(() => parsePolicyDocument(doc({ ...OK_STATEMENT, Action: ['*', 'profile:*', 'profile:?et*', 'iam:CreateUser'] })));
});

test('resources are * or ARNs; no wildcard in the service; variables only in the resource part (§4.2, §10)', () => {
  refuses(doc({ ...OK_STATEMENT, Resource: 'domains/sales' }), /must be in ARN format or "\*"/);
  refuses(doc({ ...OK_STATEMENT, Resource: 'arn:aws:profile:us-east-1' }), /must be in ARN format/);
  refuses(doc({ ...OK_STATEMENT, Resource: 'arn:aws:*:us-east-1:111122223333:domains/x' }), /service without wildcards/);
  refuses(doc({ ...OK_STATEMENT, Resource: 'arn:aws:profile:${aws:RequestedRegion}:111122223333:domains/x' }), /only in the resource part/);
  refuses(doc({ ...OK_STATEMENT, Resource: 'arn:aws:profile:us-east-1:111122223333:domains/${aws:username' }), /Unterminated policy variable/);
  assert.doesNotThrow(() =>
    parsePolicyDocument(doc({ ...OK_STATEMENT, Resource: ['arn:*:profile:*:*:domains/${aws:username}/*', 'arn:aws:s3:::bucket'] })),
  );
  // Without Version 2012-10-17, ${…} is plain text and may sit anywhere (§6).
  assert.doesNotThrow(() =>
    parsePolicyDocument(JSON.stringify({ Statement: { ...OK_STATEMENT, Resource: 'arn:aws:profile:${x}:1:domains/a' } })),
  );
});

test('unknown operators and qualifiers, IfExists or qualifiers on Null are refused', () => {
  const withCondition = (condition: unknown) => doc({ ...OK_STATEMENT, Condition: condition });
  refuses(withCondition({ StringEqualz: { 'aws:username': 'a' } }), /Invalid Condition type : StringEqualz/);
  refuses(withCondition({ 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } }), /unknown set qualifier "ForSomeValues"/);
  refuses(withCondition({ NullIfExists: { 'aws:TagKeys': 'true' } }), /Null takes neither IfExists/);
  refuses(withCondition({ 'ForAllValues:Null': { 'aws:TagKeys': 'true' } }), /Null takes neither/);
  refuses(withCondition({ Null: { 'aws:TagKeys': 'yes' } }), /Null takes only true or false/);
  refuses(withCondition({ IfExists: { 'aws:TagKeys': 'a' } }), /Invalid Condition type : IfExists/);
  assert.doesNotThrow(() => parsePolicyDocument(withCondition({ 'forallvalues:stringequalsifexists': { 'aws:TagKeys': 'a' } })));
});

test('condition blocks: shape, values, duplicates in any spelling, variables in keys or non-string operators', () => {
  const withCondition = (condition: unknown, version = '2012-10-17') =>
    JSON.stringify({ Version: version, Statement: { ...OK_STATEMENT, Condition: condition } });
  refuses(withCondition([]), /Condition must be an object/);
  refuses(withCondition({ StringEquals: 'x' }), /must be an object of condition keys/);
  refuses(withCondition({ StringEquals: {} }), /names no condition key/);
  refuses(withCondition({ StringEquals: { 'aws:username': [] } }), /has no values/);
  refuses(withCondition({ StringEquals: { 'aws:username': { a: 1 } } }), /must be a string, number, boolean/);
  refuses(withCondition({ StringEquals: { 'aws:username': 'a' }, stringequals: { 'aws:userid': 'b' } }), /operator stringequals more than once/);
  refuses(withCondition({ StringEquals: { 'aws:username': 'a', 'AWS:UserName': 'b' } }), /key AWS:UserName more than once/);
  refuses(withCondition({ StringEquals: { 'aws:ResourceTag/${aws:username}': 'a' } }), /not allowed in condition keys/);
  refuses(withCondition({ NumericLessThan: { 'aws:EpochTime': '${aws:username}' } }), /not allowed in NumericLessThan/);
  refuses(withCondition({ IpAddress: { 'aws:SourceIp': '${aws:username}' } }), /not allowed in IpAddress/);
  assert.doesNotThrow(() => parsePolicyDocument(withCondition({ NumericLessThan: { 'aws:EpochTime': '${x}' } }, '2008-10-17')));
  assert.doesNotThrow(() => parsePolicyDocument(withCondition({ NumericEquals: { k: 3 }, Bool: { b: true } })));
});

test('Sid: letters and digits only, unique within the policy', () => {
  refuses(doc({ ...OK_STATEMENT, Sid: 'has space' }), /Sid must contain only letters and digits/);
  refuses(doc([{ ...OK_STATEMENT, Sid: 'A' }, { ...OK_STATEMENT, Sid: 'A' }]), /must be unique: A/);
});

test('duplicate keys are found after unescaping, and only among keys of the same object', () => {
  refuses('{"Statement":{"Effect":"Allow","\\u0045ffect":"Deny","Action":"*","Resource":"*"}}', /"Effect" appears twice/);
  assert.doesNotThrow(() =>
    parsePolicyDocument('{"Statement":[{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"B","Effect":"Allow","Action":"*","Resource":"*"}]}'),
  );
  assert.doesNotThrow(() => parsePolicyDocument('{"Statement":{"Effect":"Allow","Action":["iam:Effect","iam:Effect"],"Resource":"*"}}'), 'repeated values are not keys');
  assert.doesNotThrow(() => parsePolicyDocument('{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":["a\\"","a\\""]}}}}'));
});

test('statementsFor: statements admitting an action, split by effect, NotAction included, memoised', () => {
  const policy = parsePolicyDocument(
    JSON.stringify({
      Statement: [
        { Effect: 'Allow', Action: 'profile:Get*', Resource: '*' },
        { Effect: 'Deny', NotAction: 'profile:Get*', Resource: '*' },
        { Effect: 'Deny', Action: ['iam:*', 'profile:GetDomain'], Resource: '*' },
      ],
    }),
  );
  const get = policy.statementsFor('profile:getdomain');
  assert.deepEqual([get.Allow.map((s) => s.index), get.Deny.map((s) => s.index)], [[0], [2]]);
  const del = policy.statementsFor('profile:deletedomain');
  assert.deepEqual([del.Allow.map((s) => s.index), del.Deny.map((s) => s.index)], [[], [1]]);
  assert.equal(policy.statementsFor('profile:getdomain'), get);
});
