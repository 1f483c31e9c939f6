// The decision of spec §3: Allow, ExplicitDeny or ImplicitDeny for one action on one or more resources.
//
// Types (designed from iam-evaluation-cases.json):
//   AuthorizationRequest = { principalArn, action: 'profile:GetDomain', resources: [arn | '*' | {arn, context}], context }
//   PolicySet            = { identity: PolicyDocument[], permissionsBoundary?, sessionPolicies? }
//   EvaluationResult     = { decision, resource, deniedBy? | allowedBy? | notAllowedBy? }
import { conditionsHold } from './condition.js';
import type { CompiledStatement, PolicyDocument } from './policy-document.js';
import type { RequestContext } from './request-context.js';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** Which kind of policy a statement came from, or which kind failed to allow (§3, §9). */
export type PolicyType = 'identity' | 'permissionsBoundary' | 'session';

/** A resource with its own context: §2.3 builds one context per ARN (only aws:ResourceTag/* differs). */
export interface ResourceTarget {
  readonly arn: string;
  readonly context: RequestContext;
}

export interface AuthorizationRequest {
  /** The caller: user ARN, `arn:aws:iam::<acct>:root`, or the assumed-role session ARN (§9). */
  readonly principalArn: string;
  /** `profile:<Operation>` (§2.1); matched case-insensitively. */
  readonly action: string;
  /** §8: each is authorized on its own; `'*'` for actions without a resource type (§2.2). Never empty. */
  readonly resources: readonly (string | ResourceTarget)[];
  /** The context used for every resource given as a plain string. */
  readonly context: RequestContext;
}

export interface PolicySet {
  /** Inline and managed policies of the user and its groups, or of the session's role (§3 step 1). */
  readonly identity: readonly PolicyDocument[];
  /** Intersects: something in it must allow too (§3 step 5); it never grants on its own (B02). */
  readonly permissionsBoundary?: PolicyDocument | undefined;
  /** AssumeRole session policies (inline + managed): when present, one must allow (§3 step 6). */
  readonly sessionPolicies?: readonly PolicyDocument[] | undefined;
}

/** Where a statement sits: `policyIndex` indexes the list of its PolicyType in the PolicySet. */
export interface StatementRef {
  readonly policyType: PolicyType;
  readonly policyIndex: number;
  readonly statementIndex: number;
  readonly sid: string | undefined;
}

export interface EvaluationResult {
  readonly decision: Decision;
  /** The ARN the decision is about: the denied one, or for Allow the last one checked. */
  readonly resource: string;
  /** ExplicitDeny: the Deny statement that applied. */
  readonly deniedBy?: StatementRef;
  /** ImplicitDeny: the policy type in which nothing allowed (§9's three message forms). */
  readonly notAllowedBy?: PolicyType;
  /** Allow: the identity statement that allowed; absent for the account root (§3 step 3). */
  readonly allowedBy?: StatementRef;
}

const ROOT_ARN = /^arn:[^:]+:iam::\d{12}:root$/;

/**
 * §3 for every resource (§8): any ExplicitDeny wins, Allow only if every resource is allowed,
 * otherwise ImplicitDeny (reported for the first resource not allowed). Order of policies and
 * statements does not matter.
 */
export function evaluate(request: AuthorizationRequest, policies: PolicySet): EvaluationResult {
  if (request.resources.length === 0) throw new TypeError('evaluate: at least one resource (or "*") is required');
  const action = request.action.toLowerCase();
  const isRoot = ROOT_ARN.test(request.principalArn);
  let implicit: EvaluationResult | undefined;
  let allowed: EvaluationResult | undefined;
  for (const target of request.resources) {
    const [arn, context] = typeof target === 'string' ? [target, request.context] : [target.arn, target.context];
    const result = evaluateOne(action, arn, context, policies, isRoot);
    if (result.decision === 'ExplicitDeny') return result;
    if (result.decision === 'ImplicitDeny') implicit ??= result;
    else allowed = result;
  }
  return implicit ?? (allowed as EvaluationResult);
}

function evaluateOne(action: string, resource: string, context: RequestContext, set: PolicySet, isRoot: boolean): EvaluationResult {
  const boundary = set.permissionsBoundary ? [set.permissionsBoundary] : NONE;
  const sessions = set.sessionPolicies ?? NONE;
  // §3 step 2: an applying Deny in any policy of any type.
  const deniedBy =
    find(set.identity, 'Deny', 'identity', action, resource, context) ??
    find(boundary, 'Deny', 'permissionsBoundary', action, resource, context) ??
    find(sessions, 'Deny', 'session', action, resource, context);
  if (deniedBy) return { decision: 'ExplicitDeny', resource, deniedBy };
  // §3 step 3: the account root is allowed unless something denied (P01).
  if (isRoot) return { decision: 'Allow', resource };
  const allowedBy = find(set.identity, 'Allow', 'identity', action, resource, context);
  if (!allowedBy) return { decision: 'ImplicitDeny', resource, notAllowedBy: 'identity' };
  if (boundary.length > 0 && !find(boundary, 'Allow', 'permissionsBoundary', action, resource, context)) {
    return { decision: 'ImplicitDeny', resource, notAllowedBy: 'permissionsBoundary' };
  }
  if (sessions.length > 0 && !find(sessions, 'Allow', 'session', action, resource, context)) {
    return { decision: 'ImplicitDeny', resource, notAllowedBy: 'session' };
  }
  return { decision: 'Allow', resource, allowedBy };
}

const NONE: readonly PolicyDocument[] = [];

/** The first statement with `effect` that applies (§4: action, resource and conditions all hold). */
function find(
  documents: readonly PolicyDocument[],
  effect: 'Allow' | 'Deny',
  policyType: PolicyType,
  action: string,
  resource: string,
  context: RequestContext,
): StatementRef | undefined {
  for (let policyIndex = 0; policyIndex < documents.length; policyIndex++) {
    // Only statements whose Action/NotAction admits the action (memoised per document).
    const candidates = (documents[policyIndex] as PolicyDocument).statementsFor(action)[effect];
    for (const statement of candidates) {
      if (resourceAndConditionsHold(statement, resource, context)) {
        return { policyType, policyIndex, statementIndex: statement.index, sid: statement.sid };
      }
    }
  }
  return undefined;
}

/** Whether the statement's Resource/NotResource admits the resource. */
export function resourceMatches(statement: CompiledStatement, resource: string, context: RequestContext): boolean {
  const { resources } = statement;
  return resources.matches(resource, context) !== resources.negated;
}

export function resourceAndConditionsHold(statement: CompiledStatement, resource: string, context: RequestContext): boolean {
  return resourceMatches(statement, resource, context) && conditionsHold(statement.conditions, context);
}
