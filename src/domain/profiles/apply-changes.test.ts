import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyChanges } from './apply-changes.js';

test('every value written gets the write\'s source; cleared values lose theirs; untouched ones keep theirs', () => {
  const current = {
    fields: { firstName: 'A', lastName: 'B', address: { city: 'C', state: 'S' }, attributes: { x: '1', y: '2' } },
    sources: { firstName: 'crm', lastName: 'crm', 'address.city': 'crm', 'address.state': 'crm', 'attributes.x': 'crm', 'attributes.y': 'crm' },
  };
  const result = applyChanges(current, { firstName: 'Z', lastName: null, address: { city: null, country: 'US' }, attributes: { x: null, z: '3' } }, 'manual');
  assert.deepEqual(result.fields, { firstName: 'Z', address: { state: 'S', country: 'US' }, attributes: { y: '2', z: '3' } });
  assert.deepEqual(result.sources, {
    firstName: 'manual',
    'address.state': 'crm',
    'address.country': 'manual',
    'attributes.y': 'crm',
    'attributes.z': 'manual',
  });
});

test('engagement-preference lists are replaced when sent and removed when sent empty', () => {
  const phone = [{ keyName: '_phone', keyValue: '+1' }];
  const email = [{ profileId: 'p', contactType: 'EmailAddress' }];
  const start = applyChanges({ fields: {}, sources: {} }, { engagementPreferences: { phone, email } }, 'manual');
  assert.deepEqual(start.sources, { 'engagementPreferences.phone': 'manual', 'engagementPreferences.email': 'manual' });
  const next = applyChanges(start, { engagementPreferences: { email: [] } }, 'manual');
  assert.deepEqual(next.fields, { engagementPreferences: { phone } });
  assert.deepEqual(next.sources, { 'engagementPreferences.phone': 'manual' });
});

test('an attribute named __proto__ is an ordinary attribute', () => {
  const result = applyChanges({ fields: {}, sources: {} }, { attributes: JSON.parse('{"__proto__":"v"}') as Record<string, string> }, 'manual');
  assert.deepEqual(Object.entries(result.fields.attributes ?? {}), [['__proto__', 'v']]);
  assert.equal(Object.getPrototypeOf(result.fields.attributes), Object.prototype);
});
