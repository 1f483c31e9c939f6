// The Condition block of a statement: compiled at parse time, evaluated per request (spec §5).
import { parseConditionOperator, type ConditionOperator } from './condition-operator.js';
import { compileValueTest, type ValueTest } from './condition-values.js';
import { malformed } from './malformed-policy-error.js';
import { contextKey, type ContextKey, type RequestContext } from './request-context.js';

export interface CompiledCondition {
  readonly operator: ConditionOperator;
  readonly key: ContextKey;
  /** Whether this operator/key pair holds for the context. */
  readonly test: (context: RequestContext) => boolean;
}

/**
 * Compiles `{"<Operator>": {"<key>": value | [values]}}`. Operators and keys are ANDed by the
 * caller (§5.1). Refuses an operator or key given twice in any spelling (§5.1 [decide]) and
 * variables in keys (§6). `where` names the statement in error messages.
 */
export function compileConditionBlock(block: unknown, where: string, variables: boolean): CompiledCondition[] {
  const operators = asObject(block, `${where}.Condition must be an object`);
  const compiled: CompiledCondition[] = [];
  const seenOperators = new Set<string>();
  for (const [name, keys] of Object.entries(operators)) {
    const operator = parseConditionOperator(name);
    const normalized = name.toLowerCase();
    if (seenOperators.has(normalized)) throw malformed(`${where}.Condition has operator ${name} more than once`);
    seenOperators.add(normalized);
    const entries = Object.entries(asObject(keys, `${where}.Condition.${name} must be an object of condition keys`));
    if (entries.length === 0) throw malformed(`${where}.Condition.${name} names no condition key`);
    const seenKeys = new Set<string>();
    for (const [keyName, raw] of entries) {
      const key = contextKey(keyName);
      if (keyName === '') throw malformed(`${where}.Condition.${name} has an empty condition key`);
      if (variables && keyName.includes('${')) throw malformed(`Policy variables are not allowed in condition keys: ${keyName}`);
      if (seenKeys.has(key.lower)) throw malformed(`${where}.Condition.${name} has key ${keyName} more than once`);
      seenKeys.add(key.lower);
      const values = conditionValues(raw, `${where}.Condition.${name}.${keyName}`);
      compiled.push({ operator, key, test: compileTest(operator, key, values, variables) });
    }
  }
  return compiled;
}

export function conditionsHold(conditions: readonly CompiledCondition[], context: RequestContext): boolean {
  for (const condition of conditions) if (!condition.test(context)) return false;
  return true;
}

function compileTest(op: ConditionOperator, key: ContextKey, values: readonly string[], variables: boolean) {
  if (op.family === 'Null') return nullTest(key, values, op.name);
  const matches = compileValueTest(op, values, variables);
  return (context: RequestContext): boolean => evaluateOperator(op, key, matches, context);
}

/** §5.4 and §5.5 in one place: missing keys, IfExists, set qualifiers, NOR for negated operators. */
function evaluateOperator(op: ConditionOperator, key: ContextKey, matches: ValueTest, context: RequestContext): boolean {
  const value = context.get(key);
  if (value === undefined) {
    if (op.ifExists) return true; // §5.4: any …IfExists on a missing key
    if (op.set === 'ForAllValues') return true; // §5.5: vacuously true (S03, S08, S10)
    if (op.set === 'ForAnyValue') return false; // §5.5 (S04)
    return op.negated; // §5.4: positive false, negated true (M01–M03)
  }
  // Positive: some policy value matches; negated: none does (§5.1, C03).
  const one = (item: string): boolean => matches(item, context) !== op.negated;
  if (op.set === undefined) {
    // §5.5 [unverified] S11: a plain operator on a multivalued key never matches.
    return typeof value === 'string' && one(value);
  }
  const items = typeof value === 'string' ? [value] : value; // a single value is a one-element set (S10)
  return op.set === 'ForAllValues' ? items.every(one) : items.some(one);
}

/** §5.3 Null: `true` holds when the key is absent or empty, `false` when it has a value (M08, S09, S12). */
function nullTest(key: ContextKey, values: readonly string[], name: string) {
  const wanted = values.map((v) => {
    const lower = v.toLowerCase();
    if (lower !== 'true' && lower !== 'false') throw malformed(`${name} takes only true or false, not "${v}"`);
    return lower === 'true';
  });
  return (context: RequestContext): boolean => {
    const value = context.get(key);
    const isNull = value === undefined || value === '';
    return wanted.some((w) => w === isNull);
  };
}

/** Values are strings; JSON numbers and booleans count as their text (§5.1); a list must not be empty. */
function conditionValues(raw: unknown, where: string): string[] {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  if (list.length === 0) throw malformed(`${where} has no values`);
  return list.map((v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw malformed(`${where} must be a string, number, boolean or a list of them`);
  });
}

function asObject(value: unknown, message: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(message);
  return value as Record<string, unknown>;
}
