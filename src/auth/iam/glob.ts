// Compiles wildcard patterns (`*` any run, `?` one character) into fast matchers, once at parse time.
import type { Token } from './policy-string.js';

/**
 * How a pattern treats its text:
 * - `action`: case-insensitive, whole string (§4.1); the caller passes the action lower-cased;
 * - `string`: case-sensitive, `*` crosses every character (StringLike, §5.3);
 * - `arn`: case-sensitive; in the first five ARN fields `*`/`?` stay inside the field, in the
 *   resource part (after the fifth `:`) they cross `/` and `:` alike (§4.2, §5.3 Arn*, R02, R05, T08).
 */
export type GlobMode = 'action' | 'string' | 'arn';

export type Matcher = (value: string) => boolean;

const ARN_FIELDS_BEFORE_RESOURCE = 5;

/**
 * Builds a matcher for tokens without variables. Common shapes skip RegExp: a literal pattern is
 * a string comparison, a lone `*` matches anything, a single trailing `*` is a prefix test.
 */
export function compileGlob(tokens: readonly Token[], mode: GlobMode): Matcher {
  const fold = mode === 'action' ? (s: string) => s.toLowerCase() : (s: string) => s;
  const only = tokens.length === 1 ? tokens[0] : undefined;
  // A lone `*` matches everything, also in ARN mode (`"Resource": "*"`, `ArnLike: "*"`).
  if (only?.kind === 'star') return () => true;
  const wildcards = tokens.filter((t) => t.kind === 'star' || t.kind === 'one').length;
  if (wildcards === 0) {
    const literal = fold(textOf(tokens));
    return (value) => value === literal;
  }
  const last = tokens.at(-1);
  if (wildcards === 1 && last?.kind === 'star') {
    const prefix = fold(textOf(tokens.slice(0, -1)));
    if (mode !== 'arn' || colons(prefix) >= ARN_FIELDS_BEFORE_RESOURCE) return (value) => value.startsWith(prefix);
  }
  const pattern = new RegExp(`^${regexSource(tokens, mode, fold)}$`);
  return (value) => pattern.test(value);
}

function regexSource(tokens: readonly Token[], mode: GlobMode, fold: (s: string) => string): string {
  let source = '';
  let seenColons = 0;
  for (const token of tokens) {
    const inField = mode === 'arn' && seenColons < ARN_FIELDS_BEFORE_RESOURCE;
    if (token.kind === 'star') source += inField ? '[^:]*' : '[\\s\\S]*';
    else if (token.kind === 'one') source += inField ? '[^:]' : '[\\s\\S]';
    else if (token.kind === 'text') {
      source += escapeRegex(fold(token.text));
      seenColons += colons(token.text);
    }
  }
  return source;
}

function textOf(tokens: readonly Token[]): string {
  let s = '';
  for (const t of tokens) if (t.kind === 'text') s += t.text;
  return s;
}

function colons(s: string): number {
  let n = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n++;
  return n;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
