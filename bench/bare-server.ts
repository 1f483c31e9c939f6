// The baseline: a bare Node http server answering one fixed JSON body, started as its own process.
import { createServer } from 'node:http';

const BODY = JSON.stringify({ Items: [{ ProfileId: '0123456789abcdef0123456789abcdef', FirstName: 'First1', EmailAddress: 'user1@example.com' }] });

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    response.end(BODY);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
