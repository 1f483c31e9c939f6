// Conformance cases for tenancy: the same names in another account or region never meet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Scope } from '../../../src/storage/ports.js';
import { domainArn, domainRecord, newAccountId } from './target.js';
import type { SuiteContext } from './target.js';

/** One account in two regions, and a second account in the first region. */
function threeScopes(): [home: Scope, otherAccount: Scope, otherRegion: Scope] {
  const accountId = newAccountId();
  return [
    { accountId, region: 'us-east-1' },
    { accountId: newAccountId(), region: 'us-east-1' },
    { accountId, region: 'eu-west-2' },
  ];
}

export function scopeCases(ctx: SuiteContext): void {
  describe('scope isolation', () => {
    it('keeps same-named domains in other accounts and regions independent', async () => {
      const { domains } = ctx.store();
      const scopes = threeScopes();
      for (const [index, scope] of scopes.entries()) {
        await domains.create(scope, domainRecord('shared', { defaultExpirationDays: index + 1 }));
      }
      await domains.create(scopes[0], domainRecord('home-only'));
      for (const [index, scope] of scopes.entries()) {
        assert.equal((await domains.get(scope, 'shared'))?.defaultExpirationDays, index + 1);
      }
      assert.equal(await domains.get(scopes[1], 'home-only'), undefined);
      assert.equal(await domains.get(scopes[2], 'home-only'), undefined);
      assert.deepEqual((await domains.list(scopes[1], { limit: 10 })).items.map((d) => d.name), ['shared']);
      assert.deepEqual([await domains.count(scopes[0]), await domains.count(scopes[1])], [2, 1]);

      await domains.update(scopes[1], 'shared', { defaultExpirationDays: 99, lastUpdatedAt: new Date() });
      assert.equal(await domains.delete(scopes[2], 'home-only'), false);
      assert.equal(await domains.delete(scopes[0], 'shared'), true);
      assert.equal((await domains.get(scopes[1], 'shared'))?.defaultExpirationDays, 99);
      assert.equal((await domains.get(scopes[2], 'shared'))?.defaultExpirationDays, 3);
      assert.ok(await domains.get(scopes[0], 'home-only'));
    });

    it('keeps tags on the same ARN string in other scopes independent', async () => {
      const { tags } = ctx.store();
      const scopes = threeScopes();
      const arn = domainArn(scopes[0], 'd1');
      for (const [index, scope] of scopes.entries()) await tags.put(scope, arn, { n: String(index) });
      await tags.removeUnder(scopes[0], arn);
      assert.deepEqual(await tags.get(scopes[0], arn), {});
      assert.deepEqual(await tags.get(scopes[1], arn), { n: '1' });
      await tags.remove(scopes[1], arn, ['n']);
      assert.deepEqual(await tags.get(scopes[1], arn), {});
      assert.deepEqual(await tags.getMany(scopes[2], [arn]), new Map([[arn, { n: '2' }]]));
    });
  });
}
