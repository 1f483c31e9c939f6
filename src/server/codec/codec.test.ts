import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operations } from '../../generated/operations.js';
import { bindInput } from './from-wire.js';
import { parseJsonBody } from './json-body.js';
import { parseQueryString } from './query-string.js';
import { serializeOutput } from './to-wire.js';
import { ERROR_MESSAGE_HEADER_LIMIT, errorMessageHeader, serializeError } from './errors.js';
import { BadRequestException } from '../../generated/errors.js';

test('query strings keep repeated keys in order, decode %XX and keep + as a plus', () => {
  const query = parseQueryString('tagKeys=b&tagKeys=a&tagKeys=a%20b&next-token=x%2By%2Fz%3D&plus=1+2&flag');
  assert.deepEqual(query.get('tagKeys'), ['b', 'a', 'a b']);
  assert.deepEqual(query.get('next-token'), ['x+y/z=']);
  assert.deepEqual(query.get('plus'), ['1+2']);
  assert.deepEqual(query.get('flag'), ['']);
  assert.throws(() => parseQueryString('a=%ZZ'), { name: 'BadRequestException' });
});

test('binding takes labels, typed query values, repeated query lists and body members', () => {
  const untag = bindInput(operations.UntagResource, {
    labels: { resourceArn: 'arn:x' },
    query: parseQueryString('tagKeys=a&tagKeys=b'),
    headers: {},
    body: undefined,
  });
  assert.deepEqual(untag, { resourceArn: 'arn:x', tagKeys: ['a', 'b'] });
  const list = bindInput(operations.ListIntegrations, {
    labels: { DomainName: 'd' },
    query: parseQueryString('max-results=7&include-hidden=true&next-token=t'),
    headers: {},
    body: undefined,
  });
  assert.deepEqual(list, { DomainName: 'd', MaxResults: 7, IncludeHidden: true, NextToken: 't' });
});

test('text that does not convert stays text, so the validators can name it', () => {
  const list = bindInput(operations.ListDomains, { labels: {}, query: parseQueryString('max-results=ten'), headers: {}, body: undefined });
  assert.equal(list['MaxResults'], 'ten');
});

test('body timestamps are epoch seconds (fractions kept); unknown and null members are dropped', () => {
  const input = bindInput(operations.ListWorkflows, {
    labels: { DomainName: 'd' },
    query: new Map(),
    headers: {},
    body: { QueryStartDate: 1700000000.123, QueryEndDate: null, Unknown: 1 },
  });
  assert.deepEqual(input, { DomainName: 'd', QueryStartDate: new Date(1700000000123) });
});

test('a label in the body cannot override the path', () => {
  const input = bindInput(operations.CreateDomain, { labels: { DomainName: 'path' }, query: new Map(), headers: {}, body: { DomainName: 'body', DefaultExpirationDays: 1 } });
  assert.equal(input['DomainName'], 'path');
});

test('outputs: wire names, epoch-second timestamps, absent members omitted, nested lists and maps', () => {
  const response = serializeOutput(operations.ListDomains, {
    Items: [{ DomainName: 'd', CreatedAt: new Date(1605224876487), LastUpdatedAt: new Date(1605224876000), Tags: undefined }],
    NextToken: undefined,
  });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(response.body), { Items: [{ DomainName: 'd', CreatedAt: 1605224876.487, LastUpdatedAt: 1605224876 }] });
  assert.equal(serializeOutput(operations.TagResource, {}).body, '{}');
});

test('errors: x-amzn-ErrorType and {"Message"}', () => {
  const response = serializeError(new BadRequestException('nope'));
  assert.equal(response.statusCode, 400);
  assert.equal(response.headers['x-amzn-errortype'], 'BadRequestException');
  assert.deepEqual(JSON.parse(response.body), { Message: 'nope' });
  assert.equal(response.headers['x-amzn-errormessage'], 'nope');
});

test('X-Amzn-ErrorMessage is header-safe: %, control characters and non-ASCII percent-encoded, long ones cut whole', () => {
  const message = 'Line one\r\nline two\t100% café 東京 \u{1F600} \uD800 "quoted" <x>';
  const header = errorMessageHeader(message);
  assert.match(header, /^[\x20-\x7e]*$/);
  assert.equal(header, 'Line one%0D%0Aline two%09100%25 caf%C3%A9 %E6%9D%B1%E4%BA%AC %F0%9F%98%80 %EF%BF%BD "quoted" <x>');
  assert.equal(decodeURIComponent(header), message.replace('\uD800', '\uFFFD'));
  assert.equal(errorMessageHeader('plain text, as most messages are.'), 'plain text, as most messages are.');

  const long = errorMessageHeader('é'.repeat(ERROR_MESSAGE_HEADER_LIMIT));
  assert.ok(long.length <= ERROR_MESSAGE_HEADER_LIMIT);
  assert.match(long, /^(%C3%A9)+\.\.\.$/);
  const exact = 'x'.repeat(ERROR_MESSAGE_HEADER_LIMIT);
  assert.equal(errorMessageHeader(exact), exact);
});

test('JSON bodies: empty is none; invalid UTF-8, invalid JSON and non-objects are BadRequest', () => {
  assert.equal(parseJsonBody(new Uint8Array()), undefined);
  assert.deepEqual(parseJsonBody(Buffer.from('{"a":"é"}')), { a: 'é' });
  assert.throws(() => parseJsonBody(new Uint8Array([0x7b, 0xff, 0x7d])), /UTF-8/);
  assert.throws(() => parseJsonBody(Buffer.from('{')), /not valid JSON/);
  assert.throws(() => parseJsonBody(Buffer.from('"text"')), /JSON object/);
});
