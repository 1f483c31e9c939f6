// Compiles wildcard patterns (`*` any run, `?` one character) into matchers, once at parse time.
// Matching never backtracks: the pattern is split on `*` and each run between stars is placed at
// its leftmost fit, so a match costs O(value × pattern) at worst (a RegExp of `*a*a*a…b` is exponential).
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
const COLON = 0x3a;
/** A `?` inside a run: any one UTF-16 code unit (as `[\s\S]` in a RegExp without the u flag). */
const ANY = -1;

/** The code units of a run between two stars, ANY for `?`. */
type Run = readonly number[];

/** A pattern as its runs: `a*b?c*` is [[a], [b, ANY, c], []]; one run means no star at all. */
type Runs = readonly Run[];

/**
 * Builds a matcher for tokens without variables. Common shapes skip the general matcher: a literal
 * pattern is a string comparison, a lone `*` matches anything, a single trailing `*` is a prefix test.
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
  if (mode === 'arn') return arnMatcher(tokens);
  const runs = toRuns(tokens, fold);
  return (value) => matchRuns(runs, value, 0, value.length);
}

/**
 * ARN mode: a wildcard in the first five fields never matches `:`, so the pattern's first k ≤ 5 colons
 * (all in its text) are the value's first k colons. Both split there and each field matches on its own;
 * when the pattern has fewer than five colons its last field stays inside one value field too.
 */
function arnMatcher(tokens: readonly Token[]): Matcher {
  const fields: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind !== 'text' || fields.length > ARN_FIELDS_BEFORE_RESOURCE) {
      fields.at(-1)!.push(token);
      continue;
    }
    const pieces = token.text.split(':');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        if (fields.length > ARN_FIELDS_BEFORE_RESOURCE) {
          fields.at(-1)!.push({ kind: 'text', text: ':' });
        } else {
          fields.push([]);
        }
      }
      if (piece !== '') fields.at(-1)!.push({ kind: 'text', text: piece });
    });
  }
  const splits = fields.length - 1;
  const open = splits === ARN_FIELDS_BEFORE_RESOURCE;
  const runs = fields.map((field) => toRuns(field, (s) => s));
  return (value) => {
    let start = 0;
    for (let i = 0; i < splits; i++) {
      const colon = value.indexOf(':', start);
      if (colon < 0 || !matchRuns(runs[i]!, value, start, colon)) return false;
      start = colon + 1;
    }
    if (!open && value.indexOf(':', start) >= 0) return false;
    return matchRuns(runs[splits]!, value, start, value.length);
  };
}

function toRuns(tokens: readonly Token[], fold: (s: string) => string): Runs {
  const runs: number[][] = [[]];
  for (const token of tokens) {
    const run = runs.at(-1)!;
    if (token.kind === 'star') runs.push([]);
    else if (token.kind === 'one') run.push(ANY);
    else if (token.kind === 'text') {
      const text = fold(token.text);
      for (let i = 0; i < text.length; i++) run.push(text.charCodeAt(i));
    }
  }
  return runs;
}

/** Whether value[from, to) matches the runs: the first at the start, the last at the end, the others leftmost between. */
function matchRuns(runs: Runs, value: string, from: number, to: number): boolean {
  const first = runs[0]!;
  if (runs.length === 1) return to - from === first.length && runAt(first, value, from);
  const last = runs.at(-1)!;
  const end = to - last.length;
  let at = from + first.length;
  if (at > end || !runAt(first, value, from) || !runAt(last, value, end)) return false;
  for (let i = 1; i < runs.length - 1; i++) {
    const run = runs[i]!;
    const found = findRun(run, value, at, end);
    if (found < 0) return false;
    at = found + run.length;
  }
  return true;
}

function findRun(run: Run, value: string, from: number, end: number): number {
  for (let at = from; at + run.length <= end; at++) if (runAt(run, value, at)) return at;
  return -1;
}

function runAt(run: Run, value: string, at: number): boolean {
  for (let i = 0; i < run.length; i++) {
    const unit = run[i]!;
    if (unit !== ANY && value.charCodeAt(at + i) !== unit) return false;
  }
  return true;
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
