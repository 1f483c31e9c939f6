// The resource ARNs an operation acts on, for authorization (spec §3.14): the ARN being tagged,
// else the domain named in the request, else '*' for account-level operations.
import type { Scope } from '../storage/ports.js';
import { domainArn } from '../domain/arn.js';

export function resourceArnsOf(scope: Scope, input: Readonly<Record<string, unknown>>): string[] {
  if (typeof input['resourceArn'] === 'string') return [input['resourceArn']];
  if (typeof input['DomainName'] === 'string') return [domainArn(scope, input['DomainName'])];
  return ['*'];
}
