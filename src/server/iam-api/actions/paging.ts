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
