// The auto-merge decision for one group: criteria in order on the outcome of the previous ones, present and
// equal values only, the winner by RECENCY or SOURCE, and the confidence minimum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planGroupMerges, type MergeCandidate } from './auto-merge-plan.js';
import { encodeSource } from '../ingestion/field-precedence.js';
import type { ProfileFields } from '../profiles/profile.js';

const at = (iso: string) => new Date(iso);
const candidate = (profileId: string, fields: ProfileFields, lastUpdatedAt: string, extra: Partial<MergeCandidate> = {}): MergeCandidate => ({
  profileId,
  fields,
  sources: {},
  lastUpdatedAt: at(lastUpdatedAt),
  fromSource: false,
  ...extra,
});
const recency = { model: 'RECENCY' } as const;
const US = { defaultCountry: 'US' } as const;

test('criteria apply in order on the merged outcome: A+B by name and e-mail, then AB+C by the phone only B had', () => {
  const a = candidate('a', { firstName: 'Ann', lastName: 'Lee', emailAddress: 'ann@x.com' }, '2026-01-03T00:00:00Z');
  const b = candidate('b', { firstName: 'ANN', lastName: 'Lee', emailAddress: 'Ann@X.com', phoneNumber: '+1 206 555 0100' }, '2026-01-01T00:00:00Z');
  const c = candidate('c', { firstName: 'Annie', phoneNumber: '(206) 555-0100' }, '2026-01-02T00:00:00Z');
  const d = candidate('d', { firstName: 'Ann', lastName: 'Lee' }, '2026-01-04T00:00:00Z');
  const criteria = [['FirstName', 'LastName', 'EmailAddress'], ['PhoneNumber']];
  assert.deepEqual(planGroupMerges([a, b, c, d], 0.95, { criteria, conflict: recency }, US), [{ mainId: 'a', mergedIds: ['c', 'b'] }]);
  assert.deepEqual(planGroupMerges([a, b, c, d], 0.95, { criteria: [['PhoneNumber']], conflict: recency }, US), [{ mainId: 'c', mergedIds: ['b'] }]);
  assert.deepEqual(planGroupMerges([a, b, c, d], 0.95, { criteria, conflict: recency, minConfidence: 0.96 }, {}), [], 'below the minimum');
  assert.deepEqual(planGroupMerges([a, d], 0.95, { criteria: [['FirstName', 'LastName', 'EmailAddress']], conflict: recency }, {}), [], 'a missing value never matches');
});

test('RECENCY prefers the newest SourceLastUpdatedTimestamp over the last update; SOURCE prefers profiles holding SourceName objects', () => {
  const stamped = candidate('stamped', { accountNumber: 'A-1' }, '2026-01-01T00:00:00Z', {
    sources: { accountNumber: encodeSource({ objectTypeName: 'crm', timestamp: Date.parse('2026-02-01T00:00:00Z') }) },
  });
  const touched = candidate('touched', { accountNumber: 'a1' }, '2026-01-15T00:00:00Z');
  const fromCrm = candidate('crm', { accountNumber: 'A 1' }, '2025-01-01T00:00:00Z', { fromSource: true });
  const byAccount = [['AccountNumber']];
  assert.deepEqual(planGroupMerges([touched, stamped], 0.9, { criteria: byAccount, conflict: recency }, {}), [{ mainId: 'stamped', mergedIds: ['touched'] }]);
  assert.deepEqual(planGroupMerges([touched, stamped, fromCrm], 0.9, { criteria: byAccount, conflict: { model: 'SOURCE', sourceName: 'crm' } }, {}), [
    { mainId: 'crm', mergedIds: ['stamped', 'touched'] },
  ]);
});

test('addresses by line or whole, and custom attributes by name', () => {
  const one = candidate('1', { address: { address1: '12 Pine St', city: 'Seattle' }, attributes: { loyalty: 'Gold-7' } }, '2026-01-02T00:00:00Z');
  const two = candidate('2', { address: { address1: '12 pine street', city: 'SEATTLE' }, attributes: { loyalty: 'gold 7' } }, '2026-01-01T00:00:00Z');
  for (const criterion of [['Address.City'], ['Address'], ['Attributes.loyalty'], ['loyalty']]) {
    assert.deepEqual(planGroupMerges([one, two], 0.9, { criteria: [criterion], conflict: recency }, {}), [{ mainId: '1', mergedIds: ['2'] }], criterion.join());
  }
  assert.deepEqual(planGroupMerges([one, two], 0.9, { criteria: [['ShippingAddress.City']], conflict: recency }, {}), []);
});
