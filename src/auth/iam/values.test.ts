// Unit tests of value parsing: IP addresses and CIDRs, dates, numbers, base64 (spec §5.3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cidrContains, parseCidr, parseIpAddress } from './ip-address.js';
import { parseBase64, parseDate, parseNumber } from './scalar-values.js';

function inCidr(cidr: string, ip: string): boolean {
  const block = parseCidr(cidr);
  const address = parseIpAddress(ip);
  assert.ok(block, `CIDR ${cidr}`);
  assert.ok(address, `address ${ip}`);
  return cidrContains(block, address);
}

test('IPv4 CIDRs', () => {
  assert.equal(inCidr('10.0.0.0/8', '10.255.1.2'), true);
  assert.equal(inCidr('10.0.0.0/8', '11.0.0.0'), false);
  assert.equal(inCidr('192.168.1.128/25', '192.168.1.200'), true);
  assert.equal(inCidr('192.168.1.128/25', '192.168.1.127'), false);
  assert.equal(inCidr('0.0.0.0/0', '8.8.8.8'), true);
  assert.equal(inCidr('203.0.113.5', '203.0.113.5'), true);
  assert.equal(inCidr('203.0.113.0', '203.0.113.5'), false);
  assert.equal(inCidr('10.0.0.0/8', '::ffff:10.1.1.1'), true);
});

test('IPv6 CIDRs, compressed forms, embedded IPv4, zones; families never mix', () => {
  assert.equal(inCidr('2001:db8::/32', '2001:db8:1::5'), true);
  assert.equal(inCidr('2001:db8::/32', '2001:db9::5'), false);
  assert.equal(inCidr('2001:DB8::/48', '2001:db8:0:ffff::1'), true);
  assert.equal(inCidr('::1', '0:0:0:0:0:0:0:1'), true);
  assert.equal(inCidr('fe80::/10', 'fe80::1%eth0'), true);
  assert.equal(inCidr('::/0', '10.0.0.1'), false);
  assert.equal(inCidr('0.0.0.0/0', '2001:db8::1'), false);
  assert.equal(inCidr('64:ff9b::/96', '64:ff9b::192.0.2.33'), true);
});

test('bad addresses and CIDRs do not parse', () => {
  for (const bad of ['10.0.0', '10.0.0.256', '1.2.3.4.5', '2001:db8:::1', '1:2:3:4:5:6:7:8:9', 'g::1', 'abc', '']) {
    assert.equal(parseIpAddress(bad), undefined, bad);
  }
  for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/x', 'fe80::1%eth0/64']) assert.equal(parseCidr(bad), undefined, bad);
});

test('dates: W3C ISO 8601 profiles with zones, epoch seconds, invalid dates', () => {
  const t = Date.UTC(2026, 5, 1, 12, 0, 0);
  assert.equal(parseDate('2026-06-01T12:00:00Z'), t);
  assert.equal(parseDate('2026-06-01T12:00Z'), t);
  assert.equal(parseDate('2026-06-01T14:00:00+02:00'), t);
  assert.equal(parseDate('2026-06-01T12:00:00.500Z'), t + 500);
  assert.equal(parseDate('1780315200'), t);
  assert.equal(parseDate('2026-06-01'), Date.UTC(2026, 5, 1));
  assert.equal(parseDate('2026-06'), Date.UTC(2026, 5, 1));
  assert.equal(parseDate('2026'), 2026_000, '[decision] digits alone are epoch seconds, not a year');
  assert.equal(parseDate('2026-01'), Date.UTC(2026, 0, 1));
  assert.equal(parseDate('2026-06-01T12:00:00'), t, '[decision] no zone = UTC');
  for (const bad of ['2026-02-31', '2026-13-01', '2026-06-01T25:00Z', 'June 1', '']) assert.ok(Number.isNaN(parseDate(bad)), bad);
});

test('numbers and base64', () => {
  assert.equal(parseNumber('3600'), parseNumber('3600.0'));
  assert.equal(parseNumber('-0.5'), -0.5);
  assert.ok(Number.isNaN(parseNumber('1e3')));
  assert.ok(Number.isNaN(parseNumber('')));
  assert.deepEqual(parseBase64('QmluYXJ5'), Buffer.from('Binary'));
  assert.equal(parseBase64('QmluYXJ'), undefined);
});
