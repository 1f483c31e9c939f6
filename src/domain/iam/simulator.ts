// The IAM policy simulator (SimulatePrincipalPolicy, SimulateCustomPolicy): the decisions of the same
// evaluator that authorizes requests, for actions and resources the caller names, to answer "why denied?".
import { evaluate, type EvaluationResult, type PolicySet, type StatementRef } from '../../auth/iam/evaluate.js';
import { decidingStatements, missingContextKeys } from '../../auth/iam/explain.js';
import { statementSpans, type StatementSpan } from '../../auth/iam/statement-positions.js';
import { createRequestContext, type ContextEntries, type RequestContext } from '../../auth/iam/request-context.js';
import { requestContext } from '../../auth/context-keys.js';
import type { PrincipalDirectory } from '../../auth/principal-facts.js';
import type { Principal } from '../../auth/principal.js';
import type { RequestOrigin } from '../../auth/request-origin.js';
import type { Store } from '../../storage/ports.js';
import { invalidInput, noSuchEntity } from './errors.js';
import type { IamContext } from './iam-context.js';
import { parseIamArn, userArn } from './names.js';
import { inputSources, principalPolicySources, type PolicySource, type PolicySources } from './policy-sources.js';

export interface SimulationInput {
  readonly actions: readonly string[];
  /** `*` when none is given, as IAM. */
  readonly resources: readonly string[];
  /** Identity policies added to (principal) or making up (custom) what is evaluated. */
  readonly policies: readonly string[];
  readonly boundaries: readonly string[];
  /** ContextEntries as given: key name to its values. */
  readonly context: ContextEntries;
}

/** A statement that decided a result: its policy and where the statement sits in that policy's text. */
export interface MatchedStatement {
  readonly source: PolicySource;
  readonly span: StatementSpan | undefined;
}

export interface SimulatedDecision {
  readonly action: string;
  readonly resource: string;
  readonly result: EvaluationResult;
  readonly matched: readonly MatchedStatement[];
  /** Condition keys the policies test for this action and resource that the context lacked. */
  readonly missingContextKeys: readonly string[];
}

/** The session name a role is simulated under (a role acts only through sessions). */
const SIMULATED_SESSION = 'simulated-session';

export class PolicySimulator {
  constructor(
    private readonly store: Store,
    private readonly directory: PrincipalDirectory,
  ) {}

  /** The policies of a user or role of the caller's account, with any given ones added. */
  async principal(ctx: IamContext, origin: RequestOrigin, sourceArn: string, input: SimulationInput): Promise<SimulatedDecision[]> {
    const { principal, entity, boundaryArn } = await this.sourcePrincipal(ctx.accountId, sourceArn, origin.time);
    const facts = await this.directory.load(principal);
    const stored = await principalPolicySources(this.store, ctx.accountId, entity, boundaryArn);
    const sources: PolicySources = {
      identity: [...stored.identity, ...inputSources('PolicyInputList', input.policies)],
      ...boundaryOf(input, stored.permissionsBoundary),
    };
    const context = createRequestContext(input.context, requestContext(principal, facts, origin, undefined, undefined));
    return this.decide(facts.arn, sources, context, input);
  }

  /** Only the given policies, for a caller that is no one in particular (never the root, which bypasses policies). */
  async custom(ctx: IamContext, callerArn: string | undefined, input: SimulationInput): Promise<SimulatedDecision[]> {
    const sources: PolicySources = { identity: inputSources('PolicyInputList', input.policies), ...boundaryOf(input, undefined) };
    const caller = callerArn ?? userArn(ctx.accountId, '/', SIMULATED_SESSION);
    return this.decide(caller, sources, createRequestContext(input.context), input);
  }

  private decide(principalArn: string, sources: PolicySources, context: RequestContext, input: SimulationInput): SimulatedDecision[] {
    const set: PolicySet = {
      identity: sources.identity.map((s) => s.document),
      ...(sources.permissionsBoundary ? { permissionsBoundary: sources.permissionsBoundary.document } : {}),
    };
    const resources = input.resources.length > 0 ? input.resources : ['*'];
    return input.actions.flatMap((action) =>
      resources.map((resource) => {
        const result = evaluate({ principalArn, action, resources: [resource], context }, set);
        const matched = decidingStatements(result, action, context, set).map((ref) => matchedStatement(sources, ref));
        return { action, resource, result, matched, missingContextKeys: missingContextKeys(action, resource, context, set) };
      }),
    );
  }

  private async sourcePrincipal(accountId: string, arn: string, now: Date): Promise<SourcePrincipal> {
    const user = parseIamArn(arn, 'user');
    if (user && user.accountId === accountId) {
      const found = await this.store.iam.users.get(accountId, user.name);
      if (!found || found.path !== user.path) throw noSuchEntity('user', user.name);
      const principal: Principal = { accountId, kind: 'user', name: found.name, arn, accessKeyId: '' };
      return { principal, entity: { kind: 'user', name: found.name }, boundaryArn: found.permissionsBoundaryArn };
    }
    const role = parseIamArn(arn, 'role');
    if (role && role.accountId === accountId) {
      const found = await this.store.iam.roles.get(accountId, role.name);
      if (!found || found.path !== role.path) throw noSuchEntity('role', role.name);
      const name = `${found.name}/${SIMULATED_SESSION}`;
      // Sessions are cached by key id: one per role keeps simulated roles apart. A session's
      // credentials are temporary, so aws:TokenIssueTime is present: issued now.
      const principal: Principal = { accountId, kind: 'role-session', name, arn: `arn:aws:sts::${accountId}:assumed-role/${name}`, accessKeyId: `simulated:${nameKeyOf(found.name)}`, issuedAt: now };
      return { principal, entity: { kind: 'role', name: found.name }, boundaryArn: found.permissionsBoundaryArn };
    }
    throw invalidInput(`Invalid Entity Arn: ${arn} does not clearly define entity type and name.`);
  }
}

interface SourcePrincipal {
  readonly principal: Principal;
  readonly entity: { kind: 'user' | 'role'; name: string };
  readonly boundaryArn: string | undefined;
}

/** A given boundary replaces the stored one (only the first given is used, as only one applies). */
function boundaryOf(input: SimulationInput, stored: PolicySource | undefined): { permissionsBoundary?: PolicySource } {
  const given = inputSources('PermissionsBoundaryPolicyInputList', input.boundaries)[0];
  const boundary = given ?? stored;
  return boundary ? { permissionsBoundary: boundary } : {};
}

function matchedStatement(sources: PolicySources, ref: StatementRef): MatchedStatement {
  const source = ref.policyType === 'permissionsBoundary' ? sources.permissionsBoundary! : sources.identity[ref.policyIndex]!;
  return { source, span: statementSpans(source.text)[ref.statementIndex] };
}

function nameKeyOf(name: string): string {
  return name.toLowerCase();
}
