// Open-loop load at a fixed rate: requests are started on a schedule spread evenly over each second
// (1 ms timer ticks) and each latency is counted from the moment its request was due, so a slow
// answer that delays the next ones counts against them too (no coordinated omission).
//
// Why not autocannon's rate limit: it lets every connection send its whole per-second quota back to
// back at the start of each second and then idle, so "half load" is full load for half a second.
import { Agent, request } from 'node:http';
import type { LoadResult } from './load.js';
import type { FixedRequest } from './signed-requests.js';

export interface PacedOptions {
  readonly url: string;
  readonly requests: readonly FixedRequest[];
  readonly seconds: number;
  readonly connections: number;
  readonly ratePerSecond: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function pacedLoad(options: PacedOptions): Promise<LoadResult> {
  const { hostname, port } = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let inFlight = 0;
  const intervalMs = 1000 / options.ratePerSecond;
  const total = Math.floor(options.seconds * options.ratePerSecond);
  const start = performance.now();

  const send = (index: number): void => {
    const due = start + index * intervalMs;
    const fixed = options.requests[index % options.requests.length]!;
    inFlight += 1;
    const done = (ok: boolean, status?: number) => {
      inFlight -= 1;
      if (!ok) errors += 1;
      else if (status === undefined || status < 200 || status > 299) non2xx += 1;
      else latencies.push(performance.now() - due);
    };
    const req = request({ agent, hostname, port, method: fixed.method, path: fixed.path, headers: { ...fixed.headers, 'content-length': Buffer.byteLength(fixed.body) } }, (res) => {
      res.resume();
      res.once('end', () => done(true, res.statusCode));
      res.once('error', () => done(false));
    });
    req.once('error', () => done(false));
    req.end(fixed.body);
  };

  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const dueNow = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
      while (sent < dueNow) send(sent++);
      if (sent >= total) {
        clearInterval(timer);
        const drained = setInterval(() => {
          if (inFlight === 0) {
            clearInterval(drained);
            resolve();
          }
        }, 5);
      }
    }, 1);
  });
  agent.destroy();
  const elapsedSeconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p99Ms: Number(percentile(latencies, 99).toFixed(2)),
    non2xx,
    errors,
  };
}
