// Compiles the policy values of one condition into a test "does the request value match any of them".
import type { ConditionOperator } from './condition-operator.js';
import { compileGlob, type GlobMode, type Matcher } from './glob.js';
import { cidrContains, parseCidr, parseIpAddress, type CidrBlock } from './ip-address.js';
import { malformed } from './malformed-policy-error.js';
import { compileTemplate, templateMatches, type PatternTemplate } from './pattern-template.js';
import { hasVariables, resolveText, tokenize, tokensText, type Token } from './policy-string.js';
import type { RequestContext } from './request-context.js';
import { parseBase64, parseDate, parseNumber } from './scalar-values.js';

/** True when `requestValue` matches at least one policy value (positive sense; negation is the caller's). */
export type ValueTest = (requestValue: string, context: RequestContext) => boolean;

/**
 * §5.3: variables only in String, Arn and Bool values; `variables` is false for policies without
 * `"Version": "2012-10-17"`, where `${…}` is plain text (§6). A value that does not parse for its
 * operator never matches (§5.3), so it makes a positive operator false and a negated one true.
 */
export function compileValueTest(op: ConditionOperator, values: readonly string[], variables: boolean): ValueTest {
  const allowsVariables = op.family === 'String' || op.family === 'Arn' || op.family === 'Bool';
  if (variables && !allowsVariables && values.some((v) => v.includes('${'))) {
    throw malformed(`Policy variables are not allowed in ${op.name} conditions`);
  }
  switch (op.family) {
    case 'String':
      if (op.comparison === 'like') return globTest(values, 'string', variables);
      return equalsTest(values, variables, op.comparison === 'equalsIgnoreCase');
    case 'Arn':
      return globTest(values, 'arn', variables);
    case 'Bool':
      // §5.2 [decide]: true/false in any case.
      return equalsTest(values, variables, true);
    case 'Numeric':
      return orderedTest(values.map(parseNumber), parseNumber, op.comparison);
    case 'Date':
      return orderedTest(values.map(parseDate), parseDate, op.comparison);
    case 'Binary':
      return binaryTest(values);
    case 'Ip':
      return ipTest(values);
    case 'Null':
      throw new Error('Null conditions are compiled by condition.ts');
  }
}

/** StringEquals(IgnoreCase) and Bool: exact text; `*` is literal (C08); variables resolved per request. */
function equalsTest(values: readonly string[], variables: boolean, ignoreCase: boolean): ValueTest {
  const fold = ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
  const literals = new Set<string>();
  const templates: Token[][] = [];
  for (const value of values) {
    const tokens = tokenize(value, { wildcards: false, variables });
    if (hasVariables(tokens)) templates.push(tokens);
    else literals.add(fold(tokensText(tokens)));
  }
  return (requestValue, context) => {
    const folded = fold(requestValue);
    if (literals.has(folded)) return true;
    for (const template of templates) {
      const resolved = resolveText(template, context);
      if (resolved !== undefined && fold(resolved) === folded) return true;
    }
    return false;
  };
}

/** StringLike and Arn*: wildcard patterns, compiled now or (with variables) once resolved (§6). */
function globTest(values: readonly string[], mode: GlobMode, variables: boolean): ValueTest {
  const matchers: Matcher[] = [];
  const templates: PatternTemplate[] = [];
  for (const value of values) {
    const tokens = tokenize(value, { wildcards: true, variables });
    if (hasVariables(tokens)) templates.push(compileTemplate(tokens, mode));
    else matchers.push(compileGlob(tokens, mode));
  }
  return (requestValue, context) => {
    for (const matcher of matchers) if (matcher(requestValue)) return true;
    for (const template of templates) if (templateMatches(template, requestValue, context)) return true;
    return false;
  };
}

const ORDER: Readonly<Record<string, (request: number, policy: number) => boolean>> = {
  equals: (r, p) => r === p,
  lt: (r, p) => r < p,
  le: (r, p) => r <= p,
  gt: (r, p) => r > p,
  ge: (r, p) => r >= p,
};

/** Numeric* and Date*: by value; NaN (unparseable) compares false with everything. */
function orderedTest(policy: readonly number[], parse: (text: string) => number, comparison: string): ValueTest {
  const compare = ORDER[comparison];
  if (!compare) throw new Error(`no ordering ${comparison}`);
  return (requestValue) => {
    const value = parse(requestValue);
    return policy.some((p) => compare(value, p));
  };
}

/** BinaryEquals: policy values are base64; the request value is base64 too; bytes compared. */
function binaryTest(values: readonly string[]): ValueTest {
  const policy = values.map(parseBase64).filter((b): b is Buffer => b !== undefined);
  return (requestValue) => {
    const bytes = parseBase64(requestValue);
    return bytes !== undefined && policy.some((p) => p.equals(bytes));
  };
}

/** IpAddress / NotIpAddress: CIDR v4 and v6; a bare address is a single host (T03). */
function ipTest(values: readonly string[]): ValueTest {
  const blocks = values.map(parseCidr).filter((b): b is CidrBlock => b !== undefined);
  return (requestValue) => {
    const address = parseIpAddress(requestValue);
    return address !== undefined && blocks.some((block) => cidrContains(block, address));
  };
}
