// The expression of a calculated attribute (spec api-behaviour-2a §3.2 rule 1): one term `{Type.attribute}`,
// or two terms of the same object type joined by + - * /. Whitespace between tokens is ignored.

export type Operator = '+' | '-' | '*' | '/';

export interface ParsedExpression {
  readonly objectTypeName: string;
  /** One or two attribute names, in the order they appear. */
  readonly attributes: readonly string[];
  readonly operator?: Operator;
}

/** A refusal names the rule of §3.2 it breaks: 1 (grammar) or 2 (one object type). */
export type ExpressionParse = { readonly ok: true; readonly expression: ParsedExpression } | { readonly ok: false; readonly rule: 1 | 2; readonly reason: string };

const TERM = /^\{\s*([^{}.\s]+)\.([^{}\s]+)\s*\}/;
const OPERATOR = /^[+\-*/]/;

export function parseExpression(text: string): ExpressionParse {
  const terms: Array<{ type: string; attribute: string }> = [];
  let operator: Operator | undefined;
  let rest = text.trim();
  while (rest.length > 0) {
    if (terms.length > 0) {
      const op = OPERATOR.exec(rest);
      if (!op) return { ok: false, rule: 1, reason: `expected one of + - * / after ${JSON.stringify(text.slice(0, text.length - rest.length).trim())}` };
      if (operator !== undefined) return { ok: false, rule: 1, reason: 'an expression combines at most two attributes with one operator' };
      operator = op[0] as Operator;
      rest = rest.slice(1).trimStart();
    }
    const term = TERM.exec(rest);
    if (!term) return { ok: false, rule: 1, reason: `expected a term {ObjectTypeName.AttributeName} at ${JSON.stringify(rest.slice(0, 40))}; parentheses and constants are not allowed` };
    terms.push({ type: term[1]!, attribute: term[2]! });
    rest = rest.slice(term[0].length).trimStart();
  }
  if (terms.length === 0) return { ok: false, rule: 1, reason: 'the expression is empty' };
  if (operator !== undefined && terms.length < 2) return { ok: false, rule: 1, reason: 'the operator has no second term' };
  const [first, second] = terms;
  if (second && second.type !== first!.type) {
    return { ok: false, rule: 2, reason: `both terms must name the same object type, not ${first!.type} and ${second.type}` };
  }
  return { ok: true, expression: { objectTypeName: first!.type, attributes: terms.map((term) => term.attribute), ...(operator && { operator }) } };
}
