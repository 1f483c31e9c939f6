// Conformance cases for Store.transaction: atomicity, rollback, and retry on conflict.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConflictError, UniqueViolationError } from '../../../src/storage/errors.js';
import { domainArn, domainRecord, newAccountId, newScope, unlessGap } from './target.js';
import type { SuiteContext } from './target.js';

export function transactionCases(ctx: SuiteContext): void {
  describe('transactions', () => {
    it('commits all writes together and returns the result of work', async () => {
      const store = ctx.store();
      const scope = newScope();
      const result = await store.transaction(async (repos) => {
        await repos.accounts.create(scope.accountId, new Date());
        await repos.domains.create(scope, domainRecord('t1'));
        await repos.tags.put(scope, domainArn(scope, 't1'), { k: 'v' });
        return repos.domains.count(scope);
      });
      assert.equal(result, 1);
      assert.ok(await store.accounts.get(scope.accountId));
      assert.ok(await store.domains.get(scope, 't1'));
      assert.deepEqual(await store.tags.get(scope, domainArn(scope, 't1')), { k: 'v' });
    });

    it('rolls everything back when work throws, and rethrows its error', async () => {
      const store = ctx.store();
      const scope = newScope();
      const failure = new Error('work failed');
      await assert.rejects(
        store.transaction(async (repos) => {
          await repos.accounts.create(scope.accountId, new Date());
          await repos.domains.create(scope, domainRecord('t1'));
          await repos.tags.put(scope, domainArn(scope, 't1'), { k: 'v' });
          assert.equal(await repos.domains.count(scope), 1);
          throw failure;
        }),
        (error) => error === failure,
      );
      assert.equal(await store.accounts.get(scope.accountId), undefined);
      assert.equal(await store.domains.count(scope), 0);
      assert.deepEqual(await store.tags.get(scope, domainArn(scope, 't1')), {});
    });

    it('reruns work after a ConflictError, with the failed attempt rolled back', async () => {
      const store = ctx.store();
      const scope = newScope();
      let attempts = 0;
      const result = await store.transaction(async (repos) => {
        attempts += 1;
        // A leaked write from an earlier attempt would make this a unique violation.
        await repos.domains.create(scope, domainRecord('retried'));
        if (attempts < 3) throw new ConflictError('simulated serialization failure');
        return attempts;
      });
      assert.equal(result, 3);
      assert.equal(await store.domains.count(scope), 1);
    });

    it('gives up after the first try and three retries', async () => {
      let attempts = 0;
      await assert.rejects(
        ctx.store().transaction(async () => {
          attempts += 1;
          throw new ConflictError('always conflicting');
        }),
        ConflictError,
      );
      assert.equal(attempts, 4);
    });

    it('does not retry other storage errors', async () => {
      const store = ctx.store();
      const accountId = newAccountId();
      await store.accounts.create(accountId, new Date());
      let attempts = 0;
      await assert.rejects(
        store.transaction(async (repos) => {
          attempts += 1;
          await repos.accounts.create(accountId, new Date());
        }),
        UniqueViolationError,
      );
      assert.equal(attempts, 1);
    });

    it('retries the loser of a real deadlock until both transactions commit', unlessGap(ctx.target, 'concurrentTransactions'), async () => {
      const store = ctx.store();
      const scope = newScope();
      await store.domains.create(scope, domainRecord('left'));
      await store.domains.create(scope, domainRecord('right'));
      const bothHoldOneLock = oneShotBarrier(2);
      let attempts = 0;
      const crossUpdate = (first: string, second: string) =>
        store.transaction(async (repos) => {
          attempts += 1;
          await repos.domains.update(scope, first, { defaultExpirationDays: 1, lastUpdatedAt: new Date() });
          await bothHoldOneLock();
          await repos.domains.update(scope, second, { defaultExpirationDays: 2, lastUpdatedAt: new Date() });
        });
      await Promise.all([crossUpdate('left', 'right'), crossUpdate('right', 'left')]);
      assert.equal(attempts, 3);
    });
  });

  describe('grouped transactions', () => {
    it('concurrent writes all commit, a failing one is undone alone, and each answers its own result', async () => {
      const store = ctx.store();
      const scope = newScope();
      await store.accounts.create(scope.accountId, new Date());
      const failure = new Error('write 3 failed');
      const writes = Array.from({ length: 8 }, (_, n) =>
        store.groupedTransaction(async (repos) => {
          await repos.domains.create(scope, domainRecord(`g${n}`));
          await repos.tags.put(scope, domainArn(scope, `g${n}`), { n: String(n) });
          if (n === 3) throw failure;
          return n;
        }),
      );
      const settled = await Promise.allSettled(writes);
      assert.deepEqual(
        settled.map((result) => (result.status === 'fulfilled' ? result.value : result.reason === failure ? 'failed' : result.reason)),
        [0, 1, 2, 'failed', 4, 5, 6, 7],
      );
      assert.equal(await store.domains.get(scope, 'g3'), undefined, 'the failed write left nothing');
      assert.deepEqual(await store.tags.get(scope, domainArn(scope, 'g3')), {});
      assert.equal(await store.domains.count(scope), 7);
      assert.deepEqual(await store.tags.get(scope, domainArn(scope, 'g7')), { n: '7' });
    });

    it('reruns the writes after a ConflictError, with the failed attempt rolled back', async () => {
      const store = ctx.store();
      const scope = newScope();
      let attempts = 0;
      const [first, second] = await Promise.all([
        store.groupedTransaction(async (repos) => {
          attempts += 1;
          await repos.domains.create(scope, domainRecord('seen'));
          if (attempts < 2) throw new ConflictError('simulated serialization failure');
          return 'created';
        }),
        store.groupedTransaction(async (repos) => {
          await repos.domains.create(scope, domainRecord('beside'));
          return 'also created';
        }),
      ]);
      assert.equal(first, 'created');
      assert.equal(second, 'also created');
      assert.equal(attempts, 2);
      assert.equal(await store.domains.count(scope), 2, 'a leaked write of the failed attempt would be a unique violation');
    });
  });
}

/** Resolves once `parties` callers have arrived; later callers pass straight through. */
function oneShotBarrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived >= parties) open();
    return opened;
  };
}
