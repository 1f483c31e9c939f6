// Turns a MatchRecord into comparable values: names, phones, e-mails, addresses and birth dates.
import { normalizePhone } from '../domain/keys/normalize.js';
import type { MatchRecord, NormalizedRecord } from './record.js';

const STREET_WORDS: Readonly<Record<string, string>> = {
  st: 'street', str: 'street', ave: 'avenue', av: 'avenue', rd: 'road', dr: 'drive', ln: 'lane',
  ct: 'court', pl: 'place', blvd: 'boulevard', cres: 'crescent', cr: 'crescent', hwy: 'highway',
  pde: 'parade', cct: 'circuit', tce: 'terrace', ter: 'terrace', cl: 'close', sq: 'square',
  pkwy: 'parkway', n: 'north', s: 'south', e: 'east', w: 'west', apt: 'unit', ste: 'unit',
  suite: 'unit', flat: 'unit', no: '', '#': 'unit', mt: 'mount',
};

/** Lower case, accents stripped, punctuation to spaces, whitespace collapsed; undefined when empty. */
export function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
  return text === '' ? undefined : text;
}

/** A name without punctuation or spaces inside (o'brien = obrien, mary-ann = maryann). */
export function normalizePersonName(value: string | undefined): string | undefined {
  const text = cleanText(value);
  return text === undefined ? undefined : text.replace(/[\s#]+/g, '');
}

export function normalizeEmailAddress(value: string | undefined): string | undefined {
  const text = value?.trim().toLowerCase();
  return text === undefined || text === '' || !text.includes('@') ? undefined : text;
}

/** E.164 through the key normalizer when possible, else digits; fewer than 5 digits is noise. */
export function normalizePhoneNumber(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const phone = normalizePhone(value);
  return phone.replace(/\D/g, '').length < 5 ? undefined : phone;
}

/** Street words to one spelling (st = street), unit markers to `unit`, joined words split off. */
export function normalizeStreet(...lines: (string | undefined)[]): string | undefined {
  const text = cleanText(lines.filter((line) => line !== undefined && line.trim() !== '').join(' '));
  if (text === undefined) return undefined;
  const words = text
    .replace(/#\s*/g, '# ')
    .split(' ')
    .map((word) => STREET_WORDS[word] ?? word)
    .filter((word) => word !== '');
  return words.length === 0 ? undefined : words.join(' ');
}

/** YYYY-MM-DD from YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD or DD/MM/YYYY; an invalid 8-digit date stays digits. */
export function normalizeBirthDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  let match = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[T ].*)?$/.exec(text);
  let parts = match ? [match[1], match[2], match[3]] : undefined;
  if (parts === undefined) {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
    parts = match ? [match[3], match[2], match[1]] : undefined;
  }
  if (parts === undefined) return undefined;
  const [year = '', month = '', day = ''] = parts;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  const valid = !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
  return valid ? date : `${year}${month.padStart(2, '0')}${day.padStart(2, '0')}`;
}

export function normalizeCode(value: string | undefined): string | undefined {
  const text = cleanText(value);
  return text === undefined ? undefined : text.replace(/[\s#]+/g, '');
}

export function normalizeRecord(record: MatchRecord, nicknames: ReadonlyMap<string, string>): NormalizedRecord {
  const firstName = normalizePersonName(record.firstName);
  return {
    firstName,
    firstCanonical: firstName === undefined ? undefined : (nicknames.get(firstName) ?? firstName),
    middleName: normalizePersonName(record.middleName),
    lastName: normalizePersonName(record.lastName),
    birthDate: normalizeBirthDate(record.birthDate),
    email: normalizeEmailAddress(record.email),
    phone: normalizePhoneNumber(record.phone),
    street: normalizeStreet(record.address1, record.address2),
    city: cleanText(record.city),
    state: cleanText(record.state),
    postalCode: normalizeCode(record.postalCode),
    accountNumber: normalizeCode(record.accountNumber),
  };
}
