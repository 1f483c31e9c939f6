// Conformance cases for the job queue and its runner: leases, retries, dedupe, a dead worker's job resumed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JobRunner, enqueueJob, type JobHandler } from '../../../src/jobs/runner.js';
import { newScope } from './target.js';
import type { SuiteContext } from './target.js';

function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

export function jobCases(ctx: SuiteContext): void {
  describe('jobs', () => {
    it('runs a due job once, leaves a future one, and records done', async () => {
      const store = ctx.store();
      const scope = newScope();
      const time = fakeClock();
      const seen: string[] = [];
      const kind = `k-${scope.accountId}`;
      const handlers: Record<string, JobHandler> = { [kind]: async ({ job }) => void seen.push(String((job.payload as { n: number }).n)) };
      const now = time.clock();
      const due = await enqueueJob(store.jobs, scope, { kind, payload: { n: 1 }, runAt: now, now });
      await enqueueJob(store.jobs, scope, { kind, payload: { n: 2 }, runAt: new Date(now.getTime() + 60_000), now });
      const runner = new JobRunner(store, time.clock, handlers);
      assert.equal(await runner.runOnce(), 1);
      assert.equal(await runner.runOnce(), 0);
      assert.deepEqual(seen, ['1']);
      assert.equal((await store.jobs.get(due))?.status, 'done');
      time.advance(61_000);
      assert.equal(await runner.runOnce(), 1);
      assert.deepEqual(seen, ['1', '2']);
    });

    it('of two workers racing for one job exactly one runs it', async () => {
      const store = ctx.store();
      const scope = newScope();
      const time = fakeClock();
      const kind = `race-${scope.accountId}`;
      let runs = 0;
      const handlers = { [kind]: async () => void runs++ };
      const now = time.clock();
      await enqueueJob(store.jobs, scope, { kind, payload: {}, runAt: now, now });
      const a = new JobRunner(store, time.clock, handlers);
      const b = new JobRunner(store, time.clock, handlers);
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      assert.equal(ra + rb, 1);
      assert.equal(runs, 1);
    });

    it("a dead worker's job is taken over when its lease runs out, and the dead worker's late outcome is ignored", async () => {
      const store = ctx.store();
      const scope = newScope();
      const time = fakeClock();
      const kind = `lease-${scope.accountId}`;
      const now = time.clock();
      const id = await enqueueJob(store.jobs, scope, { kind, payload: {}, runAt: now, now });
      assert.ok(await store.jobs.claim(id, 'dead-worker', now, new Date(now.getTime() + 30_000)));
      const runner = new JobRunner(store, time.clock, { [kind]: async () => {} }, { leaseMs: 30_000 });
      assert.equal(await runner.runOnce(), 0, 'the lease still holds');
      time.advance(31_000);
      assert.equal(await runner.runOnce(), 1);
      assert.equal(await store.jobs.finish(id, 'dead-worker', time.clock()), false);
      const job = await store.jobs.get(id);
      assert.equal(job?.status, 'done');
      assert.equal(job?.attempts, 2);
    });

    it('a failing job is retried later, then stays failed with its error', async () => {
      const store = ctx.store();
      const scope = newScope();
      const time = fakeClock();
      const kind = `fail-${scope.accountId}`;
      const now = time.clock();
      const id = await enqueueJob(store.jobs, scope, { kind, payload: {}, runAt: now, now });
      const runner = new JobRunner(store, time.clock, { [kind]: async () => { throw new Error('source unavailable'); } }, { maxAttempts: 2 });
      assert.equal(await runner.runOnce(), 1);
      let job = await store.jobs.get(id);
      assert.equal(job?.status, 'pending');
      assert.equal(job?.lastError, 'source unavailable');
      assert.equal(await runner.runOnce(), 0, 'not before the retry time');
      time.advance(10_000);
      assert.equal(await runner.runOnce(), 1);
      job = await store.jobs.get(id);
      assert.equal(job?.status, 'failed');
      assert.equal(job?.attempts, 2);
    });

    it('a recurring job goes back to pending at its next run; an unfinished job with the same dedupe key is not enqueued twice', async () => {
      const store = ctx.store();
      const scope = newScope();
      const time = fakeClock();
      const kind = `recurring-${scope.accountId}`;
      const now = time.clock();
      const first = await enqueueJob(store.jobs, scope, { kind, payload: {}, runAt: now, now, dedupeKey: 'daily' });
      const again = await enqueueJob(store.jobs, scope, { kind, payload: {}, runAt: now, now, dedupeKey: 'daily' });
      assert.equal(again, first);
      const runner = new JobRunner(store, time.clock, { [kind]: async () => ({ rerunAt: new Date(time.clock().getTime() + 86_400_000) }) });
      assert.equal(await runner.runOnce(), 1);
      const job = await store.jobs.get(first);
      assert.equal(job?.status, 'pending');
      assert.equal(job?.runAt.getTime(), now.getTime() + 86_400_000);
      assert.equal(job?.attempts, 0, 'attempts count failures in a row, so a long-lived recurring job can still be retried');
    });
  });
}
