// Unit tests of every operator family of spec §5.3 with the missing-key, IfExists and set rules of §5.4/§5.5.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from './evaluate.js';
import { parsePolicyDocument } from './policy-document.js';
import { createRequestContext, type ContextEntries } from './request-context.js';

/** Whether an Allow statement with this Condition applies to a request with these context keys. */
function holds(condition: Record<string, unknown>, entries: ContextEntries = {}, version = '2012-10-17'): boolean {
  const policy = parsePolicyDocument(JSON.stringify({ Version: version, Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: condition } }));
  const request = { principalArn: 'arn:aws:iam::111122223333:user/alice', action: 'profile:GetDomain', resources: ['*'], context: createRequestContext(entries) };
  return evaluate(request, { identity: [policy] }).decision === 'Allow';
}

test('String: Equals is exact and literal, IgnoreCase folds, Like globs across : and /', () => {
  const user = { 'aws:username': 'alice' };
  assert.equal(holds({ StringEquals: { 'aws:username': 'alice' } }, user), true);
  assert.equal(holds({ StringEquals: { 'aws:username': 'Alice' } }, user), false);
  assert.equal(holds({ StringEquals: { 'aws:username': 'ali*' } }, user), false);
  assert.equal(holds({ StringEquals: { 'aws:username': 'ali*' } }, { 'aws:username': 'ali*' }), true);
  assert.equal(holds({ StringEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, user), true);
  assert.equal(holds({ StringNotEqualsIgnoreCase: { 'aws:username': 'ALICE' } }, user), false);
  assert.equal(holds({ StringLike: { 'aws:username': 'a?i*' } }, user), true);
  assert.equal(holds({ StringLike: { 'aws:username': 'A*' } }, user), false);
  assert.equal(holds({ StringLike: { k: 'arn:*/x' } }, { k: 'arn:aws:iam::1:user/a/x' }), true);
  assert.equal(holds({ StringNotLike: { 'aws:username': 'b*' } }, user), true);
});

test('several values: positive operators OR them, negated operators NOR them (§5.1)', () => {
  const team = { 'aws:PrincipalTag/team': 'support' };
  assert.equal(holds({ StringEquals: { 'aws:PrincipalTag/team': ['sales', 'support'] } }, team), true);
  assert.equal(holds({ StringNotEquals: { 'aws:PrincipalTag/team': ['sales', 'support'] } }, team), false);
  assert.equal(holds({ StringNotEquals: { 'aws:PrincipalTag/team': ['sales', 'hr'] } }, team), true);
  assert.equal(holds({ StringEquals: { 'aws:PrincipalTag/team': 'support', 'aws:username': 'x' } }, team), false, 'keys AND');
});

test('key names ignore case, the tag part included (§5.2)', () => {
  assert.equal(holds({ StringEquals: { 'AWS:PRINCIPALTAG/TEAM': 'sales' } }, { 'aws:PrincipalTag/team': 'sales' }), true);
  assert.equal(holds({ StringEquals: { 'aws:resourcetag/owner': 'a' } }, { 'aws:ResourceTag/Owner': 'a' }), true);
});

test('Numeric: by value, integers and decimals; unparseable values never match', () => {
  assert.equal(holds({ NumericEquals: { n: '3600.0' } }, { n: '3600' }), true);
  assert.equal(holds({ NumericEquals: { n: 3600 } }, { n: '3600.00' }), true);
  assert.equal(holds({ NumericNotEquals: { n: '1' } }, { n: '2' }), true);
  assert.equal(holds({ NumericLessThan: { n: '10000000000' } }, { n: '1780315200' }), true, 'not a string compare');
  assert.equal(holds({ NumericLessThan: { n: '5' } }, { n: '5' }), false);
  assert.equal(holds({ NumericLessThanEquals: { n: '5' } }, { n: '5' }), true);
  assert.equal(holds({ NumericGreaterThan: { n: '-1.5' } }, { n: '-1' }), true);
  assert.equal(holds({ NumericGreaterThanEquals: { n: '.5' } }, { n: '0.5' }), true);
  assert.equal(holds({ NumericEquals: { n: 'abc' } }, { n: 'abc' }), false);
  assert.equal(holds({ NumericEquals: { n: '1' } }, { n: '1e0' }), false);
  assert.equal(holds({ NumericNotEquals: { n: '1' } }, { n: 'x' }), true, 'a value that never matches makes the negated operator true');
});

test('Date: instants from ISO 8601 or epoch seconds, compared on both sides (§5.3)', () => {
  const now = { 'aws:CurrentTime': '2026-06-01T12:00:00Z', 'aws:EpochTime': '1780315200' };
  assert.equal(holds({ DateEquals: { 'aws:CurrentTime': '1780315200' } }, now), true);
  assert.equal(holds({ DateEquals: { 'aws:EpochTime': '2026-06-01T14:00:00+02:00' } }, now), true);
  assert.equal(holds({ DateNotEquals: { 'aws:CurrentTime': '2026-06-01' } }, now), true);
  assert.equal(holds({ DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }, now), false);
  assert.equal(holds({ DateLessThanEquals: { 'aws:CurrentTime': '2026-06-01T12:00:00.000Z' } }, now), true);
  assert.equal(holds({ DateGreaterThan: { 'aws:CurrentTime': '1767225600' } }, now), true);
  assert.equal(holds({ DateGreaterThan: { 'aws:CurrentTime': '1893456000' } }, now), false);
  assert.equal(holds({ DateGreaterThanEquals: { 'aws:CurrentTime': '2026-01' } }, now), true);
  assert.equal(holds({ DateLessThan: { 'aws:CurrentTime': 'tomorrow' } }, now), false);
});

test('Bool: true/false in any case; plain Bool on a missing key is false, BoolIfExists true (M06, M07)', () => {
  assert.equal(holds({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'false' }), true);
  assert.equal(holds({ Bool: { 'aws:SecureTransport': 'TRUE' } }, { 'aws:SecureTransport': 'true' }), true);
  assert.equal(holds({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'True' }), true);
  assert.equal(holds({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }), false);
  assert.equal(holds({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }), true);
  assert.equal(holds({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, { 'aws:MultiFactorAuthPresent': 'true' }), false);
});

test('BinaryEquals compares the bytes of base64 values', () => {
  assert.equal(holds({ BinaryEquals: { b: 'QmluYXJ5' } }, { b: 'QmluYXJ5' }), true);
  assert.equal(holds({ BinaryEquals: { b: 'QmluYXJ5' } }, { b: 'QmluYXJ6' }), false);
  assert.equal(holds({ BinaryEquals: { b: 'not base64!' } }, { b: 'not base64!' }), false);
});

test('IpAddress / NotIpAddress: IPv4 and IPv6 CIDRs, bare address = one host (T02–T04)', () => {
  const ip = (a: string) => ({ 'aws:SourceIp': a });
  assert.equal(holds({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }, ip('2001:db8:1::5')), true);
  assert.equal(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, ip('203.0.113.7')), true);
  assert.equal(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.0' } }, ip('203.0.113.7')), false);
  assert.equal(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.7' } }, ip('::ffff:203.0.113.7')), true, 'IPv4-mapped client');
  assert.equal(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, ip('203.0.113.7')), true);
  assert.equal(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, ip('10.1.2.3')), false);
  assert.equal(holds({ IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } }, ip('10.0.0.1')), false, 'bad CIDR never matches');
});

test('Arn*: fields one by one, wildcards stay inside a field, the resource part is whole; Equals ≡ Like (T07, T08)', () => {
  const arn = { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' };
  assert.equal(holds({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/*' } }, arn), true);
  assert.equal(holds({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } }, arn), false);
  assert.equal(holds({ ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/*' } }, arn), true);
  assert.equal(holds({ ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' } }, arn), false);
  assert.equal(holds({ ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } }, arn), true);
  assert.equal(holds({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alic?' } }, arn), true);
});

test('missing keys (§5.4): positive false, negated true, IfExists true; present keys ignore IfExists', () => {
  assert.equal(holds({ StringEquals: { 'aws:PrincipalTag/team': 'sales' } }), false);
  assert.equal(holds({ StringNotEquals: { 'aws:PrincipalTag/team': 'sales' } }), true);
  assert.equal(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), true);
  assert.equal(holds({ ArnNotLike: { 'aws:PrincipalArn': 'arn:*' } }), true);
  assert.equal(holds({ NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' } }), false);
  assert.equal(holds({ StringEqualsIfExists: { 'aws:PrincipalTag/team': 'sales' } }), true);
  assert.equal(holds({ StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'sales' } }), true);
  assert.equal(holds({ StringEqualsIfExists: { 'aws:PrincipalTag/team': 'sales' } }, { 'aws:PrincipalTag/team': 'hr' }), false);
});

test('Null: true for an absent or empty key, false for a present one (M08, S09, S12)', () => {
  assert.equal(holds({ Null: { 'aws:TokenIssueTime': 'true' } }), true);
  assert.equal(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-06-01T11:00:00Z' }), false);
  assert.equal(holds({ Null: { 'aws:TokenIssueTime': false } }, { 'aws:TokenIssueTime': '2026-06-01T11:00:00Z' }), true);
  assert.equal(holds({ Null: { 'aws:TagKeys': 'false' } }, { 'aws:TagKeys': [] }), false);
  assert.equal(holds({ Null: { 'aws:TagKeys': 'TRUE' } }, { 'aws:TagKeys': [] }), true);
  assert.equal(holds({ Null: { k: 'true' } }, { k: '' }), true);
});

test('ForAllValues / ForAnyValue (§5.5), including absent keys and empty lists', () => {
  const keys = (...k: string[]) => ({ 'aws:TagKeys': k });
  const all = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } };
  const any = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['owner', 'cost-center'] } };
  assert.equal(holds(all, keys('env')), true);
  assert.equal(holds(all, keys('env', 'owner')), false);
  assert.equal(holds(all), true, 'absent: vacuously true');
  assert.equal(holds(all, keys()), true, 'empty: vacuously true');
  assert.equal(holds(any, keys('tmp', 'owner')), true);
  assert.equal(holds(any, keys('tmp')), false);
  assert.equal(holds(any), false);
  assert.equal(holds(any, keys()), false);
  const notLike = { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } };
  assert.equal(holds(notLike, keys('key2:audit')), true);
  assert.equal(holds(notLike, keys('key2', 'key1:hr')), false);
  assert.equal(holds({ 'ForAnyValue:StringNotLike': { 'aws:TagKeys': 'key1*' } }, keys('key2', 'key1:hr')), true);
  assert.equal(holds({ 'ForAllValues:StringEquals': { 'aws:RequestTag/env': 'prod' } }, { 'aws:RequestTag/env': 'dev' }), false, 'single value = one-element set');
  assert.equal(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'x' } }), true, 'IfExists on a missing key');
});

test('a plain operator on a multivalued key never matches (§5.5 [unverified], S11)', () => {
  assert.equal(holds({ StringEquals: { 'aws:TagKeys': 'env' } }, { 'aws:TagKeys': ['env'] }), false);
  assert.equal(holds({ StringNotEquals: { 'aws:TagKeys': 'x' } }, { 'aws:TagKeys': ['env'] }), false);
});
