import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BodyBudget } from './body-budget.js';

test('a reservation that would not fit takes nothing; released bytes can be taken again', () => {
  const budget = new BodyBudget(100);
  assert.equal(budget.reserve(60), true);
  assert.equal(budget.reserve(41), false);
  assert.equal(budget.heldBytes, 60);
  assert.equal(budget.reserve(40), true);
  budget.release(60);
  assert.equal(budget.heldBytes, 40);
  assert.equal(budget.reserve(60), true);
  budget.release(500);
  assert.equal(budget.heldBytes, 0);
});
