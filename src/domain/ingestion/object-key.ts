// ProfileObjectUniqueKey (spec §3.4 step 11): deterministic per (object type, UNIQUE value), so
// re-ingesting an object answers the same key; 43 url-safe characters.
import { createHash } from 'node:crypto';

export function profileObjectKey(objectTypeName: string, uniqueValue: string): string {
  return createHash('sha256').update(`${objectTypeName}\u0000${uniqueValue}`).digest('base64url');
}
