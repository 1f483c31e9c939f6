// The SigV4 timestamp format `yyyymmddThhmmssZ` (X-Amz-Date): strict parse and format.

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Formats a Date as `yyyymmddThhmmssZ` (UTC, seconds precision), as the signer does. */
export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Parses `yyyymmddThhmmssZ`; undefined for anything else, including impossible dates
 * (month 13, 30 February, second 60), so that re-formatting the result gives back the input
 * exactly — the signer re-derives X-Amz-Date from the Date we hand it. Checked field by field
 * rather than by formatting again: this runs on every signed request.
 */
export function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE.exec(value);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC reads years 0–99 as 1900–1999 and rolls impossible fields over; either shows here.
  const same =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return same ? date : undefined;
}
