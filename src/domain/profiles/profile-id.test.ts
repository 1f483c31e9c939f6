import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newProfileId } from './profile-id.js';

test('profile ids are 32 lowercase hex digits carrying the millisecond they were made', () => {
  const at = Date.UTC(2026, 10, 28, 12, 0, 0);
  const id = newProfileId(at + 1_000_000);
  assert.match(id, /^[0-9a-f]{32}$/);
  assert.equal(parseInt(id.slice(0, 12), 16), at + 1_000_000);
});

test('ids made later sort later, within one millisecond and when the clock steps back', () => {
  const at = Date.UTC(2027, 0, 1);
  const ids = [newProfileId(at), newProfileId(at), newProfileId(at), newProfileId(at - 60_000), newProfileId(at + 1)];
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
});

test('more ids in one millisecond than the sequence holds still come out distinct and in order', () => {
  const at = Date.UTC(2028, 0, 1);
  const ids = Array.from({ length: 10_000 }, () => newProfileId(at));
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
});
