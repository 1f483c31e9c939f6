// The request context holds the global keys of spec §2.3 for each kind of caller, and the tag keys of §7.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextKey } from './iam/request-context.js';
import { requestContext, resourceContext } from './context-keys.js';
import type { PrincipalFacts } from './principal-facts.js';
import type { Principal } from './principal.js';

const origin = { time: new Date('2026-06-01T12:00:00.250Z'), region: 'eu-west-1', secureTransport: false, sourceIp: '203.0.113.7', userAgent: 'aws-cli/2' };
const user: Principal = { accountId: '111122223333', kind: 'user', name: 'alice', arn: 'arn:aws:iam::111122223333:user/alice', accessKeyId: 'AKIA1' };
const userFacts: PrincipalFacts = {
  arn: 'arn:aws:iam::111122223333:user/eng/alice',
  principalArn: 'arn:aws:iam::111122223333:user/eng/alice',
  type: 'User',
  userId: 'AIDAALICE',
  username: 'alice',
  tags: { Team: 'blue' },
  policies: { identity: [] },
  usesResourceTags: false,
};
const get = (context: ReturnType<typeof requestContext>, key: string) => context.get(contextKey(key));

test('an IAM user: every global key of §2.3, principal tags in any case, no token keys', () => {
  const context = requestContext(user, userFacts, origin, undefined, undefined);
  const expected: Record<string, string> = {
    'aws:CurrentTime': '2026-06-01T12:00:00Z',
    'aws:EpochTime': '1780315200',
    'aws:SecureTransport': 'false',
    'aws:SourceIp': '203.0.113.7',
    'aws:RequestedRegion': 'eu-west-1',
    'aws:UserAgent': 'aws-cli/2',
    'aws:PrincipalAccount': '111122223333',
    'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/eng/alice',
    'aws:PrincipalType': 'User',
    'aws:userid': 'AIDAALICE',
    'aws:username': 'alice',
    'aws:principaltag/team': 'blue',
  };
  for (const [key, value] of Object.entries(expected)) assert.equal(get(context, key), value, key);
  assert.equal(get(context, 'aws:TokenIssueTime'), undefined);
  assert.equal(get(context, 'aws:TagKeys'), undefined);
});

test('a role session: the role ARN as aws:PrincipalArn, no aws:username, aws:TokenIssueTime present', () => {
  const session: Principal = { ...user, kind: 'role-session', name: 'Ops/s1', arn: 'arn:aws:sts::111122223333:assumed-role/Ops/s1', issuedAt: new Date('2026-06-01T11:00:00Z') };
  const facts: PrincipalFacts = { ...userFacts, arn: session.arn, principalArn: 'arn:aws:iam::111122223333:role/Ops', type: 'AssumedRole', userId: 'AROAOPS:s1' };
  delete (facts as { username?: string }).username;
  const context = requestContext(session, facts, origin, undefined, undefined);
  assert.equal(get(context, 'aws:PrincipalArn'), 'arn:aws:iam::111122223333:role/Ops');
  assert.equal(get(context, 'aws:username'), undefined);
  assert.equal(get(context, 'aws:TokenIssueTime'), '2026-06-01T11:00:00Z');
  assert.equal(get(context, 'aws:PrincipalType'), 'AssumedRole');
});

test('request tags give aws:RequestTag/* and aws:TagKeys; an empty Tags map is absent; resource tags layer per ARN', () => {
  const tagged = requestContext(user, userFacts, origin, { env: 'dev', Owner: 'x' }, undefined);
  assert.equal(get(tagged, 'aws:RequestTag/ENV'), 'dev');
  assert.deepEqual(get(tagged, 'aws:TagKeys'), ['env', 'Owner']);
  const untag = requestContext(user, userFacts, origin, undefined, ['owner']);
  assert.deepEqual(get(untag, 'aws:TagKeys'), ['owner']);
  assert.equal(get(untag, 'aws:RequestTag/owner'), undefined);
  const empty = requestContext(user, userFacts, origin, {}, undefined);
  assert.equal(get(empty, 'aws:TagKeys'), undefined);
  const resource = resourceContext(tagged, { team: 'red' });
  assert.equal(get(resource, 'aws:ResourceTag/Team'), 'red');
  assert.equal(get(resource, 'aws:username'), 'alice', 'the shared keys stay visible');
  assert.equal(resourceContext(tagged, {}), tagged);
});
