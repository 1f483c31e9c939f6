// Runs matcher work off the main thread, so the API keeps answering while a domain is matched.
// OPENPROFILES_MATCHING_THREADS: how many matcher threads may run at once in this process (default 1;
// 0 runs the matcher inline, on the caller's thread). Stats go to the diagnostics channel below.
import { channel } from 'node:diagnostics_channel';
import { Worker } from 'node:worker_threads';
import type { MatchStats } from '../index.js';

/** Publishes each run's MatchStats (records, pairs compared, …) and its duration in milliseconds. */
export const matchingStatsChannel = channel('openprofiles:matching:stats');

export interface RunMatcherOptions {
  /** Threads allowed at once; 0 = inline. Defaults to OPENPROFILES_MATCHING_THREADS, else 1. */
  readonly threads?: number;
  /** Called every `keepAliveMs` while the matcher runs (a job renews its lease). */
  readonly keepAlive?: () => Promise<unknown>;
  readonly keepAliveMs?: number;
}

export function configuredThreads(env: NodeJS.ProcessEnv = process.env): number {
  const value = env['OPENPROFILES_MATCHING_THREADS'];
  return value === undefined || value.trim() === '' ? 1 : checkedThreads(Number(value), 'OPENPROFILES_MATCHING_THREADS');
}

/** The options' thread count, else the configured one; a bad count is refused, not ignored. */
export function threadsOf(options: RunMatcherOptions): number {
  return options.threads === undefined ? configuredThreads() : checkedThreads(options.threads, 'threads');
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

/** A message a matcher thread posts: progress along the way, then one final reply. */
export type ThreadMessage<Progress, Reply> = { readonly kind: 'progress'; readonly progress: Progress } | { readonly kind: 'done'; readonly reply: ThreadReply<Reply> };
export type ThreadReply<Reply> = { readonly ok: true; readonly value: Reply } | { readonly ok: false; readonly message: string };

/** Runs the worker `file` with `workerData` once at most `threads` run in this process; resolves with its reply. */
export async function runInMatcherThread<Progress, Reply>(
  file: URL,
  workerData: unknown,
  threads: number,
  onProgress: (progress: Progress) => void = () => undefined,
): Promise<Reply> {
  await acquire(threads);
  try {
    return await new Promise<Reply>((resolve, reject) => {
      const worker = new Worker(file, { workerData });
      let settled = false;
      worker.on('message', (message: ThreadMessage<Progress, Reply>) => {
        if (message.kind === 'progress') return onProgress(message.progress);
        settled = true;
        if (message.reply.ok) resolve(message.reply.value);
        else reject(new Error(message.reply.message));
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`the matcher thread exited with code ${code} before answering`));
      });
    });
  } finally {
    release();
  }
}

/** Runs `work` while calling options.keepAlive every keepAliveMs (default 15 s). */
export async function keepingAlive<T>(options: RunMatcherOptions, work: () => Promise<T>): Promise<T> {
  const timer = options.keepAlive && setInterval(() => void options.keepAlive?.().catch(() => undefined), options.keepAliveMs ?? 15_000);
  try {
    return await work();
  } finally {
    if (timer) clearInterval(timer);
  }
}

export function publishMatchingStats(stats: MatchStats, startedAt: number): void {
  if (matchingStatsChannel.hasSubscribers) matchingStatsChannel.publish({ ...stats, totalMilliseconds: Math.round(performance.now() - startedAt) });
}
