// Parsing `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` (spec step 1).
import { authorizationMissingParts, repeatedAuthField, unparsableAuthorization, unsupportedAlgorithm } from './failures.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

export interface AuthorizationFields {
  readonly credential: string;
  readonly signedHeaders: string;
  readonly signature: string;
}

const REQUIRED = ['Credential', 'SignedHeaders', 'Signature'] as const;

/**
 * Lenient about whitespace (none needed after the commas, any around `=` and the parts),
 * strict about content: the algorithm must be AWS4-HMAC-SHA256 and each of the three parts
 * must appear once with a value. Unknown parts are ignored.
 */
export function parseAuthorization(header: string): AuthorizationFields {
  const match = /^(\S+)(?:\s+([\s\S]*))?$/.exec(header.trim());
  const algorithm = match?.[1];
  if (match === null || algorithm === undefined) throw unparsableAuthorization();
  if (algorithm !== ALGORITHM) throw unsupportedAlgorithm(algorithm);

  const fields = new Map<string, string>();
  for (const raw of (match[2] ?? '').split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw unparsableAuthorization();
    const name = part.slice(0, eq).trim();
    if (fields.has(name)) throw repeatedAuthField(name);
    fields.set(name, part.slice(eq + 1).trim());
  }

  const missing = REQUIRED.filter((name) => !fields.get(name));
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (missing.length > 0 || !credential || !signedHeaders || !signature) throw authorizationMissingParts(missing);
  return { credential, signedHeaders, signature };
}
