// How calculated attributes read numbers and dates from text (spec api-behaviour-2a §3.3, §4.3).

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A JSON number, or a string that spells one; undefined otherwise (and for non-finite results). */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !NUMBER.test(value)) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** An ISO 8601 date (midnight UTC) or date-time (UTC without an offset) as epoch ms; undefined otherwise. */
export function isoInstant(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', offset = 'Z'] = match;
  const normalizedOffset = offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const millis = fraction === '' ? '' : `.${fraction.padEnd(3, '0').slice(0, 3)}`;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${millis}${normalizedOffset}`;
  const parsed = Date.parse(iso);
  if (Number.isNaN(parsed)) return undefined;
  // Date.parse rolls 2026-02-30 over to March: a date that does not exist is not a date.
  const check = new Date(parsed + (normalizedOffset === 'Z' ? 0 : offsetMinutes(normalizedOffset) * 60_000));
  const sameDay = check.getUTCFullYear() === Number(year) && check.getUTCMonth() + 1 === Number(month) && check.getUTCDate() === Number(day);
  return sameDay ? parsed : undefined;
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}
