import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectedComponents } from './cluster.js';

test('pairs above the threshold join transitively; pairs below it do not', () => {
  const pairs = [
    { left: 0, right: 1, weight: 10, probability: 0.99 },
    { left: 1, right: 2, weight: 10, probability: 0.95 },
    { left: 3, right: 4, weight: 1, probability: 0.6 },
    { left: 5, right: 6, weight: 10, probability: 0.97 },
  ];
  assert.deepEqual(connectedComponents(7, pairs, 0.9), [[0, 1, 2], [5, 6]]);
  assert.deepEqual(connectedComponents(7, pairs, 0.5), [[0, 1, 2], [3, 4], [5, 6]]);
});
