// The policy cache compiles a text once, and tells which policies test resource tags (so others skip reading them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionsResourceTags, PolicyCache } from './policy-cache.js';

const policy = (condition: unknown, resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'profile:*', Resource: resource, ...(condition ? { Condition: condition } : {}) }] });

test('a policy mentions resource tags in a condition key, in any case or JSON escape, or in a variable', () => {
  assert.equal(mentionsResourceTags(policy(undefined)), false);
  assert.equal(mentionsResourceTags(policy({ StringEquals: { 'aws:PrincipalTag/team': 'x' } })), false);
  assert.equal(mentionsResourceTags(policy({ StringEquals: { 'AWS:RESOURCETAG/team': 'x' } })), true);
  assert.equal(mentionsResourceTags(policy({ StringEquals: { 'aws:PrincipalTag/team': '${aws:ResourceTag/team}' } })), true);
  assert.equal(mentionsResourceTags(policy(undefined).replace('"Action"', '"Condition":{"StringEquals":{"aws:Resource\\u0054ag/team":"x"}},"Action"')), true);
});

test('compiles each text once', () => {
  const cache = new PolicyCache(2);
  const text = policy(undefined);
  assert.equal(cache.compile(text), cache.compile(text));
  assert.equal(cache.usesResourceTags(text), false);
  cache.compile(policy(undefined, 'arn:aws:profile:*:*:domains/a'));
  cache.compile(policy(undefined, 'arn:aws:profile:*:*:domains/b'));
  assert.notEqual(cache.compile(text), undefined, 'an evicted text compiles again');
});
