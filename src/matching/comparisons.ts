// Per-attribute comparisons of two normalized records into graded levels (exact/close/partial/different/missing).
import { LEVEL, type LevelCode } from './levels.js';
import type { NormalizedRecord } from './record.js';
import { jaroWinkler, levenshtein } from './similarity.js';

export interface Comparison {
  readonly name: string;
  /** The field whose value frequency adjusts an exact match's weight (term-frequency adjustment). */
  readonly termFrequencyField?: keyof NormalizedRecord;
  compare(a: NormalizedRecord, b: NormalizedRecord): LevelCode;
}

type Field = keyof NormalizedRecord;

function both(a: NormalizedRecord, b: NormalizedRecord, field: Field): [string, string] | undefined {
  const left = a[field];
  const right = b[field];
  return left === undefined || right === undefined ? undefined : [left, right];
}

/** Exact, JW >= 0.92 close, JW >= 0.8 or an initial/prefix partial. */
export function compareNames(left: string, right: string): LevelCode {
  if (left === right) return LEVEL.exact;
  const similarity = jaroWinkler(left, right);
  if (similarity >= 0.92) return LEVEL.close;
  const prefix = left.length === 1 || right.length === 1 ? left[0] === right[0] : left.startsWith(right) || right.startsWith(left);
  return similarity >= 0.8 || prefix ? LEVEL.partial : LEVEL.different;
}

/** Exact; one typo or day/month swapped close; within a year partial. Works on invalid 8-digit dates too. */
export function compareDates(left: string, right: string): LevelCode {
  if (left === right) return LEVEL.exact;
  const l = left.replace(/-/g, '');
  const r = right.replace(/-/g, '');
  if (levenshtein(l, r) <= 1) return LEVEL.close;
  if (l.slice(0, 4) === r.slice(0, 4) && l.slice(4, 6) === r.slice(6, 8) && l.slice(6, 8) === r.slice(4, 6)) return LEVEL.close;
  const leftYear = Number(l.slice(0, 4));
  const rightYear = Number(r.slice(0, 4));
  if (Math.abs(leftYear - rightYear) > 1) return LEVEL.different; // no need to parse dates more than a year apart
  const days = Math.abs(Date.parse(left) - Date.parse(right)) / 86_400_000;
  return Number.isFinite(days) && days <= 366 ? LEVEL.partial : LEVEL.different;
}

export function compareEmails(left: string, right: string): LevelCode {
  if (left === right) return LEVEL.exact;
  const leftLocal = left.slice(0, Math.max(0, left.indexOf('@')));
  const rightLocal = right.slice(0, Math.max(0, right.indexOf('@')));
  if (leftLocal === rightLocal || jaroWinkler(left, right) >= 0.95) return LEVEL.close;
  return jaroWinkler(leftLocal, rightLocal) >= 0.85 ? LEVEL.partial : LEVEL.different;
}

/** Codes and numbers (phones, postcodes, accounts): exact, one edit close, two edits partial. */
export function compareCodes(left: string, right: string): LevelCode {
  if (left === right) return LEVEL.exact;
  const distance = levenshtein(left, right);
  if (distance <= 1) return LEVEL.close;
  return distance <= 2 && Math.min(left.length, right.length) > 4 ? LEVEL.partial : LEVEL.different;
}

/** Exact, JW >= 0.92 close, half the words shared or JW >= 0.8 partial. */
export function compareText(left: string, right: string): LevelCode {
  if (left === right) return LEVEL.exact;
  const similarity = jaroWinkler(left, right);
  if (similarity >= 0.92) return LEVEL.close;
  if (similarity >= 0.8) return LEVEL.partial;
  const leftWords = new Set(left.split(' '));
  const rightWords = right.split(' ');
  let shared = 0;
  for (const word of rightWords) if (leftWords.has(word)) shared++;
  return shared * 2 >= Math.max(leftWords.size, rightWords.length) ? LEVEL.partial : LEVEL.different;
}

function field(name: string, key: Field, grade: (l: string, r: string) => LevelCode): Comparison {
  return {
    name,
    compare: (a, b) => {
      const values = both(a, b, key);
      return values === undefined ? LEVEL.missing : grade(values[0], values[1]);
    },
  };
}

/** First and last name written the other way round on one side (both cross-compare close). */
function swapped(a: NormalizedRecord, b: NormalizedRecord): boolean {
  if (a.firstName === undefined || a.lastName === undefined || b.firstName === undefined || b.lastName === undefined) return false;
  return compareNames(a.firstName, b.lastName) <= LEVEL.close && compareNames(a.lastName, b.firstName) <= LEVEL.close;
}

/** First names: a nickname of the same canonical name, or names swapped, count as close. */
function firstName(): Comparison {
  return {
    name: 'firstName',
    termFrequencyField: 'firstName',
    compare: (a, b) => {
      const values = both(a, b, 'firstName');
      if (values === undefined) return LEVEL.missing;
      const level = compareNames(values[0], values[1]);
      if (level <= LEVEL.close) return level;
      return a.firstCanonical === b.firstCanonical || swapped(a, b) ? LEVEL.close : level;
    },
  };
}

function lastName(): Comparison {
  return {
    name: 'lastName',
    termFrequencyField: 'lastName',
    compare: (a, b) => {
      const values = both(a, b, 'lastName');
      if (values === undefined) return LEVEL.missing;
      const level = compareNames(values[0], values[1]);
      return level > LEVEL.close && swapped(a, b) ? LEVEL.close : level;
    },
  };
}

/**
 * City and postal code as one comparison: a postcode implies its city, so scoring both would count
 * one piece of evidence twice (Fellegi-Sunter assumes independent attributes).
 */
function location(): Comparison {
  return {
    name: 'location',
    compare: (a, b) => {
      const postcode = both(a, b, 'postalCode');
      const city = both(a, b, 'city');
      if (postcode === undefined && city === undefined) return LEVEL.missing;
      const postcodeLevel = postcode === undefined ? LEVEL.missing : compareCodes(postcode[0], postcode[1]);
      const cityLevel = city === undefined ? LEVEL.missing : compareText(city[0], city[1]);
      if (postcodeLevel === LEVEL.exact && cityLevel !== LEVEL.different) return LEVEL.exact;
      if (postcodeLevel === LEVEL.missing) return cityLevel === LEVEL.exact ? LEVEL.close : cityLevel === LEVEL.close ? LEVEL.partial : LEVEL.different;
      if (postcodeLevel === LEVEL.exact || cityLevel === LEVEL.exact || cityLevel === LEVEL.close) return LEVEL.close;
      return postcodeLevel === LEVEL.close ? LEVEL.partial : LEVEL.different;
    },
  };
}

/** The standard profile's attributes, in the order of comparison vectors. */
export function defaultComparisons(): readonly Comparison[] {
  return [
    firstName(),
    field('middleName', 'middleName', compareNames),
    lastName(),
    field('birthDate', 'birthDate', compareDates),
    field('email', 'email', compareEmails),
    field('phone', 'phone', compareCodes),
    field('street', 'street', compareText),
    location(),
    field('state', 'state', (l, r) => (l === r ? LEVEL.exact : LEVEL.different)),
    field('accountNumber', 'accountNumber', compareCodes),
  ];
}
