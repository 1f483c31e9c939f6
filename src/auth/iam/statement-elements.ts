// Effect, Action/NotAction and Resource/NotResource of a statement: validated and compiled (spec §4).
import { compileGlob, type Matcher } from './glob.js';
import { malformed } from './malformed-policy-error.js';
import { compileTemplate, templateMatches, type PatternTemplate } from './pattern-template.js';
import { hasVariables, tokenize, type Token } from './policy-string.js';
import type { RequestContext } from './request-context.js';

export type Effect = 'Allow' | 'Deny';

/** A list of action patterns; `negated` for NotAction. `matches` takes the action lower-cased. */
export interface ActionList {
  readonly negated: boolean;
  readonly patterns: readonly string[];
  readonly matches: Matcher;
}

/** A list of resource patterns; `negated` for NotResource. */
export interface ResourceList {
  readonly negated: boolean;
  readonly patterns: readonly string[];
  readonly matches: (resource: string, context: RequestContext) => boolean;
}

export function parseEffect(statement: Record<string, unknown>, where: string): Effect {
  const effect = statement.Effect;
  if (effect === undefined) throw malformed(`Missing required field Effect in ${where}`);
  if (effect !== 'Allow' && effect !== 'Deny') throw malformed(`Invalid effect in ${where}: ${JSON.stringify(effect)} (must be Allow or Deny)`);
  return effect;
}

/** Exactly one of `name` / `Not<name>`; a string or a non-empty list of strings. */
export function pickElement(statement: Record<string, unknown>, name: string, where: string): { negated: boolean; values: string[] } | undefined {
  const positive = statement[name];
  const negative = statement[`Not${name}`];
  if (positive !== undefined && negative !== undefined) throw malformed(`${where} cannot have both ${name} and Not${name}`);
  if (positive === undefined && negative === undefined) return undefined;
  const negated = positive === undefined;
  const raw = negated ? negative : positive;
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  const label = `${where}.${negated ? 'Not' : ''}${name}`;
  if (list.length === 0) throw malformed(`${label} must not be empty`);
  const values = list.map((v) => {
    if (typeof v !== 'string' || v === '') throw malformed(`${label} entries must be non-empty strings`);
    return v;
  });
  return { negated, values };
}

// `service:name` with wildcards only in the name, or `*` alone (§4.1).
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9_*?-]+$/;

export function compileActions(negated: boolean, patterns: readonly string[], where: string): ActionList {
  const matchers = patterns.map((pattern) => {
    if (pattern !== '*' && !ACTION.test(pattern)) {
      throw malformed(`${where}: action "${pattern}" must be "service:Action" (wildcards only in the action name) or "*"`);
    }
    return compileGlob(tokenize(pattern, { wildcards: true, variables: false }), 'action');
  });
  return { negated, patterns, matches: anyOf(matchers) };
}

const ARN_FIELDS_BEFORE_RESOURCE = 5;

/**
 * §4.2: `*`, or an ARN with a partition, service, region, account and resource part. No wildcard
 * in the service field, variables only in the resource part (§10). A resource with a variable is
 * resolved per request; an unresolvable one matches nothing, in NotResource too (§6, V03).
 */
export function compileResources(negated: boolean, patterns: readonly string[], where: string, variables: boolean): ResourceList {
  const matchers: Matcher[] = [];
  const templates: PatternTemplate[] = [];
  for (const pattern of patterns) {
    const tokens = tokenize(pattern, { wildcards: true, variables });
    if (pattern !== '*') checkArnPattern(pattern, tokens, where);
    if (hasVariables(tokens)) templates.push(compileTemplate(tokens, 'arn'));
    else matchers.push(compileGlob(tokens, 'arn'));
  }
  const fixed = anyOf(matchers);
  const matches =
    templates.length === 0
      ? fixed
      : (resource: string, context: RequestContext) => {
          if (fixed(resource)) return true;
          for (const template of templates) if (templateMatches(template, resource, context)) return true;
          return false;
        };
  return { negated, patterns, matches };
}

function checkArnPattern(pattern: string, tokens: readonly Token[], where: string): void {
  const fields: string[] = [''];
  for (const token of tokens) {
    if (token.kind === 'var' && fields.length <= ARN_FIELDS_BEFORE_RESOURCE) {
      throw malformed(`${where}: policy variables are allowed only in the resource part of "${pattern}"`);
    }
    if (token.kind !== 'text') {
      fields[fields.length - 1] += token.kind === 'star' ? '*' : '?';
      continue;
    }
    for (const ch of token.text) {
      if (ch === ':' && fields.length <= ARN_FIELDS_BEFORE_RESOURCE) fields.push('');
      else fields[fields.length - 1] += ch;
    }
  }
  if (fields.length <= ARN_FIELDS_BEFORE_RESOURCE || fields[0] !== 'arn') {
    throw malformed(`${where}: resource "${pattern}" must be in ARN format or "*"`);
  }
  if (/[*?]/.test(fields[2] ?? '') || fields[2] === '') {
    throw malformed(`${where}: resource "${pattern}" must name its service without wildcards`);
  }
}

function anyOf(matchers: readonly Matcher[]): Matcher {
  if (matchers.length === 1) return matchers[0] as Matcher;
  return (value) => {
    for (const matcher of matchers) if (matcher(value)) return true;
    return false;
  };
}
