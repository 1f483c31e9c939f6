// Unit tests of policy variables (spec §6): substitution, defaults, ${*}/${?}/${$}, missing values, Version.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, type Decision } from './evaluate.js';
import { parsePolicyDocument } from './policy-document.js';
import { createRequestContext, type ContextEntries } from './request-context.js';

const D = 'arn:aws:profile:us-east-1:111122223333:domains/';
const ALICE = { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'sales' };

function decide(statements: unknown[], resource: string, entries: ContextEntries, version: string | null = '2012-10-17'): Decision {
  // null: no Version element at all.
  const policy = parsePolicyDocument(JSON.stringify({ Version: version ?? undefined, Statement: statements }));
  const request = { principalArn: 'arn:aws:iam::111122223333:user/alice', action: 'profile:GetDomain', resources: [resource], context: createRequestContext(entries) };
  return evaluate(request, { identity: [policy] }).decision;
}

const allowOn = (resource: string | string[]) => ({ Effect: 'Allow', Action: 'profile:*', Resource: resource });
const allowIf = (condition: unknown) => ({ Effect: 'Allow', Action: 'profile:*', Resource: '*', Condition: condition });

test('in Resource: substituted, names in any case, the value literal (V01, V02)', () => {
  assert.equal(decide([allowOn(`${D}\${aws:username}-*`)], `${D}alice-dev`, ALICE), 'Allow');
  assert.equal(decide([allowOn(`${D}\${aws:username}-*`)], `${D}bob-dev`, ALICE), 'ImplicitDeny');
  assert.equal(decide([allowOn(`${D}\${AWS:UserName}`)], `${D}alice`, ALICE), 'Allow');
  assert.equal(decide([allowOn(`${D}\${aws:username}/*`)], `${D}alice/object-types/x`, ALICE), 'Allow');
  assert.equal(decide([allowOn(`${D}\${aws:username}`)], `${D}al`, { 'aws:username': 'a?' }), 'ImplicitDeny', 'a ? in a value is no wildcard');
  assert.equal(decide([allowOn(`${D}\${aws:username}?x`)], `${D}a*ZZx`, { 'aws:username': 'a*' }), 'ImplicitDeny');
  assert.equal(decide([allowOn(`${D}\${aws:username}?x`)], `${D}a*Zx`, { 'aws:username': 'a*' }), 'Allow');
});

test('a default applies when the key is absent (V04); a missing value matches nothing (V03)', () => {
  const shared = allowOn(`${D}\${aws:PrincipalTag/team, 'shared'}`);
  assert.equal(decide([shared], `${D}shared`, {}), 'Allow');
  assert.equal(decide([shared], `${D}sales`, ALICE), 'Allow');
  assert.equal(decide([shared], `${D}shared`, ALICE), 'ImplicitDeny');
  assert.equal(decide([allowOn(`${D}\${aws:username}-*`)], `${D}-dev`, {}), 'ImplicitDeny');
  assert.equal(decide([allowOn([`${D}\${aws:username}`, `${D}public`])], `${D}public`, {}), 'Allow', 'other entries still match');
});

test('in NotResource a missing value excludes nothing (§6)', () => {
  const allowAllBut = { Effect: 'Allow', Action: 'profile:*', NotResource: `${D}\${aws:username}` };
  assert.equal(decide([allowAllBut], `${D}alice`, ALICE), 'ImplicitDeny');
  assert.equal(decide([allowAllBut], `${D}bob`, ALICE), 'Allow');
  assert.equal(decide([allowAllBut], `${D}alice`, {}), 'Allow');
});

test('in conditions: positive false and negated true when the value is missing (V06, V07)', () => {
  const owner = { ...ALICE, 'aws:ResourceTag/owner': 'alice', 'aws:ResourceTag/team': 'sales' };
  assert.equal(decide([allowIf({ StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } })], '*', owner), 'Allow');
  assert.equal(decide([allowIf({ StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } })], '*', owner), 'Allow');
  assert.equal(decide([allowIf({ StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } })], '*', { 'aws:ResourceTag/team': 'x' }), 'ImplicitDeny');
  assert.equal(decide([allowIf({ StringNotEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } })], '*', { 'aws:ResourceTag/team': 'x' }), 'Allow');
  assert.equal(decide([allowIf({ StringEqualsIgnoreCase: { 'aws:ResourceTag/owner': '${aws:username}' } })], '*', { 'aws:username': 'ALICE', 'aws:ResourceTag/owner': 'alice' }), 'Allow');
  assert.equal(decide([allowIf({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::${aws:PrincipalAccount}:user/*' } })], '*', { 'aws:PrincipalAccount': '111122223333', 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' }), 'Allow');
  assert.equal(decide([allowIf({ StringLike: { 'aws:ResourceTag/owner': '${aws:username}*' } })], '*', { 'aws:username': 'al', 'aws:ResourceTag/owner': 'alice' }), 'Allow');
});

test('${*}, ${?} and ${$} are literal characters (V08)', () => {
  const tag = (v: string) => ({ 'aws:PrincipalTag/team': v });
  assert.equal(decide([allowIf({ StringLike: { 'aws:PrincipalTag/team': 'a${*}' } })], '*', tag('abc')), 'ImplicitDeny');
  assert.equal(decide([allowIf({ StringLike: { 'aws:PrincipalTag/team': 'a${*}' } })], '*', tag('a*')), 'Allow');
  assert.equal(decide([allowIf({ StringLike: { 'aws:PrincipalTag/team': 'a${?}*' } })], '*', tag('a?bc')), 'Allow');
  assert.equal(decide([allowIf({ StringEquals: { 'aws:PrincipalTag/team': '${$}{x}' } })], '*', tag('${x}')), 'Allow');
});

test('a multivalued key is no variable: it counts as missing unless a default is given', () => {
  const keys = { 'aws:TagKeys': ['env'], 'aws:PrincipalTag/team': 'dflt' };
  assert.equal(decide([allowIf({ StringEquals: { 'aws:PrincipalTag/team': '${aws:TagKeys}' } })], '*', keys), 'ImplicitDeny');
  assert.equal(decide([allowIf({ StringEquals: { 'aws:PrincipalTag/team': "${aws:TagKeys, 'dflt'}" } })], '*', keys), 'Allow');
});

test('without Version 2012-10-17, ${…} is plain text (V05)', () => {
  assert.equal(decide([allowOn(`${D}\${aws:username}`)], `${D}alice`, ALICE, null), 'ImplicitDeny');
  assert.equal(decide([allowOn(`${D}\${aws:username}`)], `${D}\${aws:username}`, ALICE, '2008-10-17'), 'Allow');
  assert.equal(decide([allowIf({ StringEquals: { 'aws:username': '${aws:username}' } })], '*', ALICE, '2008-10-17'), 'ImplicitDeny');
});
