import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mapping } from '../object-types/definition.js';
import { encodeSource } from './field-precedence.js';
import { profileChanges, profileDestination } from './profile-updates.js';

test('targets map to profile members, address lines and attributes; other objects and preferences write nothing', () => {
  assert.deepEqual(profileDestination('_profile.FirstName'), { kind: 'scalar', field: 'firstName' });
  assert.deepEqual(profileDestination('_profile.BillingAddress.PostalCode'), { kind: 'address', field: 'billingAddress', line: 'postalCode' });
  assert.deepEqual(profileDestination('_profile.Attributes.a.b'), { kind: 'attribute', name: 'a.b' });
  assert.equal(profileDestination('_profile.EngagementPreferences.Email'), undefined);
  assert.equal(profileDestination('_profile.SourceLastUpdatedTimestamp'), undefined);
  assert.equal(profileDestination('_asset.SerialNumber'), undefined);
});

const mapping: Mapping = {
  allowProfileCreation: true,
  fields: {
    first: { source: '_source.first', target: '_profile.FirstName', contentType: 'NAME' },
    gender: { source: '_source.gender', target: '_profile.Gender', contentType: 'STRING' },
    mail: { source: '_source.mail', contentType: 'EMAIL_ADDRESS' },
    work: { source: '_source.work', contentType: 'EMAIL_ADDRESS' },
    phone: { source: '_source.phone', contentType: 'PHONE_NUMBER' },
  },
  keys: {},
};

test('enum members take model values only; inferred profiles take the first untargeted e-mail and phone', () => {
  const empty = { fields: {}, sources: {} };
  const values = { first: 'Ann', gender: 'female', work: 'w@x.com', mail: 'm@x.com', phone: '+1 206 555 0100' };
  const incoming = { objectTypeName: 'T' };
  assert.deepEqual(profileChanges(mapping, values, empty, incoming, true), { firstName: 'Ann', gender: 'FEMALE', emailAddress: 'm@x.com', phoneNumber: '+1 206 555 0100' });
  assert.deepEqual(profileChanges(mapping, { ...values, gender: 'f' }, empty, incoming, false), { firstName: 'Ann' });
  const manual = { fields: { firstName: 'Manual' }, sources: { firstName: 'manual' } };
  assert.deepEqual(profileChanges(mapping, { first: 'Ann' }, manual, incoming, false), {});
  const ranked = { fields: { firstName: 'Ranked' }, sources: { firstName: encodeSource({ objectTypeName: 'R', priority: 1 }) } };
  assert.deepEqual(profileChanges(mapping, { first: 'Ann' }, ranked, { objectTypeName: 'T', priority: 2 }, false), {});
});
