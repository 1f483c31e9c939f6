// Helpers shared by the repositories: row/record conversions (times, JSON, NULLs), scope filter, paging.
import type { JsonValue, Page, PageRequest, Scope } from '../ports.js';

export function toMillis(date: Date): number {
  const millis = date.getTime();
  if (Number.isNaN(millis)) throw new RangeError('cannot store an invalid Date');
  return millis;
}

export function toJsonText(value: JsonValue | undefined): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromJsonText(text: string | null): JsonValue | undefined {
  return text === null ? undefined : (JSON.parse(text) as JsonValue);
}

/** `{ [key]: value }` when the column is non-NULL, else `{}`: records leave absent fields out. */
export function present<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** The column filter that keeps a query inside one tenant: `.where((eb) => eb.and(inScope(scope)))`. */
export function inScope(scope: Scope): { account_id: string; region: string } {
  return { account_id: scope.accountId, region: scope.region };
}

/** How many rows a page query should fetch: one more than asked, to learn whether more follow. */
export function pageFetchSize(page: PageRequest): number {
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new RangeError(`page limit must be a positive integer, got ${page.limit}`);
  return page.limit + 1;
}

/** Cuts the limit+1 rows of a page query down to a Page, setting `nextAfter` only when more exist. */
export function toPage<R, T>(rows: readonly R[], page: PageRequest, toItem: (row: R) => T, keyOf: (item: T) => string): Page<T> {
  const items = rows.slice(0, page.limit).map(toItem);
  const last = items.at(-1);
  return rows.length > page.limit && last !== undefined ? { items, nextAfter: keyOf(last) } : { items };
}

/** Bound parameters per IN list; far below SQLite's 32766 and PostgreSQL's 65535. */
export const IN_LIST_CHUNK = 500;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
