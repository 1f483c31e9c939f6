// A calculated attribute definition as the API has it, and the create-time rules of spec api-behaviour-2a §3.2
// that the model cannot express (the generated validators have already checked lengths, ranges and enums).
import type { AttributeDetails, Conditions, Filter, Range, Statistic } from '../../generated/shapes.js';
import type { JsonValue } from '../../storage/ports.js';
import { calculatedAttributeRuleBroken } from '../errors.js';

import { parseExpression, type ParsedExpression } from './expression.js';
import { isoInstant, numberOf } from './values.js';

export interface CalculatedAttributeDefinition {
  readonly DisplayName?: string;
  readonly Description?: string;
  readonly AttributeDetails: AttributeDetails;
  readonly Conditions?: Conditions;
  readonly Filter?: Filter;
  readonly Statistic: Statistic;
  readonly UseHistoricalData?: boolean;
}

export const DEFAULT_DEFINITIONS_PER_DOMAIN = 50;
/** Objects a UseHistoricalData backfill indexes per transaction. */
export const DEFAULT_BACKFILL_PAGE = 500;
export const MAX_OBJECT_COUNT = 300;
export const TIMESTAMP_FORMATS = ['EPOCHMILLI', 'ISO_8601'] as const;

const TIMESTAMP_SOURCE = /^\{([^{}.\s]+)\.([^{}\s.]+(?:\.[^{}\s.]+)*)\}$/;
const NUMERIC = new Set(['GREATER_THAN', 'LESS_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL', 'EQUAL']);
const DATES = new Set(['BEFORE', 'AFTER', 'ON']);
const RANGES = new Set(['BETWEEN', 'NOT_BETWEEN']);

/** Rules 1–3: the expression, its one object type and the Attributes list. Returns the parsed expression. */
export function checkAttributeDetails(details: AttributeDetails): ParsedExpression {
  const parsed = parseExpression(details.Expression);
  if (!parsed.ok) throw calculatedAttributeRuleBroken(parsed.rule, `Expression: ${parsed.reason}`);
  const names = details.Attributes.map((attribute) => attribute.Name);
  if (names.length > 2) throw calculatedAttributeRuleBroken(3, `Attributes lists ${names.length} attributes; a calculated attribute reads at most two`);
  if (new Set(names).size !== names.length) throw calculatedAttributeRuleBroken(3, 'Attributes lists the same attribute twice');
  const used = new Set(parsed.expression.attributes);
  if (used.size !== names.length || names.some((name) => !used.has(name))) {
    throw calculatedAttributeRuleBroken(3, `Attributes [${names.join(', ')}] must be exactly the attributes the Expression uses [${[...used].join(', ')}]`);
  }
  return parsed.expression;
}

/** Rules 5–7: the window, the timestamp source, ObjectCount and Threshold. */
export function checkConditions(conditions: Conditions | undefined, objectTypeName: string): void {
  if (!conditions) return;
  if (conditions.Range) checkRange(conditions.Range, objectTypeName);
  if (conditions.ObjectCount !== undefined && conditions.ObjectCount > MAX_OBJECT_COUNT) {
    throw calculatedAttributeRuleBroken(6, `ObjectCount is ${conditions.ObjectCount}; it can be at most ${MAX_OBJECT_COUNT}`);
  }
  const threshold = conditions.Threshold;
  if (threshold && (threshold.Operator === 'GREATER_THAN' || threshold.Operator === 'LESS_THAN') && numberOf(threshold.Value) === undefined) {
    throw calculatedAttributeRuleBroken(7, `Threshold ${threshold.Operator} needs a numeric Value`);
  }
}

function checkRange(range: Range, objectTypeName: string): void {
  if (range.ValueRange && range.ValueRange.Start < range.ValueRange.End) {
    throw calculatedAttributeRuleBroken(5, `ValueRange ends before it starts (Start ${range.ValueRange.Start} < End ${range.ValueRange.End}; Start counts days back, End days back from now)`);
  }
  if ((range.TimestampSource === undefined) !== (range.TimestampFormat === undefined)) {
    throw calculatedAttributeRuleBroken(5, 'TimestampSource and TimestampFormat are given together or not at all');
  }
  if (range.TimestampFormat !== undefined && !(TIMESTAMP_FORMATS as readonly string[]).includes(range.TimestampFormat)) {
    throw calculatedAttributeRuleBroken(5, `TimestampFormat must be ${TIMESTAMP_FORMATS.join(' or ')}`);
  }
  if (range.TimestampSource !== undefined) {
    const source = TIMESTAMP_SOURCE.exec(range.TimestampSource);
    if (!source) throw calculatedAttributeRuleBroken(5, 'TimestampSource must look like {ObjectTypeName.path.in.object}');
    if (source[1] !== objectTypeName) throw calculatedAttributeRuleBroken(5, `TimestampSource reads ${source[1]}, not the expression's object type ${objectTypeName}`);
  }
}

/** The path a TimestampSource reads in the object (`{T.a.b}` -> `a.b`); undefined without one. */
export function timestampPath(range: Range | undefined): string | undefined {
  const source = range?.TimestampSource === undefined ? undefined : TIMESTAMP_SOURCE.exec(range.TimestampSource);
  return source?.[2];
}

/** Rule 8: values consistent with their dimension types. */
export function checkFilter(filter: Filter | undefined): void {
  if (!filter) return;
  for (const [g, group] of filter.Groups.entries()) {
    for (const [d, dimension] of group.Dimensions.entries()) {
      if (Object.keys(dimension.Attributes).length === 0) throw calculatedAttributeRuleBroken(8, `Filter.Groups[${g}].Dimensions[${d}].Attributes is empty`);
      for (const [name, condition] of Object.entries(dimension.Attributes)) {
        const at = `Filter.Groups[${g}].Dimensions[${d}].Attributes.${name}`;
        const type = condition.DimensionType;
        if (RANGES.has(type) && condition.Values.length !== 2) throw calculatedAttributeRuleBroken(8, `${at}: ${type} takes exactly two Values`);
        const numericRange = RANGES.has(type) && condition.Values.every((value) => numberOf(value) !== undefined);
        for (const value of condition.Values) {
          if (NUMERIC.has(type) && numberOf(value) === undefined) throw calculatedAttributeRuleBroken(8, `${at}: ${type} compares numbers, and ${JSON.stringify(value)} is not one`);
          const needsDate = DATES.has(type) || (RANGES.has(type) && !numericRange);
          if (needsDate && isoInstant(value) === undefined) throw calculatedAttributeRuleBroken(8, `${at}: ${type} compares ISO 8601 dates (or, for ranges, numbers), and ${JSON.stringify(value)} is neither`);
        }
      }
    }
  }
}

/** The window's length in days for the timestamp floor and IsDataPartial (§3.7, §3.8); Infinity when unlimited. */
export function windowDays(range: Range | undefined): number {
  if (!range) return Infinity;
  if (range.ValueRange) return range.ValueRange.Start;
  return range.Value !== undefined && range.Value > 0 ? range.Value : Infinity;
}

/** The definition as stored: plain JSON, members the caller left out absent. */
export function toStoredDefinition(definition: CalculatedAttributeDefinition): JsonValue {
  return JSON.parse(JSON.stringify(definition)) as JsonValue;
}

/** A ConditionOverrides range (§3.10): Start 1–366 days back, End 0–366, Start not after End. */
export function checkRangeOverride(range: { Start: number; End: number }): void {
  if (range.Start < 1 || range.Start > 366) throw calculatedAttributeRuleBroken(5, `ConditionOverrides.Range.Start is ${range.Start}; it must be 1 to 366 days`);
  if (range.End < 0 || range.End > 366) throw calculatedAttributeRuleBroken(5, `ConditionOverrides.Range.End is ${range.End}; it must be 0 to 366 days`);
  if (range.Start < range.End) throw calculatedAttributeRuleBroken(5, `ConditionOverrides.Range ends before it starts (Start ${range.Start} < End ${range.End})`);
}
