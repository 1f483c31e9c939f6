// Decides whether a principal may perform an action on resources: the account boundary first (a
// principal never reaches another account), then the policy engine over the caller's policies
// with the request context of spec iam-evaluation.md §2.3.
import type { Tags } from '../storage/ports.js';
import { evaluate, type ResourceTarget } from './iam/evaluate.js';
import { accessDeniedMessage, noPolicyAllowsMessage } from './iam/messages.js';
import { requestContext, resourceContext } from './context-keys.js';
import type { PrincipalDirectory } from './principal-facts.js';
import type { Principal } from './principal.js';
import type { RequestOrigin } from './request-origin.js';

export interface AuthorizationTarget {
  /** A resource ARN, or '*' for actions without a resource type. */
  readonly arn: string;
  /** The resource's tags (aws:ResourceTag/*), when it has any. */
  readonly tags?: Tags;
}

export interface ActionRequest {
  readonly principal: Principal;
  /** `profile:GetDomain`, `iam:CreateUser`… */
  readonly action: string;
  /** Each is authorized on its own; all must be allowed (§8). */
  readonly resources: readonly AuthorizationTarget[];
  /** aws:RequestTag/* (and aws:TagKeys from their keys unless `tagKeys` is given). */
  readonly requestTags?: Tags;
  readonly tagKeys?: readonly string[];
  readonly origin: RequestOrigin;
  /**
   * Reads the stored tags of resources (aws:ResourceTag/*). Called only when the caller's policies
   * test resource tags; a resource's stored tags, when it has any, replace those given in `resources`.
   */
  readonly storedTags?: (arns: readonly string[]) => Promise<ReadonlyMap<string, Tags>>;
}

/** A denial, with the message AWS would send (§9). */
export interface Denial {
  readonly message: string;
}

function accountOf(arn: string): string | undefined {
  return arn === '*' ? undefined : arn.split(':')[4];
}

export class PolicyAuthorizer {
  constructor(private readonly directory: PrincipalDirectory) {}

  /** After an IAM write: cached principals of the account are read again. */
  invalidate(accountId: string): void {
    this.directory.invalidate(accountId);
  }

  /** Undefined when allowed; else the denial. */
  async check(request: ActionRequest): Promise<Denial | undefined> {
    const { principal, action } = request;
    for (const { arn } of request.resources) {
      const account = accountOf(arn);
      if (account !== undefined && account !== '' && account !== principal.accountId) {
        return { message: noPolicyAllowsMessage(principal.arn, action, arn) };
      }
    }
    // §3 step 3: the root may do anything in its own account; it has no policies that could deny.
    if (principal.kind === 'root') return undefined;
    const facts = await this.directory.load(principal);
    const shared = requestContext(principal, facts, request.origin, request.requestTags, request.tagKeys);
    const arns = request.resources.map(({ arn }) => arn).filter((arn) => arn !== '*');
    const stored = facts.usesResourceTags && request.storedTags && arns.length > 0 ? await request.storedTags(arns) : undefined;
    const resources: ResourceTarget[] = request.resources.map(({ arn, tags }) => ({ arn, context: resourceContext(shared, stored?.get(arn) ?? tags) }));
    const result = evaluate({ principalArn: facts.arn, action, resources, context: shared }, facts.policies);
    return result.decision === 'Allow' ? undefined : { message: accessDeniedMessage(facts.arn, action, result) };
  }
}
