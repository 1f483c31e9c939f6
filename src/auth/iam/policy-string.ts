// Policy strings as tokens: literal text, the `*`/`?` wildcards and `${…}` policy variables (spec §6).
import { malformed } from './malformed-policy-error.js';
import { contextKey, type ContextKey, type RequestContext } from './request-context.js';

export type Token =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'one' }
  | { readonly kind: 'var'; readonly key: ContextKey; readonly fallback: string | undefined; readonly source: string };

export interface TokenizeOptions {
  /** `*` and `?` are wildcards (StringLike, Arn*, Action, Resource); otherwise literal (C08). */
  readonly wildcards: boolean;
  /** `${…}` is a variable: only in `"Version": "2012-10-17"` policies (§6, V05). */
  readonly variables: boolean;
}

// `${name}` or `${name, 'default'}`; tag keys may hold letters, digits, space and _ . : / = + - @.
const VARIABLE = /^\s*([\w.:/=+\-@ ]*[\w.:/=+\-@])\s*(?:,\s*'([^']*)'\s*)?$/;
// §6: ${*}, ${?}, ${$} are a literal *, ? and $.
const ESCAPES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

export function tokenize(raw: string, options: TokenizeOptions): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (options.variables && ch === '$' && raw[i + 1] === '{') {
      const end = closingBrace(raw, i + 2);
      if (end < 0) throw malformed(`Unterminated policy variable in "${raw}"`);
      const inner = raw.slice(i + 2, end);
      const escaped = ESCAPES[inner];
      if (escaped !== undefined) text += escaped;
      else {
        flush();
        tokens.push(variableToken(inner, raw.slice(i, end + 1)));
      }
      i = end;
    } else if (options.wildcards && ch === '*') {
      flush();
      tokens.push({ kind: 'star' });
    } else if (options.wildcards && ch === '?') {
      flush();
      tokens.push({ kind: 'one' });
    } else text += ch;
  }
  flush();
  return tokens;
}

function variableToken(inner: string, source: string): Token {
  const match = VARIABLE.exec(inner);
  if (!match) throw malformed(`Invalid policy variable ${source}`);
  return { kind: 'var', key: contextKey(match[1] as string), fallback: match[2], source };
}

/** The `}` closing a variable, skipping a quoted default value. */
function closingBrace(raw: string, from: number): number {
  let quoted = false;
  for (let i = from; i < raw.length; i++) {
    if (raw[i] === "'") quoted = !quoted;
    else if (raw[i] === '}' && !quoted) return i;
  }
  return -1;
}

export function hasVariables(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === 'var');
}

/**
 * Replaces every variable by its value as literal text (§6: substituted values are never wildcards).
 * Undefined when a variable's key is absent, or multivalued, and has no default: the caller then
 * treats the pattern as matching nothing (V03, V07).
 */
export function resolveTokens(tokens: readonly Token[], context: RequestContext): Token[] | undefined {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.kind !== 'var') {
      out.push(token);
      continue;
    }
    const value = context.get(token.key);
    const text = typeof value === 'string' ? value : token.fallback;
    if (text === undefined) return undefined;
    out.push({ kind: 'text', text });
  }
  return out;
}

/**
 * The text of tokens that hold no wildcards, variables replaced by their values; undefined when
 * a variable cannot be resolved (same rule as resolveTokens). Allocation-free apart from the string.
 */
export function resolveText(tokens: readonly Token[], context: RequestContext): string | undefined {
  let s = '';
  for (const token of tokens) {
    if (token.kind === 'text') s += token.text;
    else if (token.kind === 'var') {
      const value = context.get(token.key);
      const text = typeof value === 'string' ? value : token.fallback;
      if (text === undefined) return undefined;
      s += text;
    }
  }
  return s;
}

/** The text of tokens that hold no wildcards (after resolution); wildcard tokens are written as `*`/`?`. */
export function tokensText(tokens: readonly Token[]): string {
  let s = '';
  for (const t of tokens) s += t.kind === 'text' ? t.text : t.kind === 'star' ? '*' : t.kind === 'one' ? '?' : t.source;
  return s;
}
