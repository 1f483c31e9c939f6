// The FlowDefinition's Tasks applied to one source record, as AppFlow applies them: a Filter PROJECTION
// chooses the source fields read; Filter comparisons drop records; Validate tasks drop the record, end the
// step or pass, by VALIDATION_ACTION; Map, Merge, Arithmetic, Mask and Truncate write destination fields.
// The record ingested is the destination fields written, or the projected source when no task writes one.
import type { Task } from '../../generated/shapes.js';
import { flowTaskInvalid } from '../errors.js';

type SourceRecord = Readonly<Record<string, unknown>>;
export type TaskOutcome = { readonly kind: 'keep'; readonly record: Record<string, unknown> } | { readonly kind: 'drop'; readonly reason: string };

/** A Validate task with VALIDATION_ACTION TerminateFlow failed: the step fails with this message. */
export class FlowTerminated extends Error {}

const COMPARISONS = new Set(['LESS_THAN', 'GREATER_THAN', 'BETWEEN', 'LESS_THAN_OR_EQUAL_TO', 'GREATER_THAN_OR_EQUAL_TO', 'EQUAL_TO', 'NOT_EQUAL_TO', 'CONTAINS']);
const ARITHMETIC = new Set(['ADDITION', 'SUBTRACTION', 'MULTIPLICATION', 'DIVISION']);
const MASKS = new Set(['MASK_ALL', 'MASK_FIRST_N', 'MASK_LAST_N']);
const VALIDATIONS = new Set(['VALIDATE_NON_NULL', 'VALIDATE_NON_ZERO', 'VALIDATE_NON_NEGATIVE', 'VALIDATE_NUMERIC']);
const ACTIONS = new Set(['DropRecord', 'TerminateFlow', 'NoOp']);

/** The one operator of a task, whichever connector key it is given under; NO_OP when none. */
export function operatorOf(task: Task): string {
  const operators = Object.values(task.ConnectorOperator ?? {}).filter((value): value is string => typeof value === 'string');
  return operators[0] ?? 'NO_OP';
}


/** Checks the tasks once, when the workflow is created: a flow that cannot run is refused then, not later. */
export function checkTasks(tasks: readonly Task[]): void {
  tasks.forEach((task, index) => {
    const operator = operatorOf(task);
    const props = task.TaskProperties ?? {};
    const dest = task.DestinationField;
    switch (task.TaskType) {
      case 'Filter':
        if (operator !== 'PROJECTION' && !COMPARISONS.has(operator)) throw flowTaskInvalid(index, `Filter needs PROJECTION or a comparison operator, not ${operator}`);
        if (operator === 'BETWEEN' && (props['LOWER_BOUND'] === undefined || props['UPPER_BOUND'] === undefined)) throw flowTaskInvalid(index, 'BETWEEN needs LOWER_BOUND and UPPER_BOUND');
        if (COMPARISONS.has(operator) && operator !== 'BETWEEN' && props['VALUE'] === undefined && props['VALUES'] === undefined) throw flowTaskInvalid(index, `${operator} needs VALUE`);
        break;
      case 'Validate':
        if (!VALIDATIONS.has(operator)) throw flowTaskInvalid(index, `Validate needs a VALIDATE_* operator, not ${operator}`);
        if (props['VALIDATION_ACTION'] !== undefined && !ACTIONS.has(props['VALIDATION_ACTION'])) throw flowTaskInvalid(index, 'VALIDATION_ACTION is DropRecord, TerminateFlow or NoOp');
        break;
      case 'Arithmetic':
        if (!ARITHMETIC.has(operator)) throw flowTaskInvalid(index, `Arithmetic needs ADDITION, SUBTRACTION, MULTIPLICATION or DIVISION, not ${operator}`);
        if (task.SourceFields.length < 2 || !dest) throw flowTaskInvalid(index, 'Arithmetic needs two SourceFields and a DestinationField');
        break;
      case 'Mask':
        if (!MASKS.has(operator)) throw flowTaskInvalid(index, `Mask needs MASK_ALL, MASK_FIRST_N or MASK_LAST_N, not ${operator}`);
        if (operator !== 'MASK_ALL' && !(Number(props['MASK_LENGTH']) >= 0)) throw flowTaskInvalid(index, `${operator} needs MASK_LENGTH`);
        break;
      case 'Truncate':
        if (!(Number(props['TRUNCATE_LENGTH']) >= 0)) throw flowTaskInvalid(index, 'Truncate needs TRUNCATE_LENGTH');
        break;
      case 'Map':
        if (task.SourceFields.length !== 1 || !dest) throw flowTaskInvalid(index, 'Map needs one SourceField and a DestinationField');
        break;
      case 'Merge':
        if (task.SourceFields.length < 1 || !dest) throw flowTaskInvalid(index, 'Merge needs SourceFields and a DestinationField');
        break;
    }
  });
}

/** Source fields a connector must read: those a PROJECTION names, else every field any task names. */
export function projectedFields(tasks: readonly Task[]): string[] | undefined {
  const projection = tasks.filter((task) => task.TaskType === 'Filter' && operatorOf(task) === 'PROJECTION').flatMap((task) => task.SourceFields);
  return projection.length > 0 ? [...new Set(projection)] : undefined;
}

function typed(value: unknown, dataType: string | undefined): unknown {
  if (value === undefined || value === null || dataType === undefined) return value;
  switch (dataType.toLowerCase()) {
    case 'integer':
    case 'int':
    case 'long':
    case 'double':
    case 'float':
    case 'decimal':
    case 'number':
    case 'currency':
    case 'percent': {
      const number = Number(value);
      return Number.isNaN(number) ? value : number;
    }
    case 'boolean':
      return value === true || String(value).toLowerCase() === 'true';
    case 'string':
    case 'id':
    case 'email':
    case 'phone':
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    default:
      return value;
  }
}

function comparable(value: unknown, dataType: string | undefined): number | string {
  const kind = dataType?.toLowerCase();
  if (kind === 'datetime' || kind === 'date' || kind === 'timestamp') {
    const millis = typeof value === 'number' ? value : Date.parse(String(value));
    return Number.isNaN(millis) ? String(value) : millis;
  }
  if (typeof value === 'number') return value;
  const number = Number(value);
  return kind === 'string' || value === '' || Number.isNaN(number) ? String(value) : number;
}

function passes(operator: string, value: unknown, props: Readonly<Record<string, string>>): boolean {
  if (value === undefined || value === null) return false;
  const type = props['DATA_TYPE'];
  const v = comparable(value, type);
  const bound = (name: string) => comparable(props[name], type);
  switch (operator) {
    case 'LESS_THAN': return v < bound('VALUE');
    case 'GREATER_THAN': return v > bound('VALUE');
    case 'LESS_THAN_OR_EQUAL_TO': return v <= bound('VALUE');
    case 'GREATER_THAN_OR_EQUAL_TO': return v >= bound('VALUE');
    case 'BETWEEN': return v >= bound('LOWER_BOUND') && v <= bound('UPPER_BOUND');
    case 'CONTAINS': return String(value).includes(props['VALUE'] ?? '');
    case 'EQUAL_TO':
    case 'NOT_EQUAL_TO': {
      const candidates = (props['VALUES'] ?? props['VALUE'] ?? '').split(',').map((text) => comparable(text.trim(), type));
      const equal = candidates.some((candidate) => candidate === v);
      return operator === 'EQUAL_TO' ? equal : !equal;
    }
    default: return true;
  }
}

function valid(operator: string, value: unknown): boolean {
  switch (operator) {
    case 'VALIDATE_NON_NULL': return value !== undefined && value !== null && value !== '';
    case 'VALIDATE_NON_ZERO': return Number(value) !== 0;
    case 'VALIDATE_NON_NEGATIVE': return !(Number(value) < 0);
    case 'VALIDATE_NUMERIC': return value !== '' && value !== null && !Number.isNaN(Number(value));
    default: return true;
  }
}

function mask(text: string, operator: string, props: Readonly<Record<string, string>>): string {
  const symbol = props['MASK_VALUE'] || '*';
  const length = Math.min(text.length, Number(props['MASK_LENGTH'] ?? text.length));
  if (operator === 'MASK_ALL') return symbol.repeat(text.length);
  if (operator === 'MASK_FIRST_N') return symbol.repeat(length) + text.slice(length);
  return text.slice(0, text.length - length) + symbol.repeat(length);
}

function arithmetic(operator: string, values: readonly number[]): number {
  return values.slice(1).reduce((total, value) => {
    if (operator === 'ADDITION') return total + value;
    if (operator === 'SUBTRACTION') return total - value;
    if (operator === 'MULTIPLICATION') return total * value;
    return total / value;
  }, values[0]!);
}

/** A record's own field: never a member every object inherits (`constructor`, `toString`…). */
function ownField(record: SourceRecord, field: string): unknown {
  return Object.hasOwn(record, field) ? record[field] : undefined;
}

function merge(task: Task, source: SourceRecord): string {
  const format = task.TaskProperties?.['CONCAT_FORMAT'];
  if (format) return format.replace(/\$\{([^}]+)\}/g, (_, field: string) => String(ownField(source, field) ?? ''));
  return task.SourceFields.map((field) => ownField(source, field)).filter((value) => value !== undefined && value !== null && value !== '').join(' ');
}

/** Applies the tasks in their order to one record. Throws FlowTerminated for a failed TerminateFlow validation. */
export function applyTasks(tasks: readonly Task[], record: SourceRecord): TaskOutcome {
  const projection = projectedFields(tasks);
  const source: Record<string, unknown> = projection ? Object.fromEntries(projection.filter((field) => Object.hasOwn(record, field)).map((field) => [field, record[field]])) : { ...record };
  const out: Record<string, unknown> = {};
  let wrote = false;
  const write = (field: string, value: unknown, props: Readonly<Record<string, string>>) => {
    wrote = true;
    const converted = typed(value, props['DESTINATION_DATA_TYPE']);
    // Defined, not assigned: a destination named __proto__ is an ordinary field, not the record's prototype.
    if (converted !== undefined) Object.defineProperty(out, field, { value: converted, enumerable: true, writable: true, configurable: true });
  };
  for (const task of tasks) {
    const operator = operatorOf(task);
    const props = task.TaskProperties ?? {};
    const [first] = task.SourceFields;
    const sourceValue = first === undefined ? undefined : ownField(record, first);
    switch (task.TaskType) {
      case 'Filter':
        if (operator !== 'PROJECTION' && !passes(operator, sourceValue, props)) return { kind: 'drop', reason: `filtered out by ${operator} on ${first}` };
        break;
      case 'Validate':
        if (valid(operator, sourceValue)) break;
        if (props['VALIDATION_ACTION'] === 'TerminateFlow') throw new FlowTerminated(`Validation ${operator} failed on field ${first}; the flow was terminated (VALIDATION_ACTION TerminateFlow).`);
        if (props['VALIDATION_ACTION'] !== 'NoOp') return { kind: 'drop', reason: `${operator} failed on ${first}` };
        break;
      case 'Map':
        write(task.DestinationField!, sourceValue, props);
        break;
      case 'Merge':
        write(task.DestinationField!, merge(task, record), props);
        break;
      case 'Arithmetic': {
        const order = props['MATH_OPERATION_FIELDS_ORDER']?.split(',').map((field) => field.trim()) ?? task.SourceFields;
        const numbers = order.map((field) => Number(ownField(record, field)));
        write(task.DestinationField!, numbers.some(Number.isNaN) ? undefined : arithmetic(operator, numbers), props);
        break;
      }
      case 'Mask':
      case 'Truncate': {
        const field = task.DestinationField || first!;
        const current = field in out ? out[field] : sourceValue;
        if (current === undefined || current === null) break;
        const text = String(current);
        write(field, task.TaskType === 'Mask' ? mask(text, operator, props) : text.slice(0, Number(props['TRUNCATE_LENGTH'])), props);
        break;
      }
    }
  }
  return { kind: 'keep', record: wrote ? out : source };
}
