// Runs autocannon against fixed requests and reduces its result to the figures we report.
import autocannon from 'autocannon';
import type { FixedRequest } from './signed-requests.js';

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly requests: readonly FixedRequest[];
  readonly seconds: number;
  readonly connections: number;
  /** Total requests per second across connections; unset = as fast as possible. */
  readonly overallRate?: number;
  /**
   * Receives every response's latency in milliseconds (to pool several runs into one percentile), with the
   * same coordinated-omission samples autocannon adds to its own histogram at a fixed rate, so a pooled
   * percentile reads like autocannon's percentile of one long run.
   */
  readonly latencies?: number[];
}

/** The p-th percentile (0–100) of latencies in milliseconds, nearest rank. */
export function percentile(latencies: readonly number[], p: number): number {
  if (latencies.length === 0) return Number.NaN;
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        pipelining: 1,
        ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
        requests: options.requests.map((request) => ({ method: request.method, path: request.path, headers: request.headers, body: request.body })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    const sink = options.latencies;
    // autocannon records each latency with an expected interval of ceil(1 / per-connection rate).
    const interval = options.overallRate === undefined ? undefined : Math.ceil(1 / Math.floor(options.overallRate / options.connections));
    if (sink) {
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        sink.push(responseTime);
        if (interval !== undefined) for (let missing = responseTime - interval; missing >= interval; missing -= interval) sink.push(missing);
      });
    }
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** One markdown table row: req/s, p50, p99 and the share of `base`'s req/s. */
export function tableRow(name: string, result: LoadResult, base?: LoadResult): string {
  const ratio = base ? `${((100 * result.requestsPerSecond) / base.requestsPerSecond).toFixed(0)}%` : '—';
  const bad = result.non2xx + result.errors > 0 ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : '';
  return `| ${name} | ${Math.round(result.requestsPerSecond)} | ${result.p50Ms} | ${result.p99Ms} | ${ratio} |${bad}`;
}
