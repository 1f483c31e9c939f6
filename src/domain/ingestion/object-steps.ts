// Steps of PutProfileObject (spec §3.4) shared by the one-object path and the batch path.
import { randomBytes } from 'node:crypto';
import type { ProfileKey } from '../../storage/ports.js';
import { objectHoldsNul, objectNotAnObject, objectNotJson } from '../errors.js';
import { hasNul } from '../../shapes/input-text.js';
import { has } from './find-profile.js';
import type { IngestionType } from './ingestion-type.js';
import type { ObjectKey } from './key-values.js';

export const DAY_MS = 86_400_000;
/** Spec §3.4 step 10: type's ExpirationDays, else the domain's default, else this. */
export const FALLBACK_EXPIRATION_DAYS = 365;

/** Why an object went to the dead-letter store. */
export const NO_PROFILE_MATCH = 'NO_PROFILE_MATCH';

export function parseObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw objectNotJson();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw objectNotAnObject();
  // JSON text can hold NUL only as the escape \u0000 (a raw one is not JSON), so most objects skip the walk.
  if (text.includes('\\u0000')) {
    const at = nulPath(parsed, '_source');
    if (at !== undefined) throw objectHoldsNul(at);
  }
  return parsed as Record<string, unknown>;
}

/** Where in a parsed document a string or member name holds NUL, as a `_source.a.0.b` path. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return hasNul(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (hasNul(key)) return at;
    const found = nulPath(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Dead-letter ids sort in arrival order: zero-padded epoch ms, then randomness. */
export function deadLetterId(at: Date): string {
  return `${String(at.getTime()).padStart(15, '0')}-${randomBytes(6).toString('hex')}`;
}

/** Keys stored on the profile (step 8): never LOOKUP_ONLY, NEW_ONLY only on a profile this ingestion created. */
export function storedKeys(keys: readonly ObjectKey[], profileId: string, created: boolean): ProfileKey[] {
  return keys
    .filter((key) => !has(key, 'LOOKUP_ONLY') && (created || !has(key, 'NEW_ONLY')))
    .map((key) => ({ keyName: key.name, value: key.value, profileId, origin: 'object' as const }));
}

/** The name of the type's UNIQUE key, for the error naming it. */
export function uniqueKeyName(type: IngestionType): string {
  return Object.entries(type.keys).find(([, defs]) => defs.some((def) => def.standardIdentifiers?.includes('UNIQUE')))?.[0] ?? '';
}
