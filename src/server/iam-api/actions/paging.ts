// IAM's Marker/MaxItems paging over a repository page: the marker is the sort key of the last item.
import type { Page } from '../../../storage/ports.js';

const DEFAULT_MAX_ITEMS = 100;

export interface IamPage<T> {
  readonly items: T[];
  readonly isTruncated: boolean;
  /** `{ Marker }` when truncated, else `{}`, to spread into the output. */
  readonly marker: { Marker?: string };
}

export async function pageOf<T>(
  input: { Marker?: string; MaxItems?: number },
  fetch: (limit: number, after: string | undefined) => Promise<Page<T>>,
): Promise<IamPage<T>> {
  const after = input.Marker === undefined ? undefined : Buffer.from(input.Marker, 'base64url').toString('utf8');
  const page = await fetch(input.MaxItems ?? DEFAULT_MAX_ITEMS, after);
  const next = page.nextAfter;
  return next === undefined
    ? { items: page.items, isTruncated: false, marker: {} }
    : { items: page.items, isTruncated: true, marker: { Marker: Buffer.from(next, 'utf8').toString('base64url') } };
}

/**
 * The same paging over a list read whole (inline policy names, attachments, tags, keys: a few per
 * entity). `keyOf` orders the items and is what the marker carries, so a marker stays valid when
 * items before it are removed.
 */
export function pageOfList<T>(input: { Marker?: string; MaxItems?: number }, all: readonly T[], keyOf: (item: T) => string): IamPage<T> {
  const after = input.Marker === undefined ? undefined : Buffer.from(input.Marker, 'base64url').toString('utf8');
  const sorted = [...all].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const rest = after === undefined ? sorted : sorted.filter((item) => compareKeys(keyOf(item), after) > 0);
  const limit = input.MaxItems ?? DEFAULT_MAX_ITEMS;
  if (rest.length <= limit) return { items: rest, isTruncated: false, marker: {} };
  const items = rest.slice(0, limit);
  return { items, isTruncated: true, marker: { Marker: Buffer.from(keyOf(items.at(-1) as T), 'utf8').toString('base64url') } };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The path of an IAM ARN (`arn:aws:iam::<account>:policy/team/Name` → `/team/`). */
export function pathOfArn(arn: string): string {
  const resource = arn.slice(arn.indexOf(':', arn.indexOf('::') + 2) + 1);
  return resource.slice(resource.indexOf('/'), resource.lastIndexOf('/') + 1);
}
