// Reading the request as received: headers from Node's rawHeaders, query pairs from the raw query.
import { malformedQuery, repeatedAuthField } from './failures.js';

/** Lower-cased header name -> values in arrival order (repeats kept apart, unlike req.headers). */
export type HeaderLines = ReadonlyMap<string, readonly string[]>;

/** One `name=value` of the query, percent-decoded. */
export interface QueryPair {
  readonly name: string;
  readonly value: string;
}

export function collectHeaders(rawHeaders: readonly string[]): HeaderLines {
  const headers = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    const value = rawHeaders[i + 1];
    if (name === undefined || value === undefined) continue;
    const key = name.toLowerCase();
    const values = headers.get(key);
    if (values === undefined) headers.set(key, [value]);
    else values.push(value);
  }
  return headers;
}

/** The single value of a header, undefined when absent; a repeated header is an error. */
export function singleHeader(headers: HeaderLines, name: string): string | undefined {
  const values = headers.get(name);
  if (values === undefined) return undefined;
  if (values.length !== 1) throw repeatedAuthField(name);
  return values[0];
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    throw malformedQuery();
  }
}

/**
 * Splits on `&` and the first `=`, percent-decoding names and values; `+` stays a plus
 * (spec step 7, canonical query). Empty pieces (`a=1&&b=2`) carry nothing and are skipped.
 */
export function parseQuery(rawQuery: string): QueryPair[] {
  const pairs: QueryPair[] = [];
  if (rawQuery === '') return pairs;
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq === -1 ? piece : piece.slice(0, eq);
    const value = eq === -1 ? '' : piece.slice(eq + 1);
    pairs.push({ name: decode(name), value: decode(value) });
  }
  return pairs;
}

/** Values of one query parameter (exact, case-sensitive name) in arrival order. */
export function queryValues(pairs: readonly QueryPair[], name: string): string[] {
  return pairs.filter((pair) => pair.name === name).map((pair) => pair.value);
}
