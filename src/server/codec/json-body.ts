// Decodes a request body: strict UTF-8, then JSON, which must be an object (spec §1.2).
import { bodyNotAnObject, bodyNotUtf8, malformedJsonBody } from '../../domain/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The parsed body, or undefined when there is none. */
export function parseJsonBody(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw bodyNotUtf8();
  }
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformedJsonBody();
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw bodyNotAnObject();
  return value;
}
