import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceTimestampFormat } from './source-timestamp.js';

const iso = (format: string, value: string) => new SourceTimestampFormat(format).parse(value)?.toISOString();

test('EpochMilli', () => {
  assert.equal(iso('EpochMilli', '1700000000123'), '2023-11-14T22:13:20.123Z');
  assert.equal(iso('EpochMilli', '2023-11-14'), undefined);
});

test('the patterns of the built-in templates', () => {
  assert.equal(iso("yyyy-MM-dd'T'HH:mm:ss.SSSZ", '2024-03-05T10:20:30.456+0000'), '2024-03-05T10:20:30.456Z');
  assert.equal(iso("yyyy-MM-dd'T'HH:mm:ss.SSSZ", '2024-03-05T10:20:30.456-0800'), '2024-03-05T18:20:30.456Z');
  assert.equal(iso("yyyy-MM-dd'T'HH:mm:ss'Z'", '2024-03-05T10:20:30Z'), '2024-03-05T10:20:30.000Z');
  assert.equal(iso('yyyy-MM-dd HH:mm:ss', '2024-03-05 10:20:30'), '2024-03-05T10:20:30.000Z');
  assert.equal(iso("yyyy-MM-dd'T'HH:mm:ssXXX", '2024-03-05T10:20:30+02:00'), '2024-03-05T08:20:30.000Z');
});

test('month names, 12-hour clocks, two-digit years; mismatches are undefined', () => {
  assert.equal(iso('dd MMM yyyy hh:mm a', '05 Mar 2024 02:15 PM'), '2024-03-05T14:15:00.000Z');
  assert.equal(iso('MM/dd/yy', '12/31/99'), '2099-12-31T00:00:00.000Z');
  assert.equal(iso('yyyy-MM-dd', '2024/03/05'), undefined);
  assert.equal(iso('yyyy-MM-dd', 'yesterday'), undefined);
});
