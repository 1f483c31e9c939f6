// Each of the ten object-type rules (spec §3.3) refuses what it should and names itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KeyDefinition, Mapping } from './definition.js';
import { validateMapping } from './validate.js';
import { createHandlebars } from './field-source.js';

const handlebars = createHandlebars();
const base: Mapping = {
  allowProfileCreation: true,
  fields: {
    id: { source: '_source.id', contentType: 'STRING' },
    email: { source: '_source.email', target: '_profile.EmailAddress', contentType: 'EMAIL_ADDRESS' },
  },
  keys: { orderId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }] },
};
const withKeys = (keys: Record<string, readonly KeyDefinition[]>, extra: Partial<Mapping> = {}): Mapping => ({ ...base, ...extra, keys });
const rejects = (mapping: Mapping, rule: number, others = new Map<string, string>()) =>
  assert.throws(() => validateMapping(mapping, others, handlebars), (e: Error) => e.name === 'BadRequestException' && e.message.includes(`(rule ${rule})`));

test('a well-formed mapping passes', () => {
  validateMapping(base, new Map(), handlebars);
});

test('rules 1-4: UNIQUE once, a PROFILE key, a storable PROFILE key when creating profiles, no UNIQUE+LOOKUP_ONLY', () => {
  rejects(withKeys({ _email: base.keys['_email']! }), 1);
  rejects(withKeys({ a: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], b: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['email'] }] }), 1);
  rejects(withKeys({ orderId: base.keys['orderId']! }), 2);
  rejects(withKeys({ orderId: base.keys['orderId']!, _email: [{ standardIdentifiers: ['PROFILE', 'LOOKUP_ONLY'], fieldNames: ['email'] }] }), 3);
  validateMapping(withKeys({ orderId: base.keys['orderId']!, _email: [{ standardIdentifiers: ['PROFILE', 'LOOKUP_ONLY'], fieldNames: ['email'] }] }, { allowProfileCreation: false }), new Map(), handlebars);
  rejects(withKeys({ orderId: [{ standardIdentifiers: ['UNIQUE', 'NEW_ONLY'], fieldNames: ['id'] }], _email: base.keys['_email']! }), 4);
});

test('rule 5: a field targeting a standard object needs that object identifier', () => {
  const mapping = { ...base, fields: { ...base.fields, sku: { source: '_source.sku', target: '_asset.ProductSKU', contentType: 'STRING' as const } } };
  rejects(mapping, 5);
  validateMapping({ ...mapping, keys: { ...mapping.keys, assetKey: [{ standardIdentifiers: ['ASSET'], fieldNames: ['sku'] }] } }, new Map(), handlebars);
});

test('rule 6: reserved and unknown underscore keys', () => {
  rejects(withKeys({ ...base.keys, _myKey: [{ standardIdentifiers: [], fieldNames: ['id'] }] }), 6);
  rejects(withKeys({ ...base.keys, _profileId: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['id'] }] }), 6);
});

test('rule 7: keys name fields of this type', () => {
  rejects(withKeys({ ...base.keys, other: [{ standardIdentifiers: [], fieldNames: ['missing'] }] }), 7);
  rejects(withKeys({ ...base.keys, other: [{ standardIdentifiers: [], fieldNames: [] }] }), 7);
});

test('rule 8: targets are real, non-system members; no Gender and GenderString together', () => {
  const target = (t: string) => ({ ...base, fields: { ...base.fields, x: { source: '_source.x', target: t, contentType: 'STRING' as const } } });
  rejects(target('_profile.ProfileId'), 8);
  rejects(target('_profile.Nickname'), 8);
  rejects(target('_profile.Address.Street'), 8);
  rejects(target('_profile.Attributes'), 8);
  validateMapping(target('_profile.Attributes.loyaltyTier'), new Map(), handlebars);
  validateMapping(target('_profile.ShippingAddress.PostalCode'), new Map(), handlebars);
  const both = { ...base, fields: { ...base.fields, g: { source: '_source.g', target: '_profile.Gender', contentType: 'STRING' as const }, gs: { source: '_source.g', target: '_profile.GenderString', contentType: 'STRING' as const } } };
  rejects(both, 8);
});

test('rule 9: sources, content types of reused keys, quotas', () => {
  rejects({ ...base, fields: { ...base.fields, bad: { source: '{{#if _source.a}}x', contentType: 'STRING' } } }, 9);
  rejects({ ...base, fields: { ...base.fields, bad: { source: 'source.a', contentType: 'STRING' } } }, 9);
  rejects(base, 9, new Map([['_email', 'STRING']]));
  validateMapping(base, new Map([['_email', 'EMAIL_ADDRESS']]), handlebars);
  const many = Object.fromEntries(Array.from({ length: 251 }, (_, i) => [`f${i}`, { source: `_source.f${i}`, contentType: 'STRING' as const }]));
  rejects({ ...base, fields: { ...base.fields, ...many } }, 9);
});

test('rule 10: SourceLastUpdatedTimestamp needs its format', () => {
  const mapping = { ...base, fields: { ...base.fields, ts: { source: '_source.ts', target: '_profile.SourceLastUpdatedTimestamp', contentType: 'STRING' as const } } };
  rejects(mapping, 10);
  validateMapping({ ...mapping, sourceLastUpdatedTimestampFormat: 'EpochMilli' }, new Map(), handlebars);
});
