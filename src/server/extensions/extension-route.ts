// Routes of our own under /_openprofiles/: signed and authorized like the model's operations, for what
// the Customer Profiles API has no operation for (starting an identity-resolution job, pushing events).
import type { Container } from '../../container.js';
import type { OperationContext } from '../../operations/types.js';

export interface ExtensionRequest {
  /** Path labels, percent-decoded. */
  readonly labels: Readonly<Record<string, string>>;
  readonly query: ReadonlyMap<string, readonly string[]>;
  /** The JSON object body, or undefined when the request has none. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
}

export interface ExtensionResult {
  readonly statusCode?: number;
  readonly body: unknown;
}

/** What an extension handler may use: the operation context plus the wiring (store, clock) it needs. */
export interface ExtensionContext extends OperationContext {
  readonly container: Container;
}

export interface ExtensionRoute {
  readonly method: string;
  /** e.g. `/_openprofiles/domains/{DomainName}/identity-resolution-jobs`; each `{Label}` is one path segment. */
  readonly path: string;
  /** The IAM action authorized for every resource below, e.g. `profile:StartIdentityResolutionJob`. */
  readonly action: string;
  /** The resource ARNs the action is authorized on (all must be allowed). */
  resources(context: ExtensionContext, request: ExtensionRequest): Promise<readonly string[]> | readonly string[];
  handle(context: ExtensionContext, request: ExtensionRequest): Promise<ExtensionResult>;
}
