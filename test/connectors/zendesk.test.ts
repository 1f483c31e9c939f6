// The Zendesk connector against the Zendesk contract server: cursor paging of the incremental export,
// the window, both auth forms, and how failures are classified.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ZendeskConnector } from '../../src/connectors/zendesk.js';
import { startZendeskContract, type ZendeskContract, type ZendeskItem } from '../support/contract/zendesk.js';
import { drain, pullError } from './drain.js';

const user = (id: number, updatedAt: string): ZendeskItem => ({ id, name: `User ${id}`, email: `user${id}@example.com`, updated_at: updatedAt, created_at: '2024-01-01T00:00:00Z' });
const USERS = [
  user(1, '2024-03-01T10:00:00Z'),
  user(2, '2024-03-01T11:00:00Z'),
  user(3, '2024-03-02T09:30:00Z'),
  user(4, '2024-03-03T08:00:00Z'),
  user(5, '2024-03-04T12:00:00Z'),
];

describe('Zendesk connector', () => {
  let zendesk: ZendeskContract;
  let connector: ZendeskConnector;
  before(async () => {
    zendesk = await startZendeskContract({ pageSize: 2, seed: { users: USERS } });
    connector = new ZendeskConnector({ name: 'zd', type: 'Zendesk', instanceUrl: zendesk.url, credentials: { email: zendesk.email, token: zendesk.apiToken } });
  });
  after(() => zendesk.stop());

  test('pages through the export by after_cursor until end_of_stream, in change order, with the latest updated_at as watermark', async () => {
    const before = zendesk.requests.length;
    const result = await drain(connector, { object: 'users', properties: {}, window: { from: new Date('2024-01-01T00:00:00Z') } });
    assert.deepEqual(result.records.map((record) => record['id']), [1, 2, 3, 4, 5]);
    assert.equal(result.pages.length, 3);
    assert.equal(result.watermark?.toISOString(), '2024-03-04T12:00:00.000Z');
    const sent = zendesk.requests.slice(before);
    assert.equal(sent[0]!.url.pathname, '/api/v2/incremental/users/cursor.json');
    assert.equal(sent[0]!.url.searchParams.get('start_time'), String(Date.parse('2024-01-01T00:00:00Z') / 1000));
    assert.ok(sent.slice(1).every((request) => request.url.searchParams.has('cursor') && !request.url.searchParams.has('start_time')));
  });

  test('a window returns only the items changed at or after its start and before its end', async () => {
    const result = await drain(connector, { object: 'users', properties: {}, window: { from: new Date('2024-03-01T11:00:00Z'), to: new Date('2024-03-03T08:00:00Z') } });
    assert.deepEqual(result.records.map((record) => record['id']), [2, 3]);
    assert.equal(result.watermark?.toISOString(), '2024-03-02T09:30:00.000Z');
  });

  test('an incremental pull from the watermark sees what changed since', async () => {
    const first = await drain(connector, { object: 'users', properties: {}, window: { from: new Date('2024-03-04T00:00:00Z') } });
    zendesk.upsert('users', user(2, '2024-03-05T07:00:00Z'));
    const next = await drain(connector, { object: 'users', properties: {}, window: { from: new Date(first.watermark!.getTime() + 1000) } });
    assert.deepEqual(next.records.map((record) => [record['id'], record['updated_at']]), [[2, '2024-03-05T07:00:00Z']]);
  });

  test('an OAuth access token is sent as Bearer', async () => {
    const oauth = new ZendeskConnector({ name: 'zd', type: 'Zendesk', instanceUrl: zendesk.url, credentials: { accessToken: zendesk.oauthToken } });
    const result = await drain(oauth, { object: 'users', properties: { pageSize: 100 }, window: { from: new Date('2024-03-03T00:00:00Z') } });
    assert.ok(result.records.length >= 2);
    assert.equal(zendesk.requests.at(-1)!.headers.authorization, `Bearer ${zendesk.oauthToken}`);
    assert.equal(zendesk.requests.at(-1)!.url.searchParams.get('per_page'), '100');
  });

  test('429 is transient with Retry-After; the same cursor then continues', async () => {
    const first = await connector.pull({ object: 'users', properties: {}, window: { from: new Date('2024-01-01T00:00:00Z') } });
    zendesk.inject({ status: 429, headers: { 'retry-after': '7' }, body: { error: 'APIRateLimitExceeded' } });
    const error = await pullError(() => connector.pull({ object: 'users', properties: {}, window: {}, cursor: first.cursor }));
    assert.equal(error.transient, true);
    assert.equal(error.retryAfterMs, 7000);
    const retried = await connector.pull({ object: 'users', properties: {}, window: {}, cursor: first.cursor });
    // User 2 changed again in an earlier test, so the stream is now 1, 3 | 4, 5 | 2.
    assert.deepEqual(retried.records.map((record) => record['id']), [4, 5]);
  });

  test('a 5xx is transient; refused credentials and unsupported objects are permanent with a message', async () => {
    zendesk.inject({ status: 503, body: { error: 'ServiceUnavailable' } });
    assert.equal((await pullError(() => connector.pull({ object: 'users', properties: {}, window: {} }))).transient, true);

    const wrong = new ZendeskConnector({ name: 'zd', type: 'Zendesk', instanceUrl: zendesk.url, credentials: { email: zendesk.email, token: 'not-the-token' } });
    const refused = await pullError(() => wrong.pull({ object: 'users', properties: {}, window: {} }));
    assert.equal(refused.transient, false);
    assert.match(refused.message, /credentials were refused \(HTTP 401\): Couldn't authenticate you/);

    const organizations = await pullError(() => connector.pull({ object: 'organizations', properties: {}, window: {} }));
    assert.equal(organizations.transient, false);
    assert.match(organizations.message, /organizations has no cursor-based incremental export/);
  });

  test('a window starting within the last minute has nothing to export yet (Zendesk refuses such a start_time)', async () => {
    const count = zendesk.requests.length;
    const page = await connector.pull({ object: 'users', properties: {}, window: { from: new Date(Date.now() - 10_000) } });
    assert.deepEqual(page, { records: [] });
    assert.equal(zendesk.requests.length, count);
  });
});
