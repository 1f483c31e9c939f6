// Authorization of every Customer Profiles operation: profile:<Operation> on the resource ARNs
// that src/generated/authorization.ts gives for it (spec iam-evaluation.md §2.2, §7, §8).
import { AccessDeniedException } from '../generated/errors.js';
import { authorizationRules } from '../generated/authorization.js';
import { operations, type OperationName } from '../generated/operations.js';
import type { Scope, Store, Tags } from '../storage/ports.js';
import type { ActionRequest, AuthorizationTarget, PolicyAuthorizer } from './authorizer.js';
import type { Principal } from './principal.js';
import type { RequestOrigin } from './request-origin.js';

export interface OperationAuthorizationRequest {
  readonly operation: OperationName;
  readonly principal: Principal;
  readonly scope: Scope;
  /** The bound input, not yet validated. */
  readonly input: Readonly<Record<string, unknown>>;
  readonly origin: RequestOrigin;
}

/** An action of ours that is not a model operation (the /_openprofiles/ routes), on resources named directly. */
export interface ActionAuthorizationRequest {
  readonly action: string;
  readonly principal: Principal;
  readonly scope: Scope;
  readonly resourceArns: readonly string[];
  readonly origin: RequestOrigin;
}

export interface Authorizer {
  /** Throws AccessDeniedException when the request is not allowed. */
  authorize(request: OperationAuthorizationRequest): Promise<void>;
  /** The same for an action of ours on the given resources. */
  authorizeAction(request: ActionAuthorizationRequest): Promise<void>;
}

type Input = Readonly<Record<string, unknown>>;

/** A resource part such as `domains/{DomainName}/profiles`: literal text and member names, alternating. */
const templates = new Map<string, readonly string[]>();

function fillTemplate(part: string, input: Input): string {
  let pieces = templates.get(part);
  if (pieces === undefined) templates.set(part, (pieces = part.split(/\{(\w+)\}/)));
  let text = pieces[0]!;
  for (let i = 1; i < pieces.length; i += 2) text += String(input[pieces[i]!] ?? '*') + pieces[i + 1]!;
  return text;
}

/** The ARNs an operation acts on, in the order the rule lists them. */
export function resourceArnsOf(operation: OperationName, scope: Scope, input: Input): string[] {
  const rule = authorizationRules[operation];
  if (rule.resources === '*') return ['*'];
  if (rule.resources === 'resourceArn') return [String(input['resourceArn'])];
  const prefix = `arn:aws:profile:${scope.region}:${scope.accountId}:`;
  return rule.resources.map((part) => prefix + fillTemplate(part, input));
}

// The input is not validated yet (authorization comes first), so read tags defensively.
function tagsOf(value: unknown): Tags | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function keysOf(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : undefined;
}

export class ProfileAuthorizer implements Authorizer {
  constructor(
    private readonly policies: PolicyAuthorizer,
    private readonly store: Store,
  ) {}

  async authorize({ operation, principal, scope, input, origin }: OperationAuthorizationRequest): Promise<void> {
    const rule = authorizationRules[operation];
    const arns = resourceArnsOf(operation, scope, input);
    const requestTags = rule.requestTags === undefined ? undefined : tagsOf(input[rule.requestTags]);
    const tagKeys = rule.tagKeys === undefined ? undefined : keysOf(input[rule.tagKeys]);
    // §7 [decide]: the resource being created (the last ARN) carries the request's tags as
    // aws:ResourceTag/* unless it already exists with tags of its own (read below, when needed).
    const creates = rule.requestTags !== undefined && operation !== 'TagResource';
    const resources: AuthorizationTarget[] = arns.map((arn, index) =>
      creates && requestTags && index === arns.length - 1 ? { arn, tags: requestTags } : { arn },
    );
    await this.check(scope, {
      principal,
      action: operations[operation].iamAction,
      resources,
      ...(requestTags ? { requestTags } : {}),
      ...(tagKeys ? { tagKeys } : {}),
      origin,
    });
  }

  async authorizeAction({ action, principal, scope, resourceArns, origin }: ActionAuthorizationRequest): Promise<void> {
    await this.check(scope, { principal, action, resources: resourceArns.map((arn) => ({ arn })), origin });
  }

  /** Runs the policy engine, reading stored resource tags from this scope when the caller's policies test them. */
  private async check(scope: Scope, request: Omit<ActionRequest, 'storedTags'>): Promise<void> {
    const denial = await this.policies.check({
      ...request,
      storedTags: async (wanted) => {
        const found = await this.store.tags.getMany(scope, wanted);
        return new Map([...found].filter(([, tags]) => Object.keys(tags).length > 0));
      },
    });
    if (denial) throw new AccessDeniedException(denial.message);
  }
}
