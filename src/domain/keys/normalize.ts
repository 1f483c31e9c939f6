// Normalizes key values for matching (spec §3.7): phone numbers to E.164, e-mail addresses and names
// case-insensitive, everything else exact. Used by search, AddProfileKey and (later) ingestion, so a
// value is normalized the same way wherever it is written or looked up.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The content types of object-type fields (model FieldContentType); keys inherit theirs. */
export type ContentType = 'STRING' | 'NUMBER' | 'PHONE_NUMBER' | 'EMAIL_ADDRESS' | 'NAME';

export interface NormalizeOptions {
  /** Country for numbers written without `+country code`; see region-country.ts. */
  readonly defaultCountry?: CountryCode;
}

/**
 * E.164 (`+12063457890`) when libphonenumber reads a possible number, ignoring punctuation,
 * spaces and extensions. Otherwise the digits (with a leading `+` if written) so that formatting
 * alone never stops two spellings of one unreadable number from matching; text without any digit
 * is kept as written.
 */
export function normalizePhone(value: string, options: NormalizeOptions = {}): string {
  const parsed = parsePhoneNumberFromString(value, options.defaultCountry);
  if (parsed?.isPossible()) return parsed.number;
  const digits = value.replace(/\D/g, '');
  if (digits === '') return value.trim();
  return value.trim().startsWith('+') ? `+${digits}` : digits;
}

/** Whole address, case-insensitive (spec §3.7 "e-mails case-insensitive"), surrounding space ignored. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Case-insensitive, Unicode-composed, runs of whitespace collapsed to one space, ends trimmed. */
export function normalizeName(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

export function normalizeValue(contentType: ContentType, value: string, options: NormalizeOptions = {}): string {
  switch (contentType) {
    case 'PHONE_NUMBER':
      return normalizePhone(value, options);
    case 'EMAIL_ADDRESS':
      return normalizeEmail(value);
    case 'NAME':
      return normalizeName(value);
    case 'STRING':
    case 'NUMBER':
      return value;
  }
}
