// Decides whether a principal may perform an action on resources. Until IAM policies exist the rule is
// the account boundary: a principal may act on its own account's resources and never on another's.
import type { Principal } from './principal.js';
import { notAuthorized } from '../domain/errors.js';

export interface AuthorizationRequest {
  readonly principal: Principal;
  readonly action: string;
  readonly resourceArns: readonly string[];
}

export interface Authorizer {
  /** Throws AccessDeniedException when the request is not allowed. */
  authorize(request: AuthorizationRequest): Promise<void>;
}

function accountOf(arn: string): string | undefined {
  return arn === '*' ? undefined : arn.split(':')[4];
}

export class AccountBoundaryAuthorizer implements Authorizer {
  async authorize({ principal, action, resourceArns }: AuthorizationRequest): Promise<void> {
    for (const arn of resourceArns) {
      const account = accountOf(arn);
      if (account !== undefined && account !== principal.accountId) {
        throw notAuthorized(principal.arn, action, arn, false);
      }
    }
  }
}
