// Why a decision came out as it did, for the policy simulator: the statements that decided it
// and the condition keys its policies test that the context did not have.
import { resourceAndConditionsHold, resourceMatches, type EvaluationResult, type PolicySet, type PolicyType, type StatementRef } from './evaluate.js';
import type { PolicyDocument } from './policy-document.js';
import type { RequestContext } from './request-context.js';

function documentsOf(set: PolicySet): Array<[PolicyType, readonly PolicyDocument[]]> {
  return [
    ['identity', set.identity],
    ['permissionsBoundary', set.permissionsBoundary ? [set.permissionsBoundary] : []],
    ['session', set.sessionPolicies ?? []],
  ];
}

/**
 * Every statement that applies with the deciding effect: the Deny statements of an explicit deny,
 * the Allow statements of every policy type of an allow, none for an implicit deny (nothing decided it).
 */
export function decidingStatements(result: EvaluationResult, action: string, context: RequestContext, set: PolicySet): StatementRef[] {
  if (result.decision === 'ImplicitDeny') return [];
  const effect = result.decision === 'ExplicitDeny' ? 'Deny' : 'Allow';
  const found: StatementRef[] = [];
  for (const [policyType, documents] of documentsOf(set)) {
    documents.forEach((document, policyIndex) => {
      for (const statement of document.statementsFor(action.toLowerCase())[effect]) {
        if (resourceAndConditionsHold(statement, result.resource, context)) found.push({ policyType, policyIndex, statementIndex: statement.index, sid: statement.sid });
      }
    });
  }
  return found;
}

/** The condition keys (as the policies spell them, each once) of statements for this action and resource that the context lacks. */
export function missingContextKeys(action: string, resource: string, context: RequestContext, set: PolicySet): string[] {
  const missing = new Map<string, string>();
  for (const [, documents] of documentsOf(set)) {
    for (const document of documents) {
      const { Allow, Deny } = document.statementsFor(action.toLowerCase());
      // In document order, so the keys are listed as the policy reads.
      for (const statement of [...Allow, ...Deny].sort((a, b) => a.index - b.index)) {
        if (!resourceMatches(statement, resource, context)) continue;
        for (const { key } of statement.conditions) if (context.get(key) === undefined && !missing.has(key.lower)) missing.set(key.lower, key.spelling);
      }
    }
  }
  return [...missing.values()];
}
