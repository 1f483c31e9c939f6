// Conformance cases for the tag repository.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainArn, newScope } from './target.js';
import type { SuiteContext } from './target.js';

export function tagCases(ctx: SuiteContext): void {
  describe('tags', () => {
    it('puts, overwrites and removes tags, leaving other keys alone', async () => {
      const { tags } = ctx.store();
      const scope = newScope();
      const arn = domainArn(scope, 'd1');
      assert.deepEqual(await tags.get(scope, arn), {});
      await tags.put(scope, arn, { env: 'prod', team: 'a' });
      await tags.put(scope, arn, { team: 'b', cost: '42' });
      assert.deepEqual(await tags.get(scope, arn), { env: 'prod', team: 'b', cost: '42' });
      await tags.put(scope, arn, {});
      await tags.remove(scope, arn, ['env', 'no-such-key']);
      assert.deepEqual(await tags.get(scope, arn), { team: 'b', cost: '42' });
      await tags.remove(scope, arn, []);
      assert.deepEqual(await tags.get(scope, arn), { team: 'b', cost: '42' });
    });

    it('gets the tags of many resources, leaving untagged ones out', async () => {
      const { tags } = ctx.store();
      const scope = newScope();
      const [a, b, untagged] = ['a', 'b', 'c'].map((name) => domainArn(scope, name));
      await tags.put(scope, a!, { k: 'a' });
      await tags.put(scope, b!, { k: 'b', x: 'y' });
      const many = await tags.getMany(scope, [a!, b!, untagged!, a!]);
      assert.deepEqual(many, new Map([[a!, { k: 'a' }], [b!, { k: 'b', x: 'y' }]]));
      assert.deepEqual(await tags.getMany(scope, []), new Map());
    });

    it('removes the tags of a resource and everything under it, and nothing beside it', async () => {
      const { tags } = ctx.store();
      const scope = newScope();
      const d1 = domainArn(scope, 'd1');
      const gone = [d1, `${d1}/object-types/x`, `${d1}/integrations/deep/er`];
      const kept = [domainArn(scope, 'd10'), domainArn(scope, 'd1-x'), domainArn(scope, 'D1'), domainArn(scope, 'd')];
      for (const arn of [...gone, ...kept]) await tags.put(scope, arn, { owner: arn });
      await tags.removeUnder(scope, d1);
      const left = await tags.getMany(scope, [...gone, ...kept]);
      assert.deepEqual([...left.keys()].sort(), [...kept].sort());
    });
  });
}
