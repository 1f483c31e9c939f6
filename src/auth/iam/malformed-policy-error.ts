// The one error a policy document can fail with; the IAM API answers it as MalformedPolicyDocument.

/**
 * Thrown by the policy parsers for anything that must be refused when a policy is stored
 * (spec §10): bad JSON, unknown elements, operators or qualifiers, missing Effect/Action/Resource,
 * Principal in an identity policy, misplaced policy variables. The message names the problem
 * and, where there is one, the statement (`Statement[2]`).
 */
export class MalformedPolicyDocumentError extends Error {
  override readonly name = 'MalformedPolicyDocumentError';
  readonly code = 'MalformedPolicyDocument';
}

/** Shorthand used by the parsers: `throw malformed('…')`. */
export function malformed(message: string): MalformedPolicyDocumentError {
  return new MalformedPolicyDocumentError(message);
}
