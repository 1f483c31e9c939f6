import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRuleConfig } from './config.js';
import { ruleKeys } from './rule-keys.js';
import { findComponents, MAX_HOLDERS, MemoryRuleIndex } from './components.js';
import type { ProfileFields } from '../profiles/profile.js';

const config = (rules: string[][], selector: Record<string, unknown> = { AttributeMatchingModel: 'ONE_TO_ONE' }) =>
  parseRuleConfig({ Enabled: true, MatchingRules: rules.map((Rule) => ({ Rule })), AttributeTypesSelector: selector } as never);
const shared = (a: ProfileFields, b: ProfileFields, rules: ReturnType<typeof config>) => {
  const left = new Set(ruleKeys(a, rules, 'g', { defaultCountry: 'US' }).map((key) => `${key.level}:${key.key}`));
  return ruleKeys(b, rules, 'g', { defaultCountry: 'US' }).filter((key) => left.has(`${key.level}:${key.key}`)).map((key) => key.level);
};

test('values are compared after normalization, and a missing attribute matches nothing', () => {
  const rules = config([['FirstName', 'PhoneNumber'], ['BirthDate', 'Address.PostalCode']]);
  const a: ProfileFields = { firstName: ' Ann  ', phoneNumber: '(206) 555-0101', birthDate: '1980/1/5', address: { postalCode: '98 101' } };
  const b: ProfileFields = { firstName: 'ANN', phoneNumber: '+1 206 555 0101', birthDate: '1980-01-05', address: { postalCode: '98101' } };
  assert.deepEqual(shared(a, b, rules), [1, 2]);
  assert.deepEqual(shared(a, { ...b, phoneNumber: undefined }, rules), [2]);
});

test('the Address.* parts of one rule come from one address; MANY_TO_MANY crosses members', () => {
  const selector = { AttributeMatchingModel: 'ONE_TO_ONE', Address: ['Address', 'ShippingAddress'] };
  const rules = config([['Address.City', 'Address.PostalCode']], selector);
  const split: ProfileFields = { address: { city: 'Seattle' }, shippingAddress: { postalCode: '98101' } };
  const whole: ProfileFields = { address: { city: 'Seattle', postalCode: '98101' } };
  assert.deepEqual(shared(split, whole, rules), [], 'city of one address and postal code of another do not make an address');
  const shipped: ProfileFields = { shippingAddress: { city: 'seattle', postalCode: '98101' } };
  assert.deepEqual(shared(whole, shipped, rules), [], 'ONE_TO_ONE: Address against ShippingAddress');
  assert.deepEqual(shared(whole, shipped, config([['Address.City', 'Address.PostalCode']], { ...selector, AttributeMatchingModel: 'MANY_TO_MANY' })), [1]);
});

test('levels beyond MaxAllowedRuleLevelForMatching have no keys', () => {
  const rules = parseRuleConfig({ Enabled: true, MatchingRules: [{ Rule: ['FirstName'] }, { Rule: ['LastName'] }], MaxAllowedRuleLevelForMatching: 1 });
  assert.deepEqual(ruleKeys({ firstName: 'a', lastName: 'b' }, rules, 'g', {}).map((key) => key.level), [1]);
});

test('a group is held together by its weakest link; a key held by more than MAX_HOLDERS links nothing', async () => {
  const index = new MemoryRuleIndex();
  index.set('a', [{ level: 1, key: 'x' }]);
  index.set('b', [{ level: 1, key: 'x' }, { level: 3, key: 'y' }]);
  index.set('c', [{ level: 3, key: 'y' }]);
  index.set('d', [{ level: 2, key: 'z' }]);
  assert.deepEqual(await findComponents(['a', 'd'], index, 3), [{ profileIds: ['a', 'b', 'c'], ruleLevel: 3 }]);
  assert.deepEqual(await findComponents(['c'], index, 2), [], 'c links only at level 3');
  assert.deepEqual(await findComponents(['b'], index, 2), [{ profileIds: ['a', 'b'], ruleLevel: 1 }]);
  for (let i = 0; i <= MAX_HOLDERS; i++) index.set(`common${i}`, [{ level: 1, key: 'everyone' }]);
  assert.deepEqual(await findComponents(['common0'], index, 1), []);
});
