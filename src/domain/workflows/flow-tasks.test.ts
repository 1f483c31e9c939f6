import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Task } from '../../generated/shapes.js';
import { applyTasks, checkTasks, FlowTerminated } from './flow-tasks.js';

const op = (operator: string) => ({ S3: operator as 'NO_OP' });
const record = { id: '7', email: 'ann@example.com', phone: '5550100', first: 'Ann', last: 'Lee', qty: '3', price: '2.5', stage: 'won', score: '-1' };

test('a PROJECTION chooses the fields; with no destination task the projected source is the record', () => {
  const tasks: Task[] = [{ TaskType: 'Filter', SourceFields: ['id', 'email'], ConnectorOperator: op('PROJECTION') }];
  assert.deepEqual(applyTasks(tasks, record), { kind: 'keep', record: { id: '7', email: 'ann@example.com' } });
});

test('Map, Merge, Arithmetic, Mask and Truncate write destination fields; only those are ingested', () => {
  const tasks: Task[] = [
    { TaskType: 'Map', SourceFields: ['id'], DestinationField: 'customerId', ConnectorOperator: op('NO_OP'), TaskProperties: { DESTINATION_DATA_TYPE: 'integer' } },
    { TaskType: 'Merge', SourceFields: ['first', 'last'], DestinationField: 'name', ConnectorOperator: op('NO_OP') },
    { TaskType: 'Merge', SourceFields: ['last', 'first'], DestinationField: 'formal', ConnectorOperator: op('NO_OP'), TaskProperties: { CONCAT_FORMAT: '${last}, ${first}' } },
    { TaskType: 'Arithmetic', SourceFields: ['qty', 'price'], DestinationField: 'total', ConnectorOperator: op('MULTIPLICATION') },
    { TaskType: 'Mask', SourceFields: ['phone'], DestinationField: 'phone', ConnectorOperator: op('MASK_FIRST_N'), TaskProperties: { MASK_LENGTH: '3', MASK_VALUE: '#' } },
    { TaskType: 'Mask', SourceFields: ['email'], DestinationField: 'hidden', ConnectorOperator: op('MASK_ALL') },
    { TaskType: 'Truncate', SourceFields: ['stage'], DestinationField: 'stage', ConnectorOperator: op('NO_OP'), TaskProperties: { TRUNCATE_LENGTH: '2' } },
  ];
  checkTasks(tasks);
  assert.deepEqual(applyTasks(tasks, record), {
    kind: 'keep',
    record: { customerId: 7, name: 'Ann Lee', formal: 'Lee, Ann', total: 7.5, phone: '###0100', hidden: '*'.repeat(15), stage: 'wo' },
  });
});

test('Filter comparisons drop the records that fail them', () => {
  const keep = (task: Task) => applyTasks([task], record).kind === 'keep';
  assert.equal(keep({ TaskType: 'Filter', SourceFields: ['qty'], ConnectorOperator: op('GREATER_THAN'), TaskProperties: { VALUE: '2', DATA_TYPE: 'integer' } }), true);
  assert.equal(keep({ TaskType: 'Filter', SourceFields: ['qty'], ConnectorOperator: op('LESS_THAN'), TaskProperties: { VALUE: '2', DATA_TYPE: 'integer' } }), false);
  assert.equal(keep({ TaskType: 'Filter', SourceFields: ['qty'], ConnectorOperator: op('BETWEEN'), TaskProperties: { LOWER_BOUND: '1', UPPER_BOUND: '3' } }), true);
  assert.equal(keep({ TaskType: 'Filter', SourceFields: ['stage'], ConnectorOperator: op('EQUAL_TO'), TaskProperties: { VALUES: 'lost,won' } }), true);
  assert.equal(keep({ TaskType: 'Filter', SourceFields: ['stage'], ConnectorOperator: op('NOT_EQUAL_TO'), TaskProperties: { VALUE: 'won' } }), false);
  assert.equal(keep({ TaskType: 'Filter', SourceFields: ['email'], ConnectorOperator: op('CONTAINS'), TaskProperties: { VALUE: '@example' } }), true);
  assert.equal(keep({ TaskType: 'Filter', SourceFields: ['missing'], ConnectorOperator: op('GREATER_THAN'), TaskProperties: { VALUE: '0' } }), false);
});

test('Validate drops, passes or terminates by VALIDATION_ACTION', () => {
  const validate = (action: string): Task => ({ TaskType: 'Validate', SourceFields: ['score'], ConnectorOperator: op('VALIDATE_NON_NEGATIVE'), TaskProperties: { VALIDATION_ACTION: action } });
  assert.equal(applyTasks([validate('DropRecord')], record).kind, 'drop');
  assert.equal(applyTasks([validate('NoOp')], record).kind, 'keep');
  assert.throws(() => applyTasks([validate('TerminateFlow')], record), FlowTerminated);
  assert.equal(applyTasks([{ TaskType: 'Validate', SourceFields: ['qty'], ConnectorOperator: op('VALIDATE_NUMERIC') }], record).kind, 'keep');
  assert.equal(applyTasks([{ TaskType: 'Validate', SourceFields: ['nope'], ConnectorOperator: op('VALIDATE_NON_NULL') }], record).kind, 'drop');
});

test('checkTasks refuses tasks that cannot run, naming the task', () => {
  assert.throws(() => checkTasks([{ TaskType: 'Map', SourceFields: ['a', 'b'], DestinationField: 'x' }]), /Tasks\[0\]/);
  assert.throws(() => checkTasks([{ TaskType: 'Filter', SourceFields: ['a'], ConnectorOperator: op('ADDITION') }]), /Tasks\[0\]/);
  assert.throws(() => checkTasks([{ TaskType: 'Truncate', SourceFields: ['a'] }]), /TRUNCATE_LENGTH/);
  assert.throws(() => checkTasks([{ TaskType: 'Validate', SourceFields: ['a'], ConnectorOperator: op('VALIDATE_NON_NULL'), TaskProperties: { VALIDATION_ACTION: 'Explode' } }]), /VALIDATION_ACTION/);
});

test('fields are the record\'s own: a source field named like an Object member is missing, a destination named __proto__ is kept', () => {
  const tasks: Task[] = [
    { TaskType: 'Map', SourceFields: ['constructor'], DestinationField: 'ctor', ConnectorOperator: op('NO_OP') },
    { TaskType: 'Merge', SourceFields: ['first', 'toString'], DestinationField: 'name', ConnectorOperator: op('NO_OP') },
    { TaskType: 'Map', SourceFields: ['id'], DestinationField: '__proto__', ConnectorOperator: op('NO_OP') },
  ];
  const outcome = applyTasks(tasks, record);
  assert.equal(outcome.kind, 'keep');
  assert.equal(JSON.stringify(outcome.kind === 'keep' ? outcome.record : undefined), '{"name":"Ann","__proto__":"7"}');
  const projected = applyTasks([{ TaskType: 'Filter', SourceFields: ['id', 'constructor'], ConnectorOperator: op('PROJECTION') }], record);
  assert.deepEqual(projected, { kind: 'keep', record: { id: '7' } });
});
