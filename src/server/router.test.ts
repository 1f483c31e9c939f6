import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operations } from '../generated/operations.js';
import { Router } from './router.js';

const router = new Router(Object.values(operations));
const route = (method: string, path: string) => router.match(method, path);

test('every operation of the model is reachable at its own method and path', () => {
  for (const operation of Object.values(operations)) {
    const path = operation.uri.split('?')[0]!.replace(/\{(\w+)\}/g, (_, name: string) => `sample-${name}`);
    assert.equal(route(operation.method, path)?.operation.name, operation.name, `${operation.method} ${path}`);
  }
});

test('literal segments beat labels', () => {
  assert.equal(route('POST', '/domains/d/identity-resolution-jobs/auto-merging-preview')?.operation.name, 'GetAutoMergingPreview');
  assert.equal(route('GET', '/domains/d/identity-resolution-jobs/job1')?.operation.name, 'GetIdentityResolutionJob');
  assert.equal(route('POST', '/domains/d/workflows/integrations')?.operation.name, 'CreateIntegrationWorkflow');
  assert.equal(route('GET', '/domains/d/workflows/wf1')?.operation.name, 'GetWorkflow');
  assert.equal(route('POST', '/domains/d/profiles/objects/merge')?.operation.name, 'MergeProfiles');
  assert.equal(route('POST', '/domains/d/profiles/search')?.operation.name, 'SearchProfiles');
});

test('one path, several methods', () => {
  assert.equal(route('GET', '/domains/d/integrations')?.operation.name, 'ListIntegrations');
  assert.equal(route('POST', '/domains/d/integrations')?.operation.name, 'GetIntegration');
  assert.equal(route('PUT', '/domains/d/integrations')?.operation.name, 'PutIntegration');
  assert.equal(route('POST', '/domains/d/profiles/objects')?.operation.name, 'ListProfileObjects');
  assert.equal(route('PUT', '/domains/d/profiles/objects')?.operation.name, 'PutProfileObject');
});

test('a label that is itself a literal elsewhere falls back to the label when the literal route has no such method', () => {
  const match = route('GET', '/domains/d/identity-resolution-jobs/auto-merging-preview');
  assert.equal(match?.operation.name, 'GetIdentityResolutionJob');
  assert.equal(match?.labels['JobId'], 'auto-merging-preview');
});

test('an encoded ARN is one label, decoded after matching', () => {
  const match = route('GET', '/tags/arn%3Aaws%3Aprofile%3Aus-east-1%3A123456789012%3Adomains%2Fd1');
  assert.equal(match?.operation.name, 'ListTagsForResource');
  assert.equal(match?.labels['resourceArn'], 'arn:aws:profile:us-east-1:123456789012:domains/d1');
});

test('labels are percent-decoded; malformed encoding is a BadRequestException', () => {
  assert.equal(route('GET', '/domains/a%20b')?.labels['DomainName'], 'a b');
  assert.throws(() => route('GET', '/domains/%E0%A4%A'), { name: 'BadRequestException' });
});

test('unknown paths and wrong methods match nothing', () => {
  assert.equal(route('GET', '/nothing'), undefined);
  assert.equal(route('PATCH', '/domains/d'), undefined);
  assert.equal(route('GET', '/domains/d/extra/segments/here/x'), undefined);
});
