// The generated validators enforce each constraint kind of the model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inputValidators } from './validators.js';

const check = (shape: string, value: unknown) => inputValidators[shape]!(value);
const rules = (shape: string, value: unknown) => check(shape, value).map((v) => `${v.path}:${v.rule}`);

test('a valid input has no violations', () => {
  assert.deepEqual(check('CreateDomainRequest', { DomainName: 'ok_name-1', DefaultExpirationDays: 1098, Tags: { team: 'blue' } }), []);
});

test('required, type, length, range, pattern, enum, union', () => {
  assert.deepEqual(rules('CreateDomainRequest', { DomainName: 'd' }), ['DefaultExpirationDays:required']);
  assert.deepEqual(rules('CreateDomainRequest', { DomainName: 'd', DefaultExpirationDays: '5' }), ['DefaultExpirationDays:type']);
  assert.deepEqual(rules('CreateDomainRequest', { DomainName: 'd', DefaultExpirationDays: 1.5 }), ['DefaultExpirationDays:type']);
  assert.deepEqual(rules('CreateDomainRequest', { DomainName: '', DefaultExpirationDays: 1 }), ['DomainName:minLength', 'DomainName:pattern']);
  assert.deepEqual(rules('CreateDomainRequest', { DomainName: 'd', DefaultExpirationDays: 1099 }), ['DefaultExpirationDays:max']);
  assert.deepEqual(rules('CreateDomainRequest', { DomainName: 'a/b', DefaultExpirationDays: 1 }), ['DomainName:pattern']);
  assert.deepEqual(rules('CreateProfileRequest', { DomainName: 'd', Gender: 'OTHER' }), ['Gender:enum']);
  assert.deepEqual(rules('CreateProfileRequest', { DomainName: 'd', FirstName: '' }), ['FirstName:minLength']);
  assert.deepEqual(rules('UpdateProfileRequest', { DomainName: 'd', ProfileId: 'a'.repeat(32), FirstName: '' }), []);
});

test('nested paths name list items and map keys', () => {
  const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
  assert.deepEqual(rules('TagResourceRequest', { resourceArn: 'arn:aws:profile:x', tags }), ['tags:maxLength']);
  assert.deepEqual(rules('TagResourceRequest', { resourceArn: 'arn:aws:profile:x', tags: { 'aws:no': 'v' } }), ['tags.key:pattern']);
  assert.deepEqual(rules('UntagResourceRequest', { resourceArn: 'arn:aws:profile:x', tagKeys: ['ok', 'aws:no'] }), ['tagKeys[1]:pattern']);
  assert.deepEqual(rules('AddProfileKeyRequest', { DomainName: 'd', ProfileId: 'A'.repeat(32), KeyName: 'k', Values: ['x'.repeat(256)] }), [
    'ProfileId:pattern',
    'Values[0]:maxLength',
  ]);
});

test('string length counts code points, not UTF-16 units', () => {
  assert.deepEqual(rules('CreateDomainRequest', { DomainName: 'd', DefaultExpirationDays: 1, DefaultEncryptionKey: '😀'.repeat(255) }), []);
  assert.deepEqual(rules('CreateDomainRequest', { DomainName: 'd', DefaultExpirationDays: 1, DefaultEncryptionKey: '😀'.repeat(256) }), [
    'DefaultEncryptionKey:maxLength',
  ]);
});

test('the patched TagArn pattern accepts real ARNs', () => {
  assert.deepEqual(rules('ListTagsForResourceRequest', { resourceArn: 'arn:aws:profile:us-east-1:123456789012:domains/d' }), []);
  assert.deepEqual(rules('ListTagsForResourceRequest', { resourceArn: 'arn:aws:s3:::b' }), ['resourceArn:pattern']);
});
