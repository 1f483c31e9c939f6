// Unit tests of the request context: case-insensitive names, case-only duplicates, layering, empty lists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextKey, createRequestContext } from './request-context.js';

test('names are found in any case; values keep theirs', () => {
  const context = createRequestContext({ 'aws:PrincipalTag/Team': 'Sales' });
  assert.equal(context.get(contextKey('AWS:principaltag/TEAM')), 'Sales');
  assert.equal(context.get(contextKey('aws:PrincipalTag/other')), undefined);
});

test('keys differing only by case: the exact spelling wins, else the first in sorted order (§7 [decide])', () => {
  const context = createRequestContext({ 'aws:ResourceTag/owner': 'b', 'aws:ResourceTag/Owner': 'a' });
  assert.equal(context.get(contextKey('aws:ResourceTag/owner')), 'b');
  assert.equal(context.get(contextKey('aws:ResourceTag/Owner')), 'a');
  assert.equal(context.get(contextKey('aws:ResourceTag/OWNER')), 'a', "'Owner' sorts before 'owner'");
});

test('an empty list counts as absent; lists are copied', () => {
  const keys = ['env'];
  const context = createRequestContext({ 'aws:TagKeys': keys, 'aws:Empty': [] });
  keys.push('later');
  assert.deepEqual(context.get(contextKey('aws:tagkeys')), ['env']);
  assert.equal(context.get(contextKey('aws:Empty')), undefined);
});

test('a layered context adds per-resource keys over a shared one', () => {
  const shared = createRequestContext({ 'aws:username': 'alice', 'aws:ResourceTag/team': 'shared' });
  const perResource = createRequestContext({ 'aws:ResourceTag/team': 'blue' }, shared);
  assert.equal(perResource.get(contextKey('aws:username')), 'alice');
  assert.equal(perResource.get(contextKey('aws:resourcetag/team')), 'blue');
  assert.equal(shared.get(contextKey('aws:resourcetag/team')), 'shared');
});
