// Unit tests of reading the raw request: header lines from rawHeaders, query pairs, the X-Amz-Date format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAmzDate, parseAmzDate } from './amz-date.js';
import { SigV4Error } from './failures.js';
import { collectHeaders, parseQuery, singleHeader } from './wire.js';

test('headers are grouped by lower-cased name with repeats kept apart, in arrival order', () => {
  const headers = collectHeaders(['Host', 'h', 'My-Header1', 'value2', 'my-header1', 'value1', 'dangling']);
  assert.deepEqual([...headers], [
    ['host', ['h']],
    ['my-header1', ['value2', 'value1']],
  ]);
  assert.equal(singleHeader(headers, 'host'), 'h');
  assert.equal(singleHeader(headers, 'absent'), undefined);
  assert.throws(() => singleHeader(headers, 'my-header1'), SigV4Error);
});

test('query: split on & and the first =, percent-decoded, + stays a plus, empty pieces skipped', () => {
  assert.deepEqual(parseQuery(''), []);
  assert.deepEqual(parseQuery('NextToken=a+b%2Fc%3Dd%20e%25f&&tagKeys=b&tagKeys=a=c&flag&%E1%88%B4=%F0%9F%98%80'), [
    { name: 'NextToken', value: 'a+b/c=d e%f' },
    { name: 'tagKeys', value: 'b' },
    { name: 'tagKeys', value: 'a=c' },
    { name: 'flag', value: '' },
    { name: 'ሴ', value: '😀' },
  ]);
});

test('query that is not percent-encoded UTF-8 is an InvalidSignatureException', () => {
  for (const raw of ['a=%zz', 'a=%', 'a=%C3%28', '%E1%88=x']) {
    assert.throws(() => parseQuery(raw), (e: unknown) => e instanceof SigV4Error && e.code === 'InvalidSignatureException', raw);
  }
});

test('X-Amz-Date: yyyymmddThhmmssZ exactly, real dates only, round-trips', () => {
  const date = parseAmzDate('20150830T123600Z');
  assert.equal(date?.toISOString(), '2015-08-30T12:36:00.000Z');
  assert.equal(formatAmzDate(new Date('2015-08-30T12:36:00.999Z')), '20150830T123600Z');
  for (const bad of ['2015-08-30T12:36:00Z', '20150830T123600', '20150830t123600z', '20151330T123600Z', '20150230T123600Z', '20150830T246000Z', '20150830T123660Z', '00500101T000000Z', ' 20150830T123600Z']) {
    assert.equal(parseAmzDate(bad), undefined, bad);
  }
});
