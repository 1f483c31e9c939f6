// A second baseline: Fastify set up as src/server/app.ts sets it up (one catch-all route, the raw body
// read by our own parser), answering a fixed JSON body — the framework's share, without our work.
import type { IncomingMessage } from 'node:http';
import Fastify from 'fastify';

const BODY = JSON.stringify({ Items: [{ ProfileId: '0123456789abcdef0123456789abcdef', FirstName: 'First1', EmailAddress: 'user1@example.com' }] });

const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', (_request, payload: IncomingMessage, done) => {
  const chunks: Buffer[] = [];
  payload.on('data', (chunk: Buffer) => chunks.push(chunk));
  payload.on('end', () => done(null, Buffer.concat(chunks)));
});
app.route({
  method: ['GET', 'POST', 'PUT', 'DELETE'],
  url: '*',
  handler: async (_request, reply) => reply.code(200).headers({ 'content-type': 'application/json' }).send(BODY),
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
