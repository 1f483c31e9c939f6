// Reads a request body up to a limit. Past the limit the rest is drained (so the client can finish sending
// and read our 400) up to a hard ceiling, after which the connection is dropped.
import type { IncomingMessage } from 'node:http';
import { bodyTooLarge } from '../domain/errors.js';

const DRAIN_CEILING_FACTOR = 8;

export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * DRAIN_CEILING_FACTOR) request.destroy();
    });
    request.on('end', () => (size > limit ? reject(bodyTooLarge(limit)) : resolve(Buffer.concat(chunks, size))));
    request.on('error', reject);
  });
}
