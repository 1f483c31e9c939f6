// A full database fails every write until space is freed: each request is answered that storage is full,
// but the log says so at most once a minute instead of once per request.
import type { Logger } from 'pino';
import type { StorageFullError } from '../storage/errors.js';

const LOG_EVERY_MS = 60_000;

export class StorageFullLog {
  #last = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  /** Logs `error` unless a full storage was logged less than a minute ago. */
  report(log: Logger, error: StorageFullError, bindings: Readonly<Record<string, unknown>> = {}): void {
    const now = this.now();
    if (now - this.#last < LOG_EVERY_MS) return;
    this.#last = now;
    log.error({ err: error, ...bindings }, 'storage is full: writes fail until space is freed (logged at most once a minute)');
  }
}
