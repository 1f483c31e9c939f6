import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeEmail, normalizeName, normalizePhone, normalizeValue } from './normalize.js';
import { normalizeKeyValue } from './built-in-keys.js';
import { defaultCountryForRegion } from './region-country.js';

const US = { defaultCountry: 'US' as const };

test('phone numbers in any formatting become one E.164 value', () => {
  for (const written of ['+1 (206) 345-7890', '2063457890', '(206) 345-7890', '206.345.7890', '+12063457890', '1-206-345-7890', '  206 345 7890 ']) {
    assert.equal(normalizePhone(written, US), '+12063457890', written);
  }
});

test('the default country decides numbers without a country code, and only those', () => {
  assert.equal(normalizePhone('020 7946 0018', { defaultCountry: 'GB' }), '+442079460018');
  assert.equal(normalizePhone('+44 20 7946 0018', US), '+442079460018');
  assert.equal(normalizePhone('2063457890', { defaultCountry: 'GB' }), '+442063457890');
});

test('without a default country, a number lacking +code keeps its digits', () => {
  assert.equal(normalizePhone('(206) 345-7890'), '2063457890');
  assert.equal(normalizePhone('+1 (206) 345-7890'), '+12063457890');
});

test('unreadable numbers fall back to their digits; text without digits stays as written', () => {
  assert.equal(normalizePhone('12-34', US), '1234');
  assert.equal(normalizePhone('+99 12-34', US), '+991234');
  assert.equal(normalizePhone(' unknown ', US), 'unknown');
});

test('extensions do not change the number matched', () => {
  assert.equal(normalizePhone('206-345-7890 ext. 12', US), '+12063457890');
});

test('e-mail addresses match case-insensitively, surrounding space ignored', () => {
  assert.equal(normalizeEmail('  Jane.Doe@Example.COM '), 'jane.doe@example.com');
});

test('names ignore case and runs of whitespace, and compose Unicode', () => {
  assert.equal(normalizeName('  Jane \t  MARY\nDoe '), 'jane mary doe');
  assert.equal(normalizeName('Jose\u0301'), normalizeName('José'));
});

test('STRING and NUMBER values are exact', () => {
  assert.equal(normalizeValue('STRING', ' Ab '), ' Ab ');
  assert.equal(normalizeValue('NUMBER', '007'), '007');
});

test('key names carry their content type: built-in keys normalize, custom keys are exact', () => {
  assert.equal(normalizeKeyValue('_phone', '(206) 345-7890', US), '+12063457890');
  assert.equal(normalizeKeyValue('_email', 'A@B.C'), 'a@b.c');
  assert.equal(normalizeKeyValue('_fullName', 'Jane  Doe'), 'jane doe');
  assert.equal(normalizeKeyValue('_account', 'AbC'), 'AbC');
  assert.equal(normalizeKeyValue('loyaltyId', 'AbC'), 'AbC');
  assert.equal(normalizeKeyValue('__proto__', 'x'), 'x');
});

test('regions map to the country of their customers; unknown regions have none', () => {
  assert.equal(defaultCountryForRegion('us-east-1'), 'US');
  assert.equal(defaultCountryForRegion('eu-west-2'), 'GB');
  assert.equal(defaultCountryForRegion('xx-nowhere-9'), undefined);
  assert.equal(defaultCountryForRegion('constructor'), undefined);
});
