// Match groups from the matcher's clusters: ids sorted, the score is the weakest pair inside the group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchGroups } from './match-groups.js';

test('a group scores its weakest matched pair, and pairs across groups do not count', async () => {
  const groups = await matchGroups(['d', 'c', 'b', 'a', 'e'], {
    clusters: [[0, 1, 2], [3, 4]],
    matches: [
      { left: 0, right: 1, weight: 9, probability: 0.99 },
      { left: 1, right: 2, weight: 5, probability: 0.93 },
      { left: 3, right: 4, weight: 12, probability: 0.999 },
      { left: 2, right: 3, weight: 1, probability: 0.5 },
    ],
  });
  assert.deepEqual(groups, [
    { profileIds: ['b', 'c', 'd'], confidenceScore: 0.93 },
    { profileIds: ['a', 'e'], confidenceScore: 0.999 },
  ]);
});
