// Parses a raw query string into a multimap. '+' stays a plus (AWS clients encode a space as %20).
import { malformedPercentEncoding } from '../../domain/errors.js';

export type QueryMultimap = ReadonlyMap<string, readonly string[]>;

export function parseQueryString(rawQuery: string): QueryMultimap {
  const result = new Map<string, string[]>();
  if (rawQuery === '') return result;
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName);
      value = decodeURIComponent(rawValue);
    } catch {
      throw malformedPercentEncoding('query string');
    }
    const values = result.get(name);
    if (values) values.push(value);
    else result.set(name, [value]);
  }
  return result;
}
