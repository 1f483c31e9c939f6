// Spec §3.15 "Object (and profile) maximum size": a profile, all its members and attributes as stored,
// is at most 250 KB, measured as the UTF-8 bytes of its stored JSON document; every write checks it.
import { profileTooLarge } from '../errors.js';
import type { ProfileChanges, ProfileFields } from './profile.js';

/** 250 KB, as 250 × 1,024 bytes (the model's `Object` allows the same number of characters). */
export const MAX_DOCUMENT_BYTES = 256_000;

export function documentBytes(document: unknown): number {
  return Buffer.byteLength(JSON.stringify(document), 'utf8');
}

/** Throws ProfileTooLarge (400) when `fields` would exceed the limit. */
export function checkProfileSize(fields: ProfileFields): void {
  const bytes = documentBytes(fields);
  if (bytes > MAX_DOCUMENT_BYTES) throw profileTooLarge(bytes, MAX_DOCUMENT_BYTES);
}

/**
 * Refuses changes whose values alone exceed the limit, before any of them is applied: every value (and
 * attribute name) a change sets stays in the profile, and a string takes at least one UTF-8 byte per
 * UTF-16 unit, so their lengths are a lower bound of its size. Cheap, so a huge request fails fast.
 */
export function checkChangesSize(changes: ProfileChanges): void {
  let bytes = 0;
  for (const value of Object.values(changes)) {
    if (typeof value === 'string') bytes += value.length;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, line] of Object.entries(value as Record<string, unknown>)) if (typeof line === 'string') bytes += name.length + line.length;
    }
  }
  if (bytes > MAX_DOCUMENT_BYTES) throw profileTooLarge(bytes, MAX_DOCUMENT_BYTES);
}
