// The SigV4 timestamp format `yyyymmddThhmmssZ` (X-Amz-Date): strict parse and format.

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Formats a Date as `yyyymmddThhmmssZ` (UTC, seconds precision), as the signer does. */
export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Parses `yyyymmddThhmmssZ`; undefined for anything else, including impossible dates
 * (month 13, 30 February), so that re-formatting the result gives back the input exactly —
 * the signer re-derives X-Amz-Date from the Date we hand it.
 */
export function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined || s === undefined) {
    return undefined;
  }
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatAmzDate(date) === value ? date : undefined;
}
