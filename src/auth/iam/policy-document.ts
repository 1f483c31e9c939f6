// Identity-based policy documents (also used as permissions boundaries and session policies): parse, validate, compile.
import { indexByAction, type StatementsByEffect } from './action-index.js';
import { compileConditionBlock, type CompiledCondition } from './condition.js';
import { malformed } from './malformed-policy-error.js';
import { checkElements, readPolicyShell, type PolicyVersion } from './policy-json.js';
import { compileActions, compileResources, parseEffect, pickElement, type ActionList, type Effect, type ResourceList } from './statement-elements.js';

export { MalformedPolicyDocumentError } from './malformed-policy-error.js';
export type { PolicyVersion } from './policy-json.js';

/**
 * One statement, ready to evaluate: patterns are compiled matchers, condition values are parsed.
 * `index` is its position in the document's Statement list.
 */
export interface CompiledStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly actions: ActionList;
  readonly resources: ResourceList;
  readonly conditions: readonly CompiledCondition[];
}

export interface PolicyDocument {
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  readonly statements: readonly CompiledStatement[];
  /** The statements whose Action/NotAction admits `action` (lower-cased), by effect; memoised per action. */
  readonly statementsFor: (action: string) => StatementsByEffect<CompiledStatement>;
}

const IDENTITY_ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
// §4: a Principal element is invalid in identity policies.
const NO_PRINCIPAL = {
  Principal: 'Policy document should not specify a principal',
  NotPrincipal: 'Policy document should not specify a principal',
};

/**
 * Parses the JSON text of an identity policy (inline or managed), a permissions boundary or a
 * session policy. Throws MalformedPolicyDocumentError naming the first problem found (§10).
 */
export function parsePolicyDocument(text: string): PolicyDocument {
  const shell = readPolicyShell(text);
  const statements = shell.statements.map((raw): CompiledStatement => {
    checkElements(raw, IDENTITY_ELEMENTS, NO_PRINCIPAL);
    const { where, body } = raw;
    const effect = parseEffect(body, where);
    const actions = pickElement(body, 'Action', where);
    if (!actions) throw malformed(`Policy statement must contain actions (${where})`);
    const resources = pickElement(body, 'Resource', where);
    if (!resources) throw malformed(`Policy statement must contain resources (${where})`);
    return {
      index: raw.index,
      sid: raw.sid,
      effect,
      actions: compileActions(actions.negated, actions.values, where),
      resources: compileResources(resources.negated, resources.values, where, shell.variables),
      conditions: body.Condition === undefined ? [] : compileConditionBlock(body.Condition, where, shell.variables),
    };
  });
  return { version: shell.version, id: shell.id, statements, statementsFor: indexByAction(statements) };
}
