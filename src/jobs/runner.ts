// Runs durable jobs: claims due jobs under a lease, runs their handler, records the outcome. A job whose
// worker died is claimed again when its lease runs out; a lease lost mid-run makes the outcome a no-op.
// Tests drive runOnce() with their own clock; start() polls for a server process.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { JobRecord, Scope, Store } from '../storage/ports.js';
import type { Clock } from '../domain/clock.js';

export interface JobContext {
  readonly job: JobRecord;
  readonly scope: Scope;
  /** Extends the lease; false means another worker owns the job now and this run should stop. */
  renew(): Promise<boolean>;
}

/** What a handler returns: nothing when done, or when to run again (recurring jobs). */
export type JobOutcome = void | { readonly rerunAt: Date };
export type JobHandler = (context: JobContext) => Promise<JobOutcome>;

export interface RunnerOptions {
  readonly owner?: string;
  readonly leaseMs?: number;
  readonly batchSize?: number;
  readonly pollMs?: number;
  /** Attempts after which a failing job stays failed. */
  readonly maxAttempts?: number;
  readonly log?: Logger;
}

const RETRY_BASE_MS = 5_000;

export class JobRunner {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly options: RunnerOptions = {},
  ) {
    this.owner = options.owner ?? `worker-${randomUUID()}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 10;
    this.pollMs = options.pollMs ?? 1_000;
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /** Claims and runs the jobs due now; resolves with how many this worker ran. */
  async runOnce(): Promise<number> {
    const now = this.clock();
    const ids = await this.store.jobs.due(now, Object.keys(this.handlers), this.batchSize);
    let ran = 0;
    for (const id of ids) {
      const claimedAt = this.clock();
      if (!(await this.store.jobs.claim(id, this.owner, claimedAt, new Date(claimedAt.getTime() + this.leaseMs)))) continue;
      const job = await this.store.jobs.get(id);
      if (job) {
        await this.run(job);
        ran++;
      }
    }
    return ran;
  }

  private async run(job: JobRecord): Promise<void> {
    const handler = this.handlers[job.kind];
    const context: JobContext = {
      job,
      scope: { accountId: job.accountId, region: job.region },
      renew: () => this.store.jobs.renew(job.id, this.owner, new Date(this.clock().getTime() + this.leaseMs)),
    };
    try {
      const outcome = handler ? await handler(context) : undefined;
      await this.store.jobs.finish(job.id, this.owner, this.clock(), outcome ? outcome.rerunAt : undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = job.attempts < this.maxAttempts ? new Date(this.clock().getTime() + RETRY_BASE_MS * 2 ** (job.attempts - 1)) : undefined;
      this.options.log?.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error }, 'job failed');
      await this.store.jobs.fail(job.id, this.owner, this.clock(), message, retry);
    }
  }

  /** Polls until stop(). */
  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.runOnce().catch((error: unknown) => this.options.log?.error({ err: error }, 'job poll failed'));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.pollMs);
    };
    void tick();
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

/** Enqueues a job with a fresh id (inside a transaction when given that transaction's repositories). */
export function enqueueJob(
  jobs: Store['jobs'],
  scope: Scope,
  job: { kind: string; payload: import('../storage/ports.js').JsonValue; runAt: Date; dedupeKey?: string; now: Date },
): Promise<string> {
  return jobs.enqueue(scope, { id: randomUUID(), kind: job.kind, payload: job.payload, runAt: job.runAt, dedupeKey: job.dedupeKey, createdAt: job.now });
}
