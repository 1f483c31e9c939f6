// What the HTTP edge does to clients that would hold it down (issue 12, finding 1): requests refused before their
// body is read, header and body deadlines, the body memory budget, connection caps, a shutdown that does not wait
// for stalled clients, quiet logs for aborted uploads, and parser errors in the service's error form.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateDomainCommand, ListDomainsCommand } from '@aws-sdk/client-customer-profiles';
import { startServer, type Credentials, type RunningServer } from '../support/server.js';
import { signedHeaders, type RawCall } from '../support/signed-fetch.js';
import { openConnection, requestHead, type RawConnection } from '../support/raw-http.js';

const KIB = 1024;

/** A signed (or unsigned) request whose head and first `sendBytes` of body go out, and then nothing more. */
async function stalledUpload(server: RunningServer, options: { declaredBytes: number; sendBytes: number; credentials?: Credentials; sign?: boolean; localAddress?: string; path?: string }): Promise<RawConnection> {
  const body = Buffer.alloc(options.declaredBytes, 'a');
  const path = options.path ?? '/domains/edge/profiles';
  const call: RawCall = { method: 'POST', path, body, sign: options.sign ?? true };
  const headers = await signedHeaders(server.endpoint, options.credentials ?? server.root, call);
  const connection = await openConnection(server.endpoint, { ...(options.localAddress && { localAddress: options.localAddress }) });
  connection.send(requestHead('POST', path, new URL(server.endpoint).host, { ...headers, 'content-length': String(body.length) }));
  connection.send(body.subarray(0, options.sendBytes));
  return connection;
}

describe('edge limits', () => {
  let server: RunningServer;
  const open: RawConnection[] = [];
  const track = (connection: RawConnection) => {
    open.push(connection);
    return connection;
  };
  before(async () => {
    server = await startServer({
      env: {
        OPENPROFILES_HEADERS_TIMEOUT_SECONDS: '1',
        OPENPROFILES_REQUEST_TIMEOUT_SECONDS: '3',
        OPENPROFILES_BODY_MEMORY_MIB: '1',
        OPENPROFILES_MAX_CONNECTIONS_PER_ADDRESS: '6',
      },
    });
    const client = server.client();
    await client.send(new CreateDomainCommand({ DomainName: 'edge', DefaultExpirationDays: 9 }));
    client.destroy();
  });
  after(async () => {
    for (const connection of open) connection.destroy();
    await server?.stop();
  });

  test('an unsigned upload is refused before its body is read', async () => {
    const upload = track(await stalledUpload(server, { declaredBytes: 5 * 1024 * KIB, sendBytes: 64 * KIB, sign: false, localAddress: '127.0.0.2' }));
    const response = await upload.response(2000);
    assert.equal(response.status, 403);
    assert.equal(response.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
    assert.equal(response.headers['connection'], 'close');
    await upload.closed(2000);
  });

  test('a malformed Authorization header is refused before the body', async () => {
    const connection = track(await openConnection(server.endpoint, { localAddress: '127.0.0.2' }));
    connection.send(requestHead('POST', '/domains/edge/profiles', 'x', { authorization: 'AWS4-HMAC-SHA256 nonsense', 'x-amz-date': '20260101T000000Z', 'content-length': '4000000' }));
    connection.send('{"a":');
    const response = await connection.response(2000);
    assert.equal(response.status, 403);
    assert.equal(response.headers['x-amzn-errortype'], 'IncompleteSignatureException');
  });

  test('a request signed by a key nobody has is refused before the body', async () => {
    const unknown = { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'not-a-secret' };
    const upload = track(await stalledUpload(server, { declaredBytes: 4 * 1024 * KIB, sendBytes: 16 * KIB, credentials: unknown, localAddress: '127.0.0.2' }));
    const response = await upload.response(2000);
    assert.equal(response.status, 403);
    assert.equal(response.headers['x-amzn-errortype'], 'UnrecognizedClientException');
  });

  test('an unsigned IAM request is refused in the awsQuery error form before its body', async () => {
    const connection = track(await openConnection(server.endpoint, { localAddress: '127.0.0.2' }));
    connection.send(requestHead('POST', '/', 'x', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '100000' }));
    connection.send('Action=ListUsers&');
    const response = await connection.response(2000);
    assert.equal(response.status, 403);
    assert.match(response.body, /<ErrorResponse[\s\S]*<Code>MissingAuthenticationTokenException<\/Code>/);
  });

  test('Expect: 100-continue is granted only to a request whose headers authenticate', async () => {
    const path = '/domains/edge/profiles';
    const refused = track(await openConnection(server.endpoint, { localAddress: '127.0.0.2' }));
    refused.send(requestHead('POST', path, 'x', { 'content-type': 'application/json', 'content-length': '2', expect: '100-continue' }));
    const refusal = await refused.response(2000);
    assert.equal(refusal.status, 403, 'refused without a 100 Continue first');

    const headers = await signedHeaders(server.endpoint, server.root, { method: 'POST', path, body: '{}' });
    const granted = track(await openConnection(server.endpoint, { localAddress: '127.0.0.2' }));
    granted.send(requestHead('POST', path, new URL(server.endpoint).host, { ...headers, 'content-length': '2', expect: '100-continue' }));
    const interim = await granted.response(2000);
    assert.equal(interim.status, 100);
  });

  test('headers that never finish are answered 408 and the connection closed after the header deadline', async () => {
    const connection = track(await openConnection(server.endpoint, { localAddress: '127.0.0.3' }));
    connection.send('GET /domains HTTP/1.1\r\nhost: x\r\n');
    const response = await connection.response(5000);
    assert.equal(response.status, 408);
    assert.equal(response.headers['x-amzn-errortype'], 'RequestTimeout');
    await connection.closed(3000);
  });

  test('a connection that never sends anything is closed after the header deadline', async () => {
    const connection = track(await openConnection(server.endpoint, { localAddress: '127.0.0.3' }));
    const closedAfter = await connection.closed(5000);
    assert.ok(closedAfter >= 500, `closed after ${closedAfter} ms`);
  });

  test('a signed body that stops arriving is cut off at the request deadline', async () => {
    const upload = track(await stalledUpload(server, { declaredBytes: 200 * KIB, sendBytes: 10 * KIB, localAddress: '127.0.0.4' }));
    const closedAfter = await upload.closed(7000);
    assert.ok(closedAfter >= 2000, `closed after ${closedAfter} ms, before the 3 s deadline`);
  });

  test('bodies beyond the body memory budget are refused with ThrottlingException; requests without one still work', async () => {
    const holder = track(await stalledUpload(server, { declaredBytes: 800 * KIB, sendBytes: 700 * KIB, localAddress: '127.0.0.5' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = track(await stalledUpload(server, { declaredBytes: 800 * KIB, sendBytes: 700 * KIB, localAddress: '127.0.0.5' }));
    const refused = await second.response(2000);
    assert.equal(refused.status, 429);
    assert.equal(refused.headers['x-amzn-errortype'], 'ThrottlingException');
    assert.equal(refused.headers['connection'], 'close');

    const client = server.client();
    try {
      const listed = await client.send(new ListDomainsCommand({}));
      assert.ok(listed.Items?.some((item) => item.DomainName === 'edge'));
    } finally {
      client.destroy();
    }
    holder.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const whole = track(await stalledUpload(server, { declaredBytes: 700 * KIB, sendBytes: 700 * KIB, localAddress: '127.0.0.5' }));
    const answered = await whole.response(3000);
    assert.equal(answered.status, 400, 'a body that fits is read and answered (here: not a JSON object)');
    assert.equal(answered.headers['x-amzn-errortype'], 'BadRequestException');
  });

  test('connections past the per-address cap are closed as they arrive; other addresses are served', async () => {
    const connections = await Promise.all(Array.from({ length: 10 }, () => openConnection(server.endpoint, { localAddress: '127.0.0.6' }).then(track)));
    const outcomes = await Promise.all(connections.map((c) => c.closed(500).then(() => 'closed', () => 'open')));
    assert.equal(outcomes.filter((o) => o === 'open').length, 6);
    const client = server.client();
    try {
      await client.send(new ListDomainsCommand({}));
    } finally {
      client.destroy();
    }
  });

  test("what the parser cannot read is answered in the service's error form", async () => {
    const garbage = track(await openConnection(server.endpoint, { localAddress: '127.0.0.7' }));
    garbage.send('NOT AN HTTP REQUEST\r\n\r\n');
    const bad = await garbage.response(2000);
    assert.equal(bad.status, 400);
    assert.equal(bad.headers['x-amzn-errortype'], 'BadRequestException');
    assert.match(JSON.parse(bad.body).Message as string, /could not be read/);
    assert.equal(bad.headers['x-amzn-errormessage'], JSON.parse(bad.body).Message);
    assert.ok(bad.headers['x-amzn-requestid']);

    const huge = track(await openConnection(server.endpoint, { localAddress: '127.0.0.7' }));
    huge.send(requestHead('GET', '/domains', 'x', { 'x-filler': 'a'.repeat(20 * KIB) }));
    const tooLarge = await huge.response(2000);
    assert.equal(tooLarge.status, 431);
    assert.equal(tooLarge.headers['x-amzn-errortype'], 'RequestHeaderFieldsTooLarge');
    assert.equal(typeof JSON.parse(tooLarge.body).Message, 'string');
    assert.equal(tooLarge.headers['x-amzn-errormessage'], JSON.parse(tooLarge.body).Message);
  });
});

describe('edge shutdown and logs', () => {
  test('SIGTERM closes stalled and idle connections at once instead of waiting for them', async () => {
    const server = await startServer();
    const connections: RawConnection[] = [];
    try {
      const client = server.client();
      await client.send(new CreateDomainCommand({ DomainName: 'edge', DefaultExpirationDays: 9 }));
      client.destroy();
      connections.push(await stalledUpload(server, { declaredBytes: 3 * 1024 * KIB, sendBytes: 512 * KIB }));
      const header = await openConnection(server.endpoint);
      header.send('GET /domains HTTP/1.1\r\nhost: x\r\n');
      connections.push(header, await openConnection(server.endpoint));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stoppedAt = Date.now();
      const code = await server.stop('SIGTERM');
      assert.equal(code, 0);
      assert.ok(Date.now() - stoppedAt < 5000, `the server took ${Date.now() - stoppedAt} ms to stop`);
    } finally {
      for (const connection of connections) connection.destroy();
      await server.stop();
    }
  });

  test('uploads the client abandons leave no error in the log', async () => {
    const server = await startServer({ env: { OPENPROFILES_LOG_LEVEL: 'info' } });
    try {
      const uploads = await Promise.all(Array.from({ length: 20 }, () => stalledUpload(server, { declaredBytes: 256 * KIB, sendBytes: 64 * KIB })));
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const upload of uploads) upload.destroy();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const errors = server.output().split('\n').filter((line) => /"level":(50|60)/.test(line) || /\bat [\w.<>]+ \(/.test(line));
      assert.deepEqual(errors, []);
    } finally {
      await server.stop();
    }
  });
});
