// Condition operator names (spec §5.3): family, comparison, negation, IfExists and set qualifier.
import { malformed } from './malformed-policy-error.js';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'Ip' | 'Arn' | 'Null';
export type Comparison = 'equals' | 'equalsIgnoreCase' | 'like' | 'lt' | 'le' | 'gt' | 'ge' | 'inCidr' | 'isNull';
export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface ConditionOperator {
  /** As written in the policy. */
  readonly name: string;
  readonly family: OperatorFamily;
  readonly comparison: Comparison;
  /** …Not… operators: true when no policy value matches (NOR, §5.1) and when the key is absent (§5.4). */
  readonly negated: boolean;
  readonly ifExists: boolean;
  readonly set: SetQualifier | undefined;
}

type Base = readonly [OperatorFamily, Comparison, boolean];

// Every operator of §5.3, by lower-cased name. ArnEquals ≡ ArnLike (§5.3).
const BASES: ReadonlyMap<string, Base> = new Map<string, Base>([
  ['stringequals', ['String', 'equals', false]],
  ['stringnotequals', ['String', 'equals', true]],
  ['stringequalsignorecase', ['String', 'equalsIgnoreCase', false]],
  ['stringnotequalsignorecase', ['String', 'equalsIgnoreCase', true]],
  ['stringlike', ['String', 'like', false]],
  ['stringnotlike', ['String', 'like', true]],
  ['numericequals', ['Numeric', 'equals', false]],
  ['numericnotequals', ['Numeric', 'equals', true]],
  ['numericlessthan', ['Numeric', 'lt', false]],
  ['numericlessthanequals', ['Numeric', 'le', false]],
  ['numericgreaterthan', ['Numeric', 'gt', false]],
  ['numericgreaterthanequals', ['Numeric', 'ge', false]],
  ['dateequals', ['Date', 'equals', false]],
  ['datenotequals', ['Date', 'equals', true]],
  ['datelessthan', ['Date', 'lt', false]],
  ['datelessthanequals', ['Date', 'le', false]],
  ['dategreaterthan', ['Date', 'gt', false]],
  ['dategreaterthanequals', ['Date', 'ge', false]],
  ['bool', ['Bool', 'equals', false]],
  ['binaryequals', ['Binary', 'equals', false]],
  ['ipaddress', ['Ip', 'inCidr', false]],
  ['notipaddress', ['Ip', 'inCidr', true]],
  ['arnequals', ['Arn', 'like', false]],
  ['arnlike', ['Arn', 'like', false]],
  ['arnnotequals', ['Arn', 'like', true]],
  ['arnnotlike', ['Arn', 'like', true]],
  ['null', ['Null', 'isNull', false]],
]);

const QUALIFIERS: ReadonlyMap<string, SetQualifier> = new Map([
  ['forallvalues', 'ForAllValues'],
  ['foranyvalue', 'ForAnyValue'],
]);

const IF_EXISTS = 'ifexists';

/**
 * Parses `[ForAllValues:|ForAnyValue:]<Operator>[IfExists]`. [decision] names are matched without
 * regard to case (AWS documents them in one spelling and says nothing either way). Unknown
 * operators or qualifiers, and IfExists or a qualifier on Null, are refused (§10).
 */
export function parseConditionOperator(name: string): ConditionOperator {
  const colon = name.indexOf(':');
  const qualifierText = colon >= 0 ? name.slice(0, colon).toLowerCase() : undefined;
  const set = qualifierText === undefined ? undefined : QUALIFIERS.get(qualifierText);
  if (qualifierText !== undefined && set === undefined) {
    throw malformed(`Invalid Condition type : ${name} (unknown set qualifier "${name.slice(0, colon)}")`);
  }
  let base = name.slice(colon + 1).toLowerCase();
  const ifExists = base.endsWith(IF_EXISTS) && base !== IF_EXISTS;
  if (ifExists) base = base.slice(0, -IF_EXISTS.length);
  const found = BASES.get(base);
  if (!found) throw malformed(`Invalid Condition type : ${name}`);
  const [family, comparison, negated] = found;
  if (family === 'Null' && (ifExists || set)) {
    throw malformed(`Invalid Condition type : ${name} (Null takes neither IfExists nor a set qualifier)`);
  }
  return { name, family, comparison, negated, ifExists, set };
}
