// The contract holds everything the newer botocore model has, and the Smithy file's own definitions elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBotocore } from './botocore.js';
import { BOTOCORE_SOURCE, loadContract } from './model-union.js';
import { NAMESPACE, loadModel, operationIds, shortName, trait, type SmithyShape } from './model.js';

const botocore = loadBotocore(BOTOCORE_SOURCE);
const contract = loadContract();
const smithy = loadModel();

const shapeOf = (name: string): SmithyShape | undefined => contract.shapes[NAMESPACE + name];
const enumValues = (shape: SmithyShape): string[] =>
  Object.entries(shape.members ?? {}).map(([name, member]) => (member.traits?.['smithy.api#enumValue'] as string | undefined) ?? name);

test('the contract has every operation of the newest model, 107, bound to the same method, URI and status', () => {
  const names = operationIds(contract).map(shortName);
  assert.equal(names.length, 107);
  assert.deepEqual(names, Object.keys(botocore.operations).sort((a, b) => a.localeCompare(b)));
  for (const [name, operation] of Object.entries(botocore.operations)) {
    const http = trait<{ method: string; uri: string; code?: number }>(shapeOf(name), 'http');
    assert.deepEqual([http?.method, http?.uri, http?.code ?? 200], [operation.http!.method, operation.http!.requestUri, operation.http!.responseCode ?? 200], name);
  }
});

test('every structure member, required flag, enum value and length or range bound of the newest model is in the contract', () => {
  for (const [name, shape] of Object.entries(botocore.shapes)) {
    if (shape.type === 'structure') {
      const members = shapeOf(name)?.members ?? {};
      for (const member of Object.keys(shape.members ?? {})) assert.ok(members[member], `${name}.${member} is missing`);
      for (const member of shape.required ?? []) assert.ok(members[member]?.traits?.['smithy.api#required'], `${name}.${member} is not required`);
    }
    if (shape.enum) assert.deepEqual(enumValues(shapeOf(name)!).sort(), [...shape.enum].sort(), name);
    const bound = (shapeOf(name)?.traits?.[['integer', 'long', 'double', 'float'].includes(shape.type) ? 'smithy.api#range' : 'smithy.api#length'] ?? {}) as { min?: number; max?: number };
    if (shape.min !== undefined && shape.min > 0) assert.equal(bound.min, shape.min, `${name} min`);
    if (shape.max !== undefined) assert.equal(bound.max, shape.max, `${name} max`);
  }
});

test('shapes the Smithy file has keep its patterns and bindings; BatchPutProfileObject binds its domain to the URI', () => {
  for (const [id, shape] of Object.entries(smithy.shapes)) {
    assert.equal(trait(contract.shapes[id], 'pattern'), trait(shape, 'pattern'), id);
    for (const [member, definition] of Object.entries(shape.members ?? {})) {
      assert.deepEqual(contract.shapes[id]!.members![member], definition, `${id}.${member}`);
    }
  }
  const input = shapeOf('BatchPutProfileObjectRequest')!;
  assert.ok(input.members!['DomainName']!.traits!['smithy.api#httpLabel']);
  assert.equal(input.members!['Items']!.target, NAMESPACE + 'BatchPutProfileObjectRequestItemList');
});
