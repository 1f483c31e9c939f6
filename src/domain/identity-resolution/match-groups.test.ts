// Match groups from the matcher's clusters: ids sorted, the score is the weakest pair inside the group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchGroups, matchGroupsAtOnce } from './match-groups.js';

const clustered = {
  clusters: [[0, 1, 2], [3, 4]],
  matches: [
    { left: 0, right: 1, weight: 9, probability: 0.99 },
    { left: 1, right: 2, weight: 5, probability: 0.93 },
    { left: 3, right: 4, weight: 12, probability: 0.999 },
    { left: 2, right: 3, weight: 1, probability: 0.5 },
  ],
};

test('a group scores its weakest matched pair, and pairs across groups do not count', async () => {
  const groups = await matchGroups(['d', 'c', 'b', 'a', 'e'], clustered);
  assert.deepEqual(groups, [
    { profileIds: ['b', 'c', 'd'], confidenceScore: 0.93 },
    { profileIds: ['a', 'e'], confidenceScore: 0.999 },
  ]);
});

test('in turns and at once give the same groups, also for more work than one slice', async () => {
  const ids = Array.from({ length: 30_000 }, (_, k) => `p${k}`);
  const clusters = Array.from({ length: 10_000 }, (_, k) => [3 * k, 3 * k + 1, 3 * k + 2]);
  const matches = clusters.flatMap(([a, b, c]) => [
    { left: a!, right: b!, weight: 3, probability: 0.9 + (a! % 7) / 100 },
    { left: b!, right: c!, weight: 3, probability: 0.95 },
  ]);
  const inTurns = await matchGroups(ids, { clusters, matches });
  assert.equal(inTurns.length, 10_000);
  assert.deepEqual(matchGroupsAtOnce(ids, { clusters, matches }), inTurns);
  assert.deepEqual(matchGroupsAtOnce(['d', 'c', 'b', 'a', 'e'], clustered), await matchGroups(['d', 'c', 'b', 'a', 'e'], clustered));
});
