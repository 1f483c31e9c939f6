// Holds the server's connections within its caps (per process, per client address) and knows which of them
// are only sending, so a shutdown can close those at once and wait only for requests being answered.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { EdgeLimits } from './edge-config.js';

export class ConnectionGuard {
  readonly #perAddress = new Map<string, number>();
  readonly #open = new Set<Socket>();
  /** The request each connection is on, until its answer is sent. */
  readonly #inFlight = new Map<Socket, IncomingMessage>();

  constructor(private readonly limits: Pick<EdgeLimits, 'maxConnections' | 'maxConnectionsPerAddress'>) {}

  attach(server: Server): void {
    server.maxConnections = this.limits.maxConnections;
    server.on('connection', (socket: Socket) => this.#admit(socket));
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const socket = request.socket;
      this.#inFlight.set(socket, request);
      const done = () => {
        if (this.#inFlight.get(socket) === request) this.#inFlight.delete(socket);
      };
      response.once('finish', done);
      response.once('close', done);
    });
  }

  get openConnections(): number {
    return this.#open.size;
  }

  /** Closes every connection that is not waiting for the answer to a whole request: idle, stalled or mid-upload. */
  closeUnanswered(): void {
    for (const socket of this.#open) {
      const request = this.#inFlight.get(socket);
      if (request === undefined || !request.complete) socket.destroy();
    }
  }

  closeAll(): void {
    for (const socket of this.#open) socket.destroy();
  }

  #admit(socket: Socket): void {
    const address = socket.remoteAddress ?? '';
    const cap = this.limits.maxConnectionsPerAddress;
    const count = (this.#perAddress.get(address) ?? 0) + 1;
    if (cap > 0 && count > cap) {
      socket.destroy();
      return;
    }
    this.#perAddress.set(address, count);
    this.#open.add(socket);
    socket.once('close', () => {
      this.#open.delete(socket);
      this.#inFlight.delete(socket);
      const left = (this.#perAddress.get(address) ?? 1) - 1;
      if (left <= 0) this.#perAddress.delete(address);
      else this.#perAddress.set(address, left);
    });
  }
}
