// Parsing of Numeric, Date and Binary condition values (spec §5.3); NaN/undefined when a value does not parse.

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** §5.3 Numeric: integers or decimals compared by value (`3600` = `3600.0`, T12). NaN if not a number. */
export function parseNumber(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

const EPOCH_SECONDS = /^[+-]?\d+(?:\.\d+)?$/;
// W3C date-time profiles of ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s]]TZD.
const W3C_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/i;

/**
 * §5.3 Date: an instant in epoch milliseconds from ISO 8601 (W3C profiles) or epoch seconds
 * (T06, T11, T13); NaN if neither. [decision] digits alone are epoch seconds (so `2026` is not a
 * year), and a date-time without a zone designator is read as UTC.
 */
export function parseDate(text: string): number {
  if (EPOCH_SECONDS.test(text)) return Number(text) * 1000;
  const m = W3C_DATE.exec(text);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((p) => Number(p ?? 0));
  const monthIndex = m[2] === undefined ? 0 : (month as number) - 1;
  const dayOfMonth = m[3] === undefined ? 1 : (day as number);
  if (monthIndex > 11 || dayOfMonth > 31 || (hour as number) > 23 || (minute as number) > 59 || (second as number) > 60) {
    return Number.NaN;
  }
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const utc = Date.UTC(year as number, monthIndex, dayOfMonth, hour, minute, second) + fraction;
  // Reject 2026-02-31 and the like: Date.UTC would roll it into March.
  if (new Date(utc).getUTCDate() !== dayOfMonth && (second as number) < 60) return Number.NaN;
  return utc - zoneOffsetMs(m[8]);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** §5.3 Binary: the bytes of a base64 value, or undefined when the text is not base64. */
export function parseBase64(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}
