import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource, encodeSource, mayOverwrite } from './field-precedence.js';

const src = (objectTypeName: string, priority?: number, timestamp?: number) => encodeSource({ objectTypeName, priority, timestamp });

test('sources round-trip, manual values are not ingested sources', () => {
  assert.deepEqual(decodeSource(src('Crm', 3, 1700)), { objectTypeName: 'Crm', priority: 3, timestamp: 1700 });
  assert.deepEqual(decodeSource(src('Crm')), { objectTypeName: 'Crm', priority: undefined, timestamp: undefined });
  assert.equal(decodeSource('manual'), undefined);
});

test('manual values yield only to a type with a SourcePriority', () => {
  assert.equal(mayOverwrite({ objectTypeName: 'A' }, 'manual'), false);
  assert.equal(mayOverwrite({ objectTypeName: 'A', priority: 9 }, 'manual'), true);
  assert.equal(mayOverwrite({ objectTypeName: 'A' }, undefined), true);
});

test('lower priority wins; no priority loses; ties go to the latest unless its timestamp is older', () => {
  assert.equal(mayOverwrite({ objectTypeName: 'A', priority: 1 }, src('B', 2)), true);
  assert.equal(mayOverwrite({ objectTypeName: 'A', priority: 3 }, src('B', 2)), false);
  assert.equal(mayOverwrite({ objectTypeName: 'A' }, src('B', 2)), false);
  assert.equal(mayOverwrite({ objectTypeName: 'A', priority: 5 }, src('B')), true);
  assert.equal(mayOverwrite({ objectTypeName: 'A' }, src('B')), true);
  assert.equal(mayOverwrite({ objectTypeName: 'A', timestamp: 10 }, src('A', undefined, 20)), false);
  assert.equal(mayOverwrite({ objectTypeName: 'A', timestamp: 30 }, src('A', undefined, 20)), true);
  assert.equal(mayOverwrite({ objectTypeName: 'A' }, src('A', undefined, 20)), true);
});
