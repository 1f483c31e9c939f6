// Runs the matcher for a job off the main thread, so the API keeps answering while a domain is matched.
// OPENPROFILES_MATCHING_THREADS: how many matcher threads may run at once in this process (default 1;
// 0 runs the matcher inline, on the caller's thread). Stats go to the diagnostics channel below.
import { channel } from 'node:diagnostics_channel';
import { Worker } from 'node:worker_threads';
import { findMatches } from '../engine.js';
import type { MatchRecord } from '../record.js';
import { toColumnsInTurns } from './columns.js';
import { fromCompact, type MatchOutcome, type MatcherReply, type MatcherRequest } from './protocol.js';

/** Publishes each run's MatchStats (records, pairs compared, …) and its duration in milliseconds. */
export const matchingStatsChannel = channel('openprofiles:matching:stats');

export interface RunMatcherOptions {
  /** Threads allowed at once; 0 = inline. Defaults to OPENPROFILES_MATCHING_THREADS, else 1. */
  readonly threads?: number;
  /** Called every `keepAliveMs` while the matcher runs (a job renews its lease). */
  readonly keepAlive?: () => Promise<unknown>;
  readonly keepAliveMs?: number;
}

const THREAD_FILE = new URL('./matcher-thread.js', import.meta.url);

export function configuredThreads(env: NodeJS.ProcessEnv = process.env): number {
  const value = env['OPENPROFILES_MATCHING_THREADS'];
  return value === undefined || value.trim() === '' ? 1 : checkedThreads(Number(value), 'OPENPROFILES_MATCHING_THREADS');
}

function checkedThreads(threads: number, name: string): number {
  if (!Number.isInteger(threads) || threads < 0) throw new Error(`${name} must be a whole number >= 0, not ${threads}`);
  return threads;
}

/** Threads in use and runs waiting for one, across the process (a pool of at most `threads` at once). */
let busy = 0;
const waiting: (() => void)[] = [];

async function acquire(limit: number): Promise<void> {
  if (busy < limit) {
    busy++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else busy--;
}

async function inThread(records: readonly MatchRecord[]): Promise<MatchOutcome> {
  const request: MatcherRequest = { records: await toColumnsInTurns(records) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD_FILE, { workerData: request });
    let settled = false;
    worker.once('message', (reply: MatcherReply) => {
      settled = true;
      if (reply.ok) fromCompact(reply.result).then(resolve, reject);
      else reject(new Error(reply.message));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the matcher thread exited with code ${code} before answering`));
    });
  });
}

/** The matcher's clusters, matches and stats for `records` (indexes into it), computed in a worker thread. */
export async function runMatcher(records: readonly MatchRecord[], options: RunMatcherOptions = {}): Promise<MatchOutcome> {
  const threads = options.threads === undefined ? configuredThreads() : checkedThreads(options.threads, 'threads');
  const started = performance.now();
  const timer = options.keepAlive && setInterval(() => void options.keepAlive?.().catch(() => undefined), options.keepAliveMs ?? 15_000);
  try {
    let outcome: MatchOutcome;
    if (threads === 0) {
      const { clusters, matches, stats } = findMatches(records);
      outcome = { clusters, matches, stats };
    }
    else {
      await acquire(threads);
      try {
        outcome = await inThread(records);
      } finally {
        release();
      }
    }
    if (matchingStatsChannel.hasSubscribers) matchingStatsChannel.publish({ ...outcome.stats, totalMilliseconds: Math.round(performance.now() - started) });
    return outcome;
  } finally {
    if (timer) clearInterval(timer);
  }
}
