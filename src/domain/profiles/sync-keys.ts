// Brings a profile's derived ('standard') keys in line with its fields after a write: values no field
// holds any more are removed, new ones added; keys of other origins are left alone.
import type { ProfileKey, Repositories, Scope } from '../../storage/ports.js';
import type { NormalizeOptions } from '../keys/normalize.js';
import type { ProfileFields } from './profile.js';
import { standardKeys } from './standard-keys.js';

function identity(key: ProfileKey): string {
  return `${key.keyName}\u0000${key.value}\u0000${key.origin}`;
}

export async function syncStandardKeys(
  repos: Repositories,
  scope: Scope,
  domainName: string,
  profileId: string,
  fields: ProfileFields,
  options: NormalizeOptions,
): Promise<ProfileKey[]> {
  const wanted = standardKeys(profileId, fields, options);
  const held = (await repos.profileKeys.listForProfile(scope, domainName, profileId)).filter((key) => key.origin === 'standard');
  const wantedIds = new Set(wanted.map(identity));
  const heldIds = new Set(held.map(identity));
  await repos.profileKeys.remove(scope, domainName, held.filter((key) => !wantedIds.has(identity(key))));
  await repos.profileKeys.add(scope, domainName, wanted.filter((key) => !heldIds.has(identity(key))));
  return wanted;
}
