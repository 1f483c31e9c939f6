// Reads a request body up to a limit, holding its bytes against the process's body budget while it is read.
// Past the limit the rest is drained (so the client can finish sending and read our 400) up to a hard
// ceiling, after which the connection is dropped. A client that goes away mid-body is a ClientAborted.
import type { IncomingMessage } from 'node:http';
import { bodyTooLarge, serverBusyReadingBodies } from '../domain/errors.js';
import type { BodyBudget } from './edge/body-budget.js';

const DRAIN_CEILING_FACTOR = 8;

/** The client closed the connection before its body was complete: there is nobody left to answer. */
export class ClientAborted extends Error {
  constructor() {
    super('the client closed the connection before sending its whole body');
    this.name = 'ClientAborted';
  }
}

export function readBody(request: IncomingMessage, limit: number, budget: BodyBudget): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let held = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      budget.release(held);
      held = 0;
      outcome();
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size <= limit) {
        if (!budget.reserve(chunk.length)) {
          request.pause();
          settle(() => reject(serverBusyReadingBodies()));
          return;
        }
        held += chunk.length;
        chunks.push(chunk);
      } else if (size > limit * DRAIN_CEILING_FACTOR) {
        request.destroy();
      } else if (chunks.length > 0) {
        chunks.length = 0;
        budget.release(held);
        held = 0;
      }
    });
    request.on('end', () => settle(() => (size > limit ? reject(bodyTooLarge(limit)) : resolve(Buffer.concat(chunks, size)))));
    request.on('error', () => settle(() => reject(new ClientAborted())));
    request.on('close', () => settle(() => reject(new ClientAborted())));
  });
}
