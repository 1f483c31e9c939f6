// The built-in search keys a profile's standard fields put it under (spec §3.2): _profileId, _phone
// (four fields), _email (three), _account and _fullName, normalized for matching.
import type { ProfileKey } from '../../storage/ports.js';
import { ACCOUNT_KEY, EMAIL_KEY, FULL_NAME_KEY, PHONE_KEY, PROFILE_ID_KEY, normalizeKeyValue } from '../keys/built-in-keys.js';
import type { NormalizeOptions } from '../keys/normalize.js';
import { EMAIL_FIELDS, NAME_FIELDS, PHONE_FIELDS, type ProfileFields } from './profile.js';

/** Distinct (key name, normalized value) pairs, with origin 'standard'. */
export function standardKeys(profileId: string, fields: ProfileFields, options: NormalizeOptions): ProfileKey[] {
  const raw: Array<[string, string | undefined]> = [
    [PROFILE_ID_KEY, profileId],
    ...PHONE_FIELDS.map((name): [string, string | undefined] => [PHONE_KEY, fields[name]]),
    ...EMAIL_FIELDS.map((name): [string, string | undefined] => [EMAIL_KEY, fields[name]]),
    [ACCOUNT_KEY, fields.accountNumber],
  ];
  const nameParts = NAME_FIELDS.map((name) => fields[name]).filter((part) => part !== undefined);
  if (nameParts.length > 0) raw.push([FULL_NAME_KEY, nameParts.join(' ')]);
  const seen = new Set<string>();
  const keys: ProfileKey[] = [];
  for (const [keyName, value] of raw) {
    if (value === undefined) continue;
    const normalized = normalizeKeyValue(keyName, value, options);
    const id = `${keyName}\u0000${normalized}`;
    if (seen.has(id)) continue;
    seen.add(id);
    keys.push({ keyName, value: normalized, profileId, origin: 'standard' });
  }
  return keys;
}
