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

/** A read value as text (§3.3): missing, null, empty, object and array values are absent. */
export function presentText(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  const text = String(value);
  return text === '' ? undefined : text;
}

/** How a computed number is written (§3.7): integers plainly, others as the shortest round-trip decimal. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/**
 * An object's time read with a definition's TimestampFormat (§3.4 step 4): EPOCHMILLI takes a number or numeric
 * string, read as seconds below 10^11 in absolute value and as milliseconds above; ISO_8601 a date-time with an
 * optional offset (none = UTC). Undefined when the value cannot be read.
 */
export function objectTime(value: unknown, format: 'EPOCHMILLI' | 'ISO_8601'): number | undefined {
  if (format === 'EPOCHMILLI') {
    const n = numberOf(value);
    if (n === undefined) return undefined;
    const millis = Math.abs(n) < 1e11 ? n * 1000 : n;
    return Number.isFinite(millis) && Math.abs(millis) <= 8.64e15 ? Math.trunc(millis) : undefined;
  }
  return typeof value === 'string' && value.includes('T') ? isoInstant(value) : undefined;
}
