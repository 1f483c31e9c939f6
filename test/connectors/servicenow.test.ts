// The ServiceNow connector against the ServiceNow contract server: the Table API's encoded query on
// sys_updated_on, offset paging, both auth forms, and how failures are classified.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceNowConnector } from '../../src/connectors/servicenow.js';
import { startServiceNowContract, type ServiceNowContract, type ServiceNowRow } from '../support/contract/servicenow.js';
import { drain, pullError } from './drain.js';

const row = (n: number, updatedOn: string): ServiceNowRow => ({ sys_id: `a${String(n).padStart(31, '0')}`, first_name: `First${n}`, last_name: 'Tester', email: `sn${n}@example.com`, sys_updated_on: updatedOn });
const USERS = [
  row(5, '2024-05-01 08:00:00'),
  row(1, '2024-05-01 09:00:00'),
  row(2, '2024-05-01 09:00:00'),
  row(3, '2024-05-02 10:15:00'),
  row(4, '2024-05-03 23:59:59'),
];

describe('ServiceNow connector', () => {
  let servicenow: ServiceNowContract;
  let connector: ServiceNowConnector;
  before(async () => {
    servicenow = await startServiceNowContract({ tables: { sys_user: USERS } });
    connector = new ServiceNowConnector({ name: 'sn', type: 'Servicenow', instanceUrl: `${servicenow.url}/`, credentials: { username: servicenow.username, password: servicenow.password } });
  });
  after(() => servicenow.stop());

  test('pages a window by sysparm_offset, oldest change first, with sys_updated_on bounds in the encoded query', async () => {
    const start = servicenow.requests.length;
    const result = await drain(connector, { object: 'sys_user', properties: { pageSize: 2 }, window: { from: new Date('2024-05-01T09:00:00Z'), to: new Date('2024-05-03T23:59:59Z') } });
    assert.deepEqual(result.records.map((record) => record['email']), ['sn1@example.com', 'sn2@example.com', 'sn3@example.com']);
    assert.equal(result.watermark?.toISOString(), '2024-05-02T10:15:00.000Z');
    const sent = servicenow.requests.slice(start);
    assert.deepEqual(sent.map((request) => request.url.searchParams.get('sysparm_offset')), ['0', '2']);
    assert.equal(sent[0]!.url.pathname, '/api/now/table/sys_user');
    assert.equal(sent[0]!.url.searchParams.get('sysparm_query'), 'sys_updated_on>=2024-05-01 09:00:00^sys_updated_on<2024-05-03 23:59:59^ORDERBYsys_updated_on^ORDERBYsys_id');
    assert.equal(sent[0]!.url.searchParams.get('sysparm_limit'), '2');
  });

  test('an open window reads the whole table; a full last page costs one more empty request', async () => {
    const result = await drain(connector, { object: 'sys_user', properties: { pageSize: 5 }, window: {} });
    assert.equal(result.records.length, 5);
    assert.equal(result.pages.length, 2);
    assert.deepEqual(result.pages[1]!.records, []);
  });

  test('an OAuth access token is sent as Bearer; a new change is seen from the watermark', async () => {
    const oauth = new ServiceNowConnector({ name: 'sn', type: 'Servicenow', instanceUrl: servicenow.url, credentials: { accessToken: servicenow.oauthToken } });
    servicenow.upsert('sys_user', row(9, '2024-06-01 00:00:01'));
    const result = await drain(oauth, { object: 'sys_user', properties: {}, window: { from: new Date('2024-05-03T23:59:59Z') } });
    assert.deepEqual(result.records.map((record) => record['email']), ['sn4@example.com', 'sn9@example.com']);
    assert.equal(servicenow.requests.at(-1)!.headers.authorization, `Bearer ${servicenow.oauthToken}`);
  });

  test('429 is transient with Retry-After; refused credentials and an invalid table are permanent with the source message', async () => {
    servicenow.inject({ status: 429, headers: { 'retry-after': '3' }, body: { error: { message: 'Rate limit exceeded', detail: null }, status: 'failure' } });
    const limited = await pullError(() => connector.pull({ object: 'sys_user', properties: {}, window: {} }));
    assert.equal(limited.transient, true);
    assert.equal(limited.retryAfterMs, 3000);

    const wrong = new ServiceNowConnector({ name: 'sn', type: 'Servicenow', instanceUrl: servicenow.url, credentials: { username: servicenow.username, password: 'nope' } });
    const refused = await pullError(() => wrong.pull({ object: 'sys_user', properties: {}, window: {} }));
    assert.equal(refused.transient, false);
    assert.match(refused.message, /HTTP 401\): User Not Authenticated/);

    const table = await pullError(() => connector.pull({ object: 'no_such_table', properties: {}, window: {} }));
    assert.equal(table.transient, false);
    assert.match(table.message, /Invalid table no_such_table/);

    const notATable = await pullError(() => connector.pull({ object: '../sys_user', properties: {}, window: {} }));
    assert.equal(notATable.transient, false);
  });

  test('a source that cannot be reached is transient', async () => {
    const closed = new ServiceNowConnector({ name: 'sn', type: 'Servicenow', instanceUrl: 'http://127.0.0.1:9', credentials: { username: 'u', password: 'p' } });
    const error = await pullError(() => closed.pull({ object: 'sys_user', properties: {}, window: {} }));
    assert.equal(error.transient, true);
    assert.match(error.message, /cannot reach/);
  });
});
