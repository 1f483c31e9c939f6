import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFields, type MergeSide } from './merge-fields.js';

const main: MergeSide = {
  profileId: 'main',
  fields: { firstName: 'Main', address: { city: 'M' }, attributes: { shared: 'main', mine: '1' } },
  sources: { firstName: 'manual', 'address.city': 'manual', 'attributes.shared': 'manual', 'attributes.mine': 'manual' },
};
const first: MergeSide = {
  profileId: 'first',
  fields: { firstName: 'First', lastName: 'L1', emailAddress: 'f@x', address: { city: 'F', state: 'S' }, attributes: { shared: 'first', only1: 'a' } },
  sources: { firstName: 'crm', lastName: 'crm', emailAddress: 'crm', 'address.city': 'crm', 'address.state': 'crm', 'attributes.shared': 'crm', 'attributes.only1': 'crm' },
};
const second: MergeSide = {
  profileId: 'second',
  fields: { lastName: 'L2', birthDate: '2000' },
  sources: { lastName: 'web', birthDate: 'web' },
};

test('non-conflicting fields are unioned (first absorbed profile first); on conflict main wins', () => {
  const merged = mergeFields(main, [first, second], { fields: {}, attributes: {} });
  assert.deepEqual(merged.fields, {
    firstName: 'Main',
    lastName: 'L1',
    emailAddress: 'f@x',
    birthDate: '2000',
    address: { city: 'M' },
    attributes: { shared: 'main', mine: '1', only1: 'a' },
  });
  assert.equal(merged.sources['lastName'], 'crm');
  assert.equal(merged.sources['birthDate'], 'web');
  assert.equal(merged.sources['attributes.only1'], 'crm');
});

test('a named source wins, even with no value; addresses move whole; attributes per key', () => {
  const merged = mergeFields(main, [first, second], {
    fields: { firstName: 'second', lastName: 'second', address: 'first' },
    attributes: { shared: 'first', mine: 'second', only1: 'main' },
  });
  assert.deepEqual(merged.fields, {
    lastName: 'L2',
    emailAddress: 'f@x',
    birthDate: '2000',
    address: { city: 'F', state: 'S' },
    attributes: { shared: 'first' },
  });
  assert.deepEqual(merged.sources, {
    lastName: 'web',
    emailAddress: 'crm',
    birthDate: 'web',
    'address.city': 'crm',
    'address.state': 'crm',
    'attributes.shared': 'crm',
  });
});
