// What an IAM/STS action handler receives and declares: typed input in, typed output out, and the
// resource it is authorized on (iam:<Action> on that ARN, by the same engine as profile:*).
import type { IamContext } from '../../../domain/iam/iam-context.js';
import type { RequestOrigin } from '../../../auth/request-origin.js';
import type { IamEntityRef, Store, Tags } from '../../../storage/ports.js';
import type { UserService } from '../../../domain/iam/user-service.js';
import type { AccessKeyService } from '../../../domain/iam/access-key-service.js';
import type { GroupService } from '../../../domain/iam/group-service.js';
import type { RoleService } from '../../../domain/iam/role-service.js';
import type { PolicyService } from '../../../domain/iam/policy-service.js';
import type { StsService } from '../../../domain/iam/sts-service.js';
import type { PolicySimulator } from '../../../domain/iam/simulator.js';

export interface IamServices {
  readonly users: UserService;
  readonly accessKeys: AccessKeyService;
  readonly groups: GroupService;
  readonly roles: RoleService;
  readonly policies: PolicyService;
  readonly sts: StsService;
  readonly simulator: PolicySimulator;
}

export interface ActionContext extends IamContext {
  readonly services: IamServices;
  readonly store: Store;
  readonly origin: RequestOrigin;
}

/** The resource an action is authorized on, with the tag context keys it carries. */
export interface ActionTarget {
  readonly arn: string;
  /** The user or role the ARN names, whose stored tags are its aws:ResourceTag/* (read only when a policy tests them). */
  readonly entity?: IamEntityRef;
  readonly requestTags?: Tags;
  readonly tagKeys?: readonly string[];
}

export interface ActionHandler<I, O> {
  /** Absent for actions that need no authorization (GetCallerIdentity) or check it themselves (AssumeRole). */
  target?(ctx: ActionContext, input: I): Promise<ActionTarget>;
  run(ctx: ActionContext, input: I): Promise<O>;
}

/** An IAM Tag list (`[{Key, Value}]`) as a map. */
export function tagMap(list: ReadonlyArray<{ Key: string; Value: string }> | undefined): Tags {
  return Object.fromEntries((list ?? []).map((tag) => [tag.Key, tag.Value]));
}

export function tagList(tags: Tags): Array<{ Key: string; Value: string }> {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
