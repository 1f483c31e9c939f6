// Writes any error as restJson1 does: x-amzn-ErrorType and X-Amzn-ErrorMessage headers plus {"Message": …} (spec §1.4).
import { ServiceException } from '../../generated/errors.js';
import type { WireResponse } from './to-wire.js';

/** Past this many characters the header's message is cut (the body keeps it whole); clients cap a head at 8–16 KiB. */
export const ERROR_MESSAGE_HEADER_LIMIT = 2048;

/**
 * The message as a header value: `%`, control characters (CR and LF included) and everything outside ASCII are
 * percent-encoded as UTF-8 bytes, so the value is always a legal header and decodeURIComponent gives the message
 * back; a value over the limit is cut before a whole character (never inside a %XX) and ends with `...`.
 */
export function errorMessageHeader(message: string): string {
  const pieces = Array.from(message, headerSafe);
  const whole = pieces.join('');
  if (whole.length <= ERROR_MESSAGE_HEADER_LIMIT) return whole;
  let cut = '';
  for (const piece of pieces) {
    if (cut.length + piece.length > ERROR_MESSAGE_HEADER_LIMIT - 3) break;
    cut += piece;
  }
  return `${cut}...`;
}

function headerSafe(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0x20 && code < 0x7f && char !== '%') return char;
  // A lone surrogate becomes U+FFFD's bytes, as any UTF-8 encoder writes it.
  return Array.from(Buffer.from(char, 'utf8'), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

export function serializeError(error: ServiceException): WireResponse {
  return {
    statusCode: error.statusCode,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.name, 'x-amzn-errormessage': errorMessageHeader(error.message) },
    body: JSON.stringify({ Message: error.message }),
  };
}
