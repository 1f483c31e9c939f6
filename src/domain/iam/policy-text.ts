// Policy documents on the IAM wire: validated with the engine's parsers when written (MalformedPolicyDocument),
// and returned URL-encoded as IAM does (the AWS CLI decodes them; the SDKs hand them over as sent).
import { parsePolicyDocument, MalformedPolicyDocumentError, type PolicyDocument } from '../../auth/iam/policy-document.js';
import { parseTrustPolicy } from '../../auth/iam/trust-policy.js';
import { malformedPolicyDocument } from './errors.js';

function validated(text: string, parse: (text: string) => unknown): string {
  try {
    parse(text);
    return text;
  } catch (error) {
    if (error instanceof MalformedPolicyDocumentError) throw malformedPolicyDocument(error.message);
    throw error;
  }
}

export function validIdentityPolicy(text: string): string {
  return validated(text, parsePolicyDocument);
}

export function validTrustPolicy(text: string): string {
  return validated(text, parseTrustPolicy);
}

/** RFC 3986 encoding, as IAM returns policy documents. */
export function encodePolicyDocument(text: string): string {
  return encodeURIComponent(text);
}

/** A policy given to the simulator: parsed, or MalformedPolicyDocument. */
export function parsedIdentityPolicy(text: string): PolicyDocument {
  try {
    return parsePolicyDocument(text);
  } catch (error) {
    if (error instanceof MalformedPolicyDocumentError) throw malformedPolicyDocument(error.message);
    throw error;
  }
}
