// Conformance cases for a domain's match groups: one job's set replaces another's whole.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MatchGroupRecord, Scope, Store } from '../../../src/storage/ports.js';
import { newScope } from './target.js';
import type { SuiteContext } from './target.js';

function groupsOf(jobId: string, count: number): MatchGroupRecord[] {
  return Array.from({ length: count }, (_, k) => ({
    matchId: `${jobId}-${String(k).padStart(4, '0')}`,
    jobId,
    profileIds: [`${jobId}-p${k}a`, `${jobId}-p${k}b`],
    confidenceScore: 0.5 + k / (2 * count),
    generatedAt: new Date(1_700_000_000_123),
  }));
}

async function jobsListed(store: Store, scope: Scope, domainName: string): Promise<string[]> {
  const jobs = new Set<string>();
  let after: string | undefined;
  do {
    const page = await store.identityResolution.listMatches(scope, domainName, { limit: 250, after });
    for (const group of page.items) jobs.add(group.jobId);
    after = page.nextAfter;
  } while (after !== undefined);
  return [...jobs];
}

export function matchGroupCases(ctx: SuiteContext): void {
  describe('match groups', () => {
    it('a job’s groups replace the previous set whole, more than one chunk of them', async () => {
      const { identityResolution } = ctx.store();
      const scope: Scope = newScope();
      await identityResolution.replaceMatches(scope, 'd', 'job1', groupsOf('job1', 700));
      assert.deepEqual(await jobsListed(ctx.store(), scope, 'd'), ['job1']);
      await identityResolution.replaceMatches(scope, 'd', 'job2', groupsOf('job2', 1_200));
      assert.deepEqual(await jobsListed(ctx.store(), scope, 'd'), ['job2']);
      const page = await identityResolution.listMatches(scope, 'd', { limit: 2_000 });
      assert.equal(page.items.length, 1_200);
      assert.equal(await identityResolution.getMatch(scope, 'd', 'job1-0001'), undefined, 'the previous set is gone');
      assert.deepEqual((await identityResolution.matchOf(scope, 'd', 'job2-p7b'))?.matchId, 'job2-0007');
    });

    it('groups written by a job that has not switched yet stay hidden, and the next job removes them', async () => {
      const { identityResolution } = ctx.store();
      const scope: Scope = newScope();
      await identityResolution.replaceMatches(scope, 'd', 'job1', groupsOf('job1', 3));
      // A job that fails after its first chunk was written (a duplicate match id in the second) never switches.
      const store = ctx.store();
      const failing = groupsOf('dead', 300);
      failing[250] = { ...failing[250]!, matchId: failing[10]!.matchId };
      await assert.rejects(identityResolution.replaceMatches(scope, 'd', 'dead', failing));
      assert.deepEqual(await jobsListed(store, scope, 'd'), ['job1']);
      assert.equal(await identityResolution.getMatch(scope, 'd', 'dead-0001'), undefined, 'its written chunk stays hidden');
      assert.equal(await identityResolution.matchOf(scope, 'd', 'dead-p1a'), undefined);
      await identityResolution.replaceMatches(scope, 'd', 'job3', groupsOf('job3', 2));
      assert.deepEqual(await jobsListed(store, scope, 'd'), ['job3']);
      assert.equal((await identityResolution.listMatches(scope, 'd', { limit: 100 })).items.length, 2);
    });

    it('a job with no groups leaves the domain with none', async () => {
      const { identityResolution } = ctx.store();
      const scope: Scope = newScope();
      await identityResolution.replaceMatches(scope, 'd', 'job1', groupsOf('job1', 5));
      await identityResolution.replaceMatches(scope, 'd', 'job2', []);
      assert.deepEqual((await identityResolution.listMatches(scope, 'd', { limit: 10 })).items, []);
    });
  });
}
