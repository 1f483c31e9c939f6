// Wildcard patterns that hold policy variables: shape analysed at parse time, resolved per request (spec §6).
import { compileGlob, type GlobMode } from './glob.js';
import { resolveText, resolveTokens, type Token } from './policy-string.js';
import type { RequestContext } from './request-context.js';

/**
 * `exact`: no wildcard, compare the resolved text; `prefix`: one trailing `*` (in ARN mode only
 * inside the resource part), compare the resolved prefix; `glob`: anything else, compiled per request.
 */
export interface PatternTemplate {
  readonly shape: 'exact' | 'prefix' | 'glob';
  readonly tokens: readonly Token[];
  readonly mode: GlobMode;
}

const ARN_FIELDS_BEFORE_RESOURCE = 5;

export function compileTemplate(tokens: readonly Token[], mode: GlobMode): PatternTemplate {
  const wildcards = tokens.filter((t) => t.kind === 'star' || t.kind === 'one').length;
  if (wildcards === 0) return { shape: 'exact', tokens, mode };
  if (wildcards === 1 && tokens.at(-1)?.kind === 'star') {
    const head = tokens.slice(0, -1);
    // Colons in substituted values can only push the star further right, never back into a field.
    const staticColons = head.reduce((n, t) => n + (t.kind === 'text' ? t.text.split(':').length - 1 : 0), 0);
    if (mode !== 'arn' || staticColons >= ARN_FIELDS_BEFORE_RESOURCE) return { shape: 'prefix', tokens: head, mode };
  }
  return { shape: 'glob', tokens, mode };
}

/** Whether `value` matches the template once resolved; an unresolvable variable matches nothing (§6). */
export function templateMatches(template: PatternTemplate, value: string, context: RequestContext): boolean {
  if (template.shape === 'glob') {
    const resolved = resolveTokens(template.tokens, context);
    return resolved !== undefined && compileGlob(resolved, template.mode)(value);
  }
  const text = resolveText(template.tokens, context);
  if (text === undefined) return false;
  return template.shape === 'exact' ? value === text : value.startsWith(text);
}
