import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operations } from '../../generated/operations.js';
import { shapeOf, toJson } from '../../shapes/json.js';
import { jsonWriterFor } from './json-writer.js';

/** A value of shape `key` with every kind of member: present, absent, null, nested, escaped text. */
function sample(key: string, depth: number, seed: number): unknown {
  if (depth > 6) return undefined;
  const shape = shapeOf(key);
  switch (shape.kind) {
    case 'structure':
    case 'union':
      return Object.fromEntries(
        Object.entries(shape.members).map(([name, member], index) => [name, (index + seed) % 5 === 4 ? null : (index + seed) % 3 === 2 ? undefined : sample(member.target, depth + 1, seed + index)]),
      );
    case 'list':
      return [sample(shape.member, depth + 1, seed), null, sample(shape.member, depth + 1, seed + 1)];
    case 'map':
      return { 'a "key"': sample(shape.value, depth + 1, seed), gone: undefined, z: sample(shape.value, depth + 1, seed + 2) };
    case 'timestamp':
      return new Date(1605224876487 + seed);
    case 'enum':
      return shape.values[seed % shape.values.length];
    case 'integer':
    case 'long':
      return seed;
    case 'double':
    case 'float':
      return seed / 3;
    case 'boolean':
      return seed % 2 === 0;
    case 'document':
      return { nested: [1, null, 'x'], n: seed };
    default:
      return `v${seed} "quoted" \\ é \u2028 \n`;
  }
}

test('the JSON writer writes exactly what JSON.stringify(toJson(…)) writes, for every operation output', () => {
  for (const operation of Object.values(operations)) {
    for (const seed of [0, 1, 2]) {
      const value = sample(operation.output, 0, seed) ?? {};
      assert.equal(jsonWriterFor(operation.output)(value), JSON.stringify(toJson(value, operation.output) ?? {}), `${operation.output} seed ${seed}`);
    }
    assert.equal(jsonWriterFor(operation.output)({}), JSON.stringify(toJson({}, operation.output)));
  }
});
