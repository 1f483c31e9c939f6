// A stand-in SQS queue endpoint for tests: answers SendMessage (AWS JSON 1.0, as @aws-sdk/client-sqs sends it)
// with the body's MD5 the client checks, and records what it received (with the access key id the request was
// signed with). Not our code under test: an outside service.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSqs {
  readonly url: string;
  readonly received: Array<{ queueUrl: string; body: string; target: string; accessKeyId?: string }>;
  close(): Promise<void>;
}

export async function startFakeSqs(): Promise<FakeSqs> {
  const received: FakeSqs['received'] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      let input: { QueueUrl?: string; MessageBody?: string } = {};
      try {
        input = JSON.parse(text || '{}') as typeof input;
      } catch {
        // recorded all the same: whatever reached this listener counts
      }
      const accessKeyId = /Credential=([^/,\s]+)\//.exec(String(request.headers['authorization'] ?? ''))?.[1];
      received.push({ queueUrl: input.QueueUrl ?? '', body: input.MessageBody ?? '', target, ...(accessKeyId ? { accessKeyId } : {}) });
      const md5 = createHash('md5').update(input.MessageBody ?? '').digest('hex');
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ MessageId: `m-${received.length}`, MD5OfMessageBody: md5 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
