// The AccessDenied message forms of spec §9, as strings for the server's AccessDeniedException.
import type { EvaluationResult, PolicyType } from './evaluate.js';

const NO_POLICY: Readonly<Record<PolicyType, string>> = {
  identity: 'identity-based policy',
  permissionsBoundary: 'permissions boundary',
  session: 'session policy',
};

const IN_POLICY: Readonly<Record<PolicyType, string>> = {
  identity: 'an identity-based policy',
  permissionsBoundary: 'a permissions boundary',
  session: 'a session policy',
};

/** `User: <arn> is not authorized to perform: <action> on resource: <arn> because no <policy type> allows the <action> action` */
export function noPolicyAllowsMessage(principalArn: string, action: string, resource: string, policyType: PolicyType = 'identity'): string {
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} because no ${NO_POLICY[policyType]} allows the ${action} action`;
}

/** `User: <arn> is not authorized to perform: <action> on resource: <arn> with an explicit deny in <a policy type>` */
export function explicitDenyMessage(principalArn: string, action: string, resource: string, policyType: PolicyType = 'identity'): string {
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny in ${IN_POLICY[policyType]}`;
}

/** The message for a denial returned by `evaluate`; `action` as spelled for the wire (`profile:GetDomain`). */
export function accessDeniedMessage(principalArn: string, action: string, result: EvaluationResult): string {
  if (result.decision === 'Allow') throw new Error('accessDeniedMessage: the request was allowed');
  if (result.decision === 'ExplicitDeny') {
    return explicitDenyMessage(principalArn, action, result.resource, result.deniedBy?.policyType);
  }
  return noPolicyAllowsMessage(principalArn, action, result.resource, result.notAllowedBy);
}
