// awsQuery form binding: nested structures, `member.N` lists, `entry.N` maps, scalars by their shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ShapeSchema } from '../../generated/schema.js';
import { bindQueryValue, parseQueryParams } from './query-input.js';

const schema: Record<string, ShapeSchema> = {
  Input: {
    kind: 'structure',
    members: {
      Name: { target: 'String', jsonName: 'Name' },
      Count: { target: 'Integer', jsonName: 'Count' },
      Flag: { target: 'Boolean', jsonName: 'Flag' },
      When: { target: 'Timestamp', jsonName: 'When' },
      Tags: { target: 'TagList', jsonName: 'Tags' },
      Keys: { target: 'KeyList', jsonName: 'Keys' },
      Attrs: { target: 'AttrMap', jsonName: 'Attrs' },
      Inner: { target: 'Inner', jsonName: 'Inner' },
    },
  },
  Inner: { kind: 'structure', members: { Value: { target: 'String', jsonName: 'Value' } } },
  Tag: { kind: 'structure', members: { Key: { target: 'String', jsonName: 'Key' }, Value: { target: 'String', jsonName: 'Value' } } },
  TagList: { kind: 'list', member: 'Tag' },
  KeyList: { kind: 'list', member: 'String' },
  AttrMap: { kind: 'map', key: 'String', value: 'String' },
  String: { kind: 'string' },
  Integer: { kind: 'integer' },
  Boolean: { kind: 'boolean' },
  Timestamp: { kind: 'timestamp' },
};

const bind = (form: string) => bindQueryValue(schema, 'Input', parseQueryParams('', Buffer.from(form)), '');

test('binds scalars by their shape and leaves absent members out', () => {
  assert.deepEqual(bind('Action=X&Name=a+b%26c&Count=42&Flag=true&When=2024-01-02T03%3A04%3A05Z'), {
    Name: 'a b&c',
    Count: 42,
    Flag: true,
    When: new Date('2024-01-02T03:04:05Z'),
  });
  assert.deepEqual(bind(''), {});
});

test('keeps values that do not fit their shape as text, for the validator to name', () => {
  assert.deepEqual(bind('Count=many&Flag=yes&When=never'), { Count: 'many', Flag: 'yes', When: 'never' });
});

test('binds lists of structures and of strings in index order, and nested structures', () => {
  const form = 'Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1&Keys.member.10=z&Keys.member.9=y&Inner.Value=v';
  assert.deepEqual(bind(form), { Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }], Keys: ['y', 'z'], Inner: { Value: 'v' } });
});

test('an empty list is the bare name with an empty value', () => {
  assert.deepEqual(bind('Keys='), { Keys: [] });
});

test('binds maps from entry.N.key / entry.N.value', () => {
  assert.deepEqual(bind('Attrs.entry.1.key=k1&Attrs.entry.1.value=v1&Attrs.entry.2.key=k2&Attrs.entry.2.value=v2'), { Attrs: { k1: 'v1', k2: 'v2' } });
});

test('form parameters of the body win over the query string', () => {
  const params = parseQueryParams('Action=FromQuery&Version=1', Buffer.from('Action=FromBody'));
  assert.equal(params.get('Action'), 'FromBody');
  assert.equal(params.get('Version'), '1');
});
