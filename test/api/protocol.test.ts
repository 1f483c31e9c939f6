// Wire rules of the restJson1 edge and SigV4, with requests the SDK would never send (spec §1, sigv4-verification.md).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateDomainCommand, GetDomainCommand, GetSegmentDefinitionCommand, ListDomainsCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { startServer, type RunningServer } from '../support/server.js';
import { signedFetch, signedHeaders, type RawCall } from '../support/signed-fetch.js';
import { openConnection, requestHead, type RawHttpResponse } from '../support/raw-http.js';
import { rejectsWith } from '../support/errors.js';

describe('protocol edge', () => {
  let server: RunningServer;
  let client: CustomerProfilesClient;
  const call = (c: RawCall) => signedFetch(server.endpoint, server.root, c);
  before(async () => {
    server = await startServer();
    client = server.client();
    await client.send(new CreateDomainCommand({ DomainName: 'base', DefaultExpirationDays: 9 }));
  });
  after(async () => {
    client?.destroy();
    await server?.stop();
  });

  const expectError = (result: { status: number; headers: Headers; json?: Record<string, unknown> }, status: number, type: string, message?: RegExp) => {
    assert.equal(result.status, status);
    assert.equal(result.headers.get('x-amzn-errortype'), type);
    assert.equal(typeof result.json?.['Message'], 'string');
    if (message) assert.match(result.json!['Message'] as string, message);
    assert.equal(decodeURIComponent(result.headers.get('x-amzn-errormessage') ?? ''), result.json?.['Message'], 'X-Amzn-ErrorMessage carries the message');
    assert.ok(result.headers.get('x-amzn-requestid'), 'x-amzn-RequestId on errors');
    assert.ok(result.headers.get('date'), 'Date on errors');
  };

  test('a request without any signature is MissingAuthenticationTokenException', async () => {
    expectError(await call({ method: 'GET', path: '/domains', sign: false }), 403, 'MissingAuthenticationTokenException');
  });

  test('a wrong secret is InvalidSignatureException, an unknown key UnrecognizedClientException', async () => {
    const wrongSecret = server.client({ credentials: { accessKeyId: server.root.accessKeyId, secretAccessKey: 'not-the-secret' } });
    const unknownKey = server.client({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } });
    try {
      await rejectsWith(wrongSecret.send(new ListDomainsCommand({})), 'InvalidSignatureException', 403, /signature we calculated does not match/);
      await rejectsWith(unknownKey.send(new ListDomainsCommand({})), 'UnrecognizedClientException', 403, /security token included in the request is invalid/);
    } finally {
      wrongSecret.destroy();
      unknownKey.destroy();
    }
  });

  test('a signature older than 15 minutes is refused; a body swapped after signing is refused', async () => {
    const old = new Date(Date.now() - 20 * 60_000);
    expectError(await call({ method: 'GET', path: '/domains', signingDate: old }), 403, 'InvalidSignatureException', /Signature expired/);
    const future = new Date(Date.now() + 20 * 60_000);
    expectError(await call({ method: 'GET', path: '/domains', signingDate: future }), 403, 'InvalidSignatureException', /not yet current/);
  });

  test('the signature is checked over the body received whatever the method: a GET or DELETE that signed a body is answered', async () => {
    // fetch cannot send a GET body; a bare socket can, as other HTTP clients do.
    const sendRaw = async (call: RawCall, sent: string): Promise<RawHttpResponse> => {
      const headers = await signedHeaders(server.endpoint, server.root, call);
      const connection = await openConnection(server.endpoint);
      try {
        connection.send(requestHead(call.method, call.path, new URL(server.endpoint).host, { ...headers, 'content-length': String(Buffer.byteLength(sent)), connection: 'close' }) + sent);
        return await connection.response();
      } finally {
        connection.destroy();
      }
    };
    const get = await sendRaw({ method: 'GET', path: '/domains/base', body: '{}' }, '{}');
    assert.equal(get.status, 200, get.body);
    assert.equal(JSON.parse(get.body).DomainName, 'base');

    const arn = encodeURIComponent('arn:aws:profile:us-east-1:000000000000:domains/base');
    const untag = await sendRaw({ method: 'DELETE', path: `/tags/${arn}?tagKeys=none`, body: '{}' }, '{}');
    assert.equal(untag.status, 200, untag.body);

    const swapped = await sendRaw({ method: 'GET', path: '/domains/base', body: '{}' }, '{ }');
    assert.equal(swapped.status, 403, swapped.body);
    assert.equal(swapped.headers['x-amzn-errortype'], 'InvalidSignatureException');
  });

  test('a signature for another service is refused', async () => {
    expectError(await call({ method: 'GET', path: '/domains', service: 'iam' }), 403, 'InvalidSignatureException', /profile/);
  });

  test('responses carry x-amzn-RequestId, Date and epoch-second timestamps', async () => {
    const result = await call({ method: 'GET', path: '/domains/base' });
    assert.equal(result.status, 200);
    assert.ok(result.headers.get('x-amzn-requestid'));
    assert.ok(result.headers.get('date'));
    assert.match(result.headers.get('content-type') ?? '', /^application\/json/);
    const createdAt = result.json?.['CreatedAt'];
    assert.equal(typeof createdAt, 'number');
    assert.ok(Math.abs((createdAt as number) - Date.now() / 1000) < 600, `CreatedAt ${createdAt} is epoch seconds`);
  });

  test('an unknown path or a wrong method is UnknownOperationException (404)', async () => {
    expectError(await call({ method: 'GET', path: '/nothing/here' }), 404, 'UnknownOperationException');
    expectError(await call({ method: 'PATCH', path: '/domains/base' }), 404, 'UnknownOperationException');
  });

  test('an operation of the model that is not implemented answers NotImplementedException (400), which the SDK does not retry', async () => {
    const counting = server.client({ maxAttempts: 3 });
    let sent = 0;
    counting.middlewareStack.add(
      (next) => async (args) => {
        sent += 1;
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'countRequestsOnTheWire' },
    );
    try {
      const refused = counting.send(new GetSegmentDefinitionCommand({ DomainName: 'base', SegmentDefinitionName: 'segment' }));
      await refused.catch(() => undefined);
      assert.equal(sent, 1, 'one call, one request: the SDK does not retry it');
      await rejectsWith(refused, 'NotImplementedException', 400, /GetSegmentDefinition/);
    } finally {
      counting.destroy();
    }
  });

  test('malformed bodies are BadRequestException and write nothing', async () => {
    const cases: Array<[string | Uint8Array, RegExp, Record<string, string>?]> = [
      ['{"DefaultExpirationDays": 5', /not valid JSON/],
      ['[1,2]', /must be a JSON object/],
      [new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), /not valid UTF-8/],
      ['{"DefaultExpirationDays": "ten"}', /DefaultExpirationDays' .*type integer/],
      ['{"DefaultExpirationDays": 5}', /Content-Type/, { 'content-type': 'text/plain' }],
    ];
    for (const [body, message, headers] of cases) {
      expectError(await call({ method: 'POST', path: '/domains/never', body, headers }), 400, 'BadRequestException', message);
    }
    await rejectsWith(client.send(new GetDomainCommand({ DomainName: 'never' })), 'ResourceNotFoundException', 404);
  });

  test('a body over the size limit is BadRequestException', async () => {
    const huge = JSON.stringify({ DefaultExpirationDays: 5, Pad: 'x'.repeat(7 * 1024 * 1024) });
    expectError(await call({ method: 'POST', path: '/domains/huge', body: huge }), 400, 'BadRequestException', /maximum size/);
  });

  test('unknown JSON members are ignored (newer clients)', async () => {
    const result = await call({ method: 'POST', path: '/domains/future', body: '{"DefaultExpirationDays": 5, "SomethingNew": {"a": 1}}' });
    assert.equal(result.status, 200);
    assert.equal(result.json?.['DomainName'], 'future');
  });

  test('labels are decoded after routing: an encoded ARN is one label; bad encoding is a 400', async () => {
    const arn = encodeURIComponent('arn:aws:profile:us-east-1:000000000000:domains/base');
    const listed = await call({ method: 'GET', path: `/tags/${arn}` });
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.json, { tags: {} });
    expectError(await call({ method: 'GET', path: '/domains/%E0%A4%A' }), 400, 'BadRequestException', /percent-encoding/);
  });

  test('a token with URL-special characters that is not ours is a 400, not a 500', async () => {
    expectError(await call({ method: 'GET', path: `/domains?next-token=${encodeURIComponent('a+b/c=d e%f')}` }), 400, 'BadRequestException', /NextToken/);
  });
});
