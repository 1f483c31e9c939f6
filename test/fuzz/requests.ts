// Puts a generated input on the wire as restJson1 does (labels in the path, query parameters, headers, a JSON
// body of the rest), and sometimes breaks the envelope itself (bad JSON, wrong content type, invalid UTF-8).
import type { OperationDefinition } from '../../src/generated/operations.js';
import { schema } from '../../src/generated/schema.js';
import type { RawCall } from '../support/signed-fetch.js';
import type { Random } from './random.js';

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? '';
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes the UTF-8 bytes of `value` outside the unreserved set (a lone surrogate becomes U+FFFD, as any client's encoder makes it). */
function percentEncode(value: string, keep: RegExp = UNRESERVED): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && keep.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** restJson1 label encoding (greedy labels keep '/'). */
function encodeLabel(value: string, greedy: boolean): string {
  return percentEncode(value, greedy ? /[A-Za-z0-9\-._~/]/ : UNRESERVED);
}

export function toRawCall(operation: OperationDefinition, input: Record<string, unknown>, random: Random): RawCall {
  const shape = schema[operation.input];
  if (!shape || shape.kind !== 'structure') throw new Error(`${operation.input} is not a structure`);
  const body: Record<string, unknown> = {};
  const query: string[] = [];
  const headers: Record<string, string> = {};
  let path = operation.uri;
  for (const [name, value] of Object.entries(input)) {
    const member = shape.members[name];
    if (!member) {
      body[name] = value;
      continue;
    }
    const where = member.locationName ?? name;
    if (member.location === 'label') {
      const greedy = path.includes(`{${where}+}`);
      path = path.replace(greedy ? `{${where}+}` : `{${where}}`, encodeLabel(asText(value), greedy));
    } else if (member.location === 'query') {
      for (const item of Array.isArray(value) ? value : [value]) query.push(`${percentEncode(where)}=${percentEncode(asText(item))}`);
    } else if (member.location === 'header') {
      headers[where] = asText(value).replace(/[\r\n\u0000]/g, ' ');
    } else {
      body[member.jsonName] = value;
    }
  }
  // A label the generator left out: an empty segment, as a careless client would send.
  path = path.replace(/\{[^}]+\}/g, '');
  const fullPath = query.length > 0 ? `${path}?${query.join('&')}` : path;
  const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
  if (!hasBody) return { method: operation.method, path: fullPath, headers };
  const roll = random.next();
  if (roll < 0.02) return { method: operation.method, path: fullPath, headers, body: '{"unterminated": ' };
  if (roll < 0.03) return { method: operation.method, path: fullPath, headers: { ...headers, 'content-type': 'text/plain' }, body: JSON.stringify(body) };
  if (roll < 0.04) return { method: operation.method, path: fullPath, headers, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) };
  if (roll < 0.05) return { method: operation.method, path: fullPath, headers, body: '[1,2,3]' };
  if (roll < 0.06) return { method: operation.method, path: fullPath, headers, body: `${'['.repeat(5000)}${']'.repeat(5000)}` };
  return { method: operation.method, path: fullPath, headers, body: JSON.stringify(body) };
}
