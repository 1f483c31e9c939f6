// Role trust policies (who may call sts:AssumeRole on a role): parse, validate, evaluate.
import { compileConditionBlock, conditionsHold, type CompiledCondition } from './condition.js';
import type { Decision } from './evaluate.js';
import { malformed } from './malformed-policy-error.js';
import { checkElements, readPolicyShell, type PolicyVersion } from './policy-json.js';
import type { RequestContext } from './request-context.js';
import { compileActions, parseEffect, pickElement, type ActionList, type Effect } from './statement-elements.js';

/** A trusted principal: anyone (`*`), every principal of an account, or one exact ARN. */
export type TrustedPrincipal =
  | { readonly kind: 'any' }
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'arn'; readonly arn: string }
  | { readonly kind: 'service' | 'federated'; readonly name: string };

export interface TrustStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly principals: readonly TrustedPrincipal[];
  readonly actions: ActionList;
  readonly conditions: readonly CompiledCondition[];
}

export interface TrustPolicy {
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  readonly statements: readonly TrustStatement[];
}

const TRUST_ELEMENTS = new Set(['Sid', 'Effect', 'Principal', 'Action', 'NotAction', 'Condition']);
// AWS: NotPrincipal cannot be used in a role trust policy; a trust policy names no resource.
const TRUST_FORBIDDEN = {
  NotPrincipal: 'NotPrincipal is not supported in a role trust policy',
  Resource: 'Has prohibited field Resource',
  NotResource: 'Has prohibited field NotResource',
};

/** Parses a role's AssumeRolePolicyDocument; throws MalformedPolicyDocumentError like parsePolicyDocument. */
export function parseTrustPolicy(text: string): TrustPolicy {
  const shell = readPolicyShell(text);
  const statements = shell.statements.map((raw): TrustStatement => {
    checkElements(raw, TRUST_ELEMENTS, TRUST_FORBIDDEN);
    const { where, body } = raw;
    const effect = parseEffect(body, where);
    if (body.Principal === undefined) throw malformed(`Missing required field Principal in ${where}`);
    const actions = pickElement(body, 'Action', where);
    if (!actions) throw malformed(`Policy statement must contain actions (${where})`);
    return {
      index: raw.index,
      sid: raw.sid,
      effect,
      principals: parsePrincipal(body.Principal, where),
      actions: compileActions(actions.negated, actions.values, where),
      conditions: body.Condition === undefined ? [] : compileConditionBlock(body.Condition, where, shell.variables),
    };
  });
  return { version: shell.version, id: shell.id, statements };
}

const ACCOUNT_ID = /^\d{12}$/;
const ROOT = /^arn:[\w-]+:iam::(\d{12}):root$/;
const IAM_PRINCIPAL = /^arn:[\w-]+:(?:iam::\d{12}:(?:user|role)\/[^*?]+|sts::\d{12}:assumed-role\/[^*?/]+\/[^*?]+)$/;

function parsePrincipal(raw: unknown, where: string): TrustedPrincipal[] {
  if (raw === '*') return [{ kind: 'any' }];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw malformed(`Invalid principal in policy (${where})`);
  const out: TrustedPrincipal[] = [];
  for (const [type, value] of Object.entries(raw as Record<string, unknown>)) {
    const entries = Array.isArray(value) ? (value as unknown[]) : [value];
    if (entries.length === 0 || entries.some((e) => typeof e !== 'string' || e === '')) {
      throw malformed(`Invalid principal in policy: ${type} must be a string or a list of strings (${where})`);
    }
    for (const entry of entries as string[]) out.push(principalEntry(type, entry, where));
  }
  if (out.length === 0) throw malformed(`Invalid principal in policy: empty Principal (${where})`);
  return out;
}

function principalEntry(type: string, entry: string, where: string): TrustedPrincipal {
  if (type === 'Service') return { kind: 'service', name: entry };
  if (type === 'Federated') return { kind: 'federated', name: entry };
  if (type !== 'AWS') throw malformed(`Invalid principal in policy: unsupported principal type ${type} (${where})`);
  if (entry === '*') return { kind: 'any' };
  if (ACCOUNT_ID.test(entry)) return { kind: 'account', accountId: entry };
  const root = ROOT.exec(entry);
  if (root) return { kind: 'account', accountId: root[1] as string };
  if (IAM_PRINCIPAL.test(entry)) return { kind: 'arn', arn: entry };
  throw malformed(`Invalid principal in policy: "AWS" : "${entry}" (${where})`);
}

export interface TrustRequest {
  /** The caller as `aws:PrincipalArn` has it: user ARN, role ARN for a session, or the root ARN. */
  readonly principalArn: string;
  /** For a role session, its `arn:aws:sts::…:assumed-role/…` ARN, which a trust policy may also name. */
  readonly sessionArn?: string | undefined;
  readonly accountId: string;
  /** `sts:AssumeRole` (or `sts:TagSession` when session tags are passed). */
  readonly action: string;
  readonly context: RequestContext;
}

export interface TrustResult {
  readonly decision: Decision;
  /** The statement that denied or allowed. */
  readonly statementIndex?: number;
  /**
   * Allow only: `principal` when the caller was named (or `*`), `account` when only its account
   * was trusted — then the caller's own identity policies must also allow the action.
   */
  readonly grant?: 'principal' | 'account';
}

/** Any applying Deny wins; else the most direct applying Allow; else ImplicitDeny. */
export function evaluateTrustPolicy(policy: TrustPolicy, request: TrustRequest): TrustResult {
  const action = request.action.toLowerCase();
  let allow: TrustResult | undefined;
  for (const statement of policy.statements) {
    if (statement.actions.matches(action) === statement.actions.negated) continue;
    const grant = principalGrant(statement.principals, request);
    if (!grant || !conditionsHold(statement.conditions, request.context)) continue;
    if (statement.effect === 'Deny') return { decision: 'ExplicitDeny', statementIndex: statement.index };
    if (!allow || (allow.grant === 'account' && grant === 'principal')) {
      allow = { decision: 'Allow', statementIndex: statement.index, grant };
    }
  }
  return allow ?? { decision: 'ImplicitDeny' };
}

function principalGrant(principals: readonly TrustedPrincipal[], request: TrustRequest): 'principal' | 'account' | undefined {
  let best: 'principal' | 'account' | undefined;
  for (const p of principals) {
    if (p.kind === 'any' || (p.kind === 'arn' && (p.arn === request.principalArn || p.arn === request.sessionArn))) return 'principal';
    if (p.kind === 'account' && p.accountId === request.accountId) best = 'account';
  }
  return best;
}
