// The IAM policy simulator (SimulatePrincipalPolicy, SimulateCustomPolicy): the decisions of the same
// evaluator that authorizes requests, for actions and resources the caller names, to answer "why denied?".
import { evaluate, type EvaluationResult, type PolicySet } from '../../auth/iam/evaluate.js';
import { createRequestContext, type ContextEntries, type RequestContext } from '../../auth/iam/request-context.js';
import { requestContext } from '../../auth/context-keys.js';
import type { PrincipalDirectory } from '../../auth/principal-facts.js';
import type { Principal } from '../../auth/principal.js';
import type { RequestOrigin } from '../../auth/request-origin.js';
import type { Store } from '../../storage/ports.js';
import { invalidInput, noSuchEntity } from './errors.js';
import type { IamContext } from './iam-context.js';
import { parseIamArn, userArn } from './names.js';
import { parsedIdentityPolicy } from './policy-text.js';

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

export interface SimulatedDecision {
  readonly action: string;
  readonly resource: string;
  readonly result: EvaluationResult;
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
    const principal = await this.sourcePrincipal(ctx.accountId, sourceArn, origin.time);
    const facts = await this.directory.load(principal);
    const extra = input.policies.map(parsedIdentityPolicy);
    const boundary = input.boundaries.length > 0 ? parsedIdentityPolicy(input.boundaries[0]!) : facts.policies.permissionsBoundary;
    const set: PolicySet = { identity: [...facts.policies.identity, ...extra], permissionsBoundary: boundary };
    const context = createRequestContext(input.context, requestContext(principal, facts, origin, undefined, undefined));
    return this.decide(facts.arn, set, context, input);
  }

  /** Only the given policies, for a caller that is no one in particular (never the root, which bypasses policies). */
  async custom(ctx: IamContext, callerArn: string | undefined, input: SimulationInput): Promise<SimulatedDecision[]> {
    const set: PolicySet = {
      identity: input.policies.map(parsedIdentityPolicy),
      ...(input.boundaries.length > 0 ? { permissionsBoundary: parsedIdentityPolicy(input.boundaries[0]!) } : {}),
    };
    const caller = callerArn ?? userArn(ctx.accountId, '/', SIMULATED_SESSION);
    return this.decide(caller, set, createRequestContext(input.context), input);
  }

  private decide(principalArn: string, set: PolicySet, context: RequestContext, input: SimulationInput): SimulatedDecision[] {
    const resources = input.resources.length > 0 ? input.resources : ['*'];
    return input.actions.flatMap((action) =>
      resources.map((resource) => ({ action, resource, result: evaluate({ principalArn, action, resources: [resource], context }, set) })),
    );
  }

  private async sourcePrincipal(accountId: string, arn: string, now: Date): Promise<Principal> {
    const user = parseIamArn(arn, 'user');
    if (user && user.accountId === accountId) {
      const found = await this.store.iam.users.get(accountId, user.name);
      if (!found || found.path !== user.path) throw noSuchEntity('user', user.name);
      return { accountId, kind: 'user', name: found.name, arn, accessKeyId: '' };
    }
    const role = parseIamArn(arn, 'role');
    if (role && role.accountId === accountId) {
      const found = await this.store.iam.roles.get(accountId, role.name);
      if (!found || found.path !== role.path) throw noSuchEntity('role', role.name);
      const name = `${found.name}/${SIMULATED_SESSION}`;
      // Sessions are cached by key id: one per role keeps simulated roles apart. A session's
      // credentials are temporary, so aws:TokenIssueTime is present: issued now.
      return { accountId, kind: 'role-session', name, arn: `arn:aws:sts::${accountId}:assumed-role/${name}`, accessKeyId: `simulated:${nameKeyOf(found.name)}`, issuedAt: now };
    }
    throw invalidInput(`Invalid Entity Arn: ${arn} does not clearly define entity type and name.`);
  }
}

function nameKeyOf(name: string): string {
  return name.toLowerCase();
}
