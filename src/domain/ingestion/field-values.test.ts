import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHandlebars } from '../object-types/field-source.js';
import type { Mapping } from '../object-types/definition.js';
import { FieldExtractor } from './field-values.js';
import { objectKeys } from './key-values.js';

const mapping: Mapping = {
  allowProfileCreation: true,
  fields: {
    id: { source: '_source.id', contentType: 'STRING' },
    email: { source: '_source.contact.email', contentType: 'EMAIL_ADDRESS' },
    phone: { source: '_source.contact.phones.0', contentType: 'PHONE_NUMBER' },
    name: { source: '{{#removeExtraSpace}}{{_source.first}} {{_source.middle}} {{_source.last}}{{/removeExtraSpace}}', contentType: 'NAME' },
    vip: { source: '{{#if _source.vip}}yes{{else}}no{{/if}}', contentType: 'STRING' },
    note: { source: '_source.note', contentType: 'STRING' },
    company: { source: '_source.company', contentType: 'STRING' },
  },
  keys: {
    orderKey: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }],
    _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }],
    _phone: [{ standardIdentifiers: ['PROFILE', 'SECONDARY'], fieldNames: ['phone'] }],
    person: [{ standardIdentifiers: [], fieldNames: ['name', 'company'] }],
  },
};

test('paths, array indexes and templates; blank and missing values are absent; no HTML escaping', () => {
  const extractor = new FieldExtractor(mapping.fields, createHandlebars());
  const values = extractor.extract({ id: 42, contact: { email: 'Ann@Example.COM', phones: ['(206) 345-7890'] }, first: 'Ann', last: "O'Neil & Co", note: '   ', vip: true });
  assert.deepEqual(values, { id: '42', email: 'Ann@Example.COM', phone: '(206) 345-7890', name: "Ann O'Neil & Co", vip: 'yes' });
});

test('key values are normalized by content type; a key missing a field has no value', () => {
  const extractor = new FieldExtractor(mapping.fields, createHandlebars());
  const values = extractor.extract({ id: 'o-1', contact: { email: 'Ann@Example.COM', phones: ['(206) 345-7890'] }, first: 'Ann', last: 'Lee' });
  const keys = objectKeys(mapping, values, { defaultCountry: 'US' }).map(({ name, value }) => [name, value]);
  assert.deepEqual(keys, [['orderKey', 'o-1'], ['_email', 'ann@example.com'], ['_phone', '+12063457890']]);
  const withCompany = objectKeys(mapping, { ...values, company: 'Acme' }, { defaultCountry: 'US' });
  assert.deepEqual(withCompany.find((key) => key.name === 'person')?.value, 'ann lee Acme');
});
