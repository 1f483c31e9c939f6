// The Marketo connector against the Marketo contract server: client-credential tokens and their
// refresh, paging tokens for a window, lead changes read back as leads, activities, coded errors.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MarketoConnector } from '../../src/connectors/marketo.js';
import { startMarketoContract, type MarketoContract } from '../support/contract/marketo.js';
import { drain, pullError } from './drain.js';

const at = (iso: string) => new Date(iso);

describe('Marketo connector', () => {
  let marketo: MarketoContract;
  let connector: MarketoConnector;
  const profile = () => ({ name: 'mk', type: 'Marketo' as const, instanceUrl: marketo.url, credentials: { clientId: marketo.clientId, clientSecret: marketo.clientSecret } });
  before(async () => {
    marketo = await startMarketoContract();
    for (let id = 1; id <= 5; id += 1) marketo.upsertLead({ id, email: `lead${id}@example.com`, firstName: `Lead${id}`, lastName: 'Marketo' }, at(`2024-02-0${id}T10:00:00Z`));
    marketo.upsertLead({ id: 2, lastName: 'Changed' }, at('2024-02-06T10:00:00Z'));
    marketo.addActivity(3, 1, at('2024-02-06T11:00:00Z'), 'https://example.com/pricing');
    connector = new MarketoConnector(profile());
  });
  after(() => marketo.stop());

  test('leads changed in a window are read back by id, once each, with the last change as watermark', async () => {
    const result = await drain(connector, { object: 'leads', properties: {}, window: { from: at('2024-02-02T00:00:00Z'), to: at('2024-02-06T10:30:00Z') } });
    assert.deepEqual(result.records.map((lead) => lead['id']).sort(), [2, 3, 4, 5]);
    const two = result.records.find((lead) => lead['id'] === 2)!;
    assert.equal(two['lastName'], 'Changed');
    assert.equal(two['email'], 'lead2@example.com');
    assert.equal(two['updatedAt'], '2024-02-06T10:00:00Z');
    assert.equal(result.watermark?.toISOString(), '2024-02-06T10:00:00.000Z');
    const changes = marketo.requests.find((request) => request.url.pathname === '/rest/v1/activities/leadchanges.json')!;
    assert.ok(changes.url.searchParams.get('fields')!.split(',').includes('lastName'));
    assert.match(changes.headers.authorization ?? '', /^Bearer /);
  });

  test('nextPageToken pages through the stream with a small batch size', async () => {
    const result = await drain(connector, { object: 'leads', properties: { pageSize: 2 }, window: { from: at('2024-01-01T00:00:00Z') } });
    assert.ok(result.pages.length >= 3);
    assert.deepEqual([...new Set(result.records.map((lead) => lead['id']))].sort(), [1, 2, 3, 4, 5]);
  });

  test('activities of the asked types, in the window', async () => {
    const result = await drain(connector, { object: 'activities', properties: { activityTypeIds: [1] }, window: { from: at('2024-02-01T00:00:00Z') } });
    assert.deepEqual(result.records.map((activity) => [activity['leadId'], activity['primaryAttributeValue']]), [[3, 'https://example.com/pricing']]);
    const missing = await pullError(() => connector.pull({ object: 'activities', properties: {}, window: {} }));
    assert.equal(missing.transient, false);
  });

  test('an expired token (602) is replaced once and the call repeated; a token is reused while valid', async () => {
    const fresh = new MarketoConnector(profile());
    const issued = marketo.tokensIssued();
    await drain(fresh, { object: 'leads', properties: {}, window: { from: at('2024-02-05T00:00:00Z') } });
    assert.equal(marketo.tokensIssued(), issued + 1);
    marketo.expireTokens();
    const again = await drain(fresh, { object: 'leads', properties: {}, window: { from: at('2024-02-05T00:00:00Z') } });
    assert.deepEqual(again.records.map((lead) => lead['id']).sort(), [2, 5]);
    assert.equal(marketo.tokensIssued(), issued + 2);
    assert.ok(marketo.requests.some((request) => request.url.pathname === '/identity/oauth/token'));
  });

  test('606 and 615 are transient rate limits; wrong client credentials and bad parameters are permanent', async () => {
    marketo.inject({ status: 200, body: { requestId: 'r1', success: false, errors: [{ code: '606', message: 'Max rate limit 100 exceeded with in 20 secs' }] } }, { pathPrefix: '/rest/' });
    const rate = await pullError(() => connector.pull({ object: 'leads', properties: {}, window: {} }));
    assert.equal(rate.transient, true);
    assert.equal(rate.retryAfterMs, 20_000);
    marketo.inject({ status: 200, body: { requestId: 'r2', success: false, errors: [{ code: '615', message: 'Concurrent access limit reached' }] } }, { pathPrefix: '/rest/' });
    assert.equal((await pullError(() => connector.pull({ object: 'leads', properties: {}, window: {} }))).transient, true);

    const wrong = new MarketoConnector({ ...profile(), credentials: { clientId: marketo.clientId, clientSecret: 'wrong' } });
    const refused = await pullError(() => wrong.pull({ object: 'leads', properties: {}, window: {} }));
    assert.equal(refused.transient, false);
    assert.match(refused.message, /Bad client credentials/);

    const badCursor = await pullError(() => connector.pull({ object: 'leads', properties: {}, window: {}, cursor: 'garbage' }));
    assert.equal(badCursor.transient, false);
    assert.match(badCursor.message, /1003/);
  });
});
