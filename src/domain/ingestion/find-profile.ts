// Step 5 of PutProfileObject (spec §3.4): the owning profile by the object's PROFILE keys. Primary keys
// (PROFILE without SECONDARY, LOOKUP_ONLY and NEW_ONLY included) first, in the order of the type's Keys,
// then SECONDARY keys; a key matching exactly one profile decides, one matching several is skipped.
import type { ProfileRecord, Repositories, Scope } from '../../storage/ports.js';
import type { ObjectKey } from './key-values.js';

export const has = (key: ObjectKey, identifier: string): boolean => (key.definition.standardIdentifiers ?? []).includes(identifier);

/** The matched profile, row-locked for the rest of the transaction; undefined when no key decides. */
export async function findProfile(repos: Repositories, scope: Scope, domainName: string, keys: readonly ObjectKey[]): Promise<ProfileRecord | undefined> {
  const profileKeys = keys.filter((key) => has(key, 'PROFILE'));
  const passes = [profileKeys.filter((key) => !has(key, 'SECONDARY')), profileKeys.filter((key) => has(key, 'SECONDARY'))];
  for (const pass of passes) {
    for (const key of pass) {
      const found = await repos.profileKeys.search(scope, domainName, [{ keyName: key.name, values: [key.value] }], 'OR', { limit: 2 });
      const [only, second] = found.items;
      if (only === undefined || second !== undefined) continue;
      // A profile deleted or merged away since the search is no match.
      const locked = await repos.profiles.lock(scope, domainName, only);
      if (locked) return locked;
    }
  }
  return undefined;
}
