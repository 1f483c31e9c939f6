// MergeProfiles (spec §3.8): up to 20 profiles into a main one, in one transaction holding every
// involved profile's row lock (taken in id order, so two merges cannot deadlock each other).
import type { ProfileKey, ProfileRecord, Repositories, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../clock.js';
import { fieldSourceNotInMerge, mainProfileInMergeList, profileNotFound } from '../errors.js';
import { PROFILE_ID_KEY } from '../keys/built-in-keys.js';
import { mergeFields, type FieldChoices, type MergeSide } from './merge-fields.js';
import { fromDocument, toDocument } from './profile-document.js';
import { normalizeOptions, requireDomain } from './profile-service.js';
import { syncStandardKeys } from './sync-keys.js';
import { checkProfileSize } from './profile-size.js';

export class ProfileMerge {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Returns how many profiles were merged into the main one. */
  merge(scope: Scope, domainName: string, mainId: string, toMerge: readonly string[], choices: FieldChoices): Promise<number> {
    return this.store.transaction((repos) => this.mergeWithin(repos, scope, domainName, mainId, toMerge, choices));
  }

  /** The same merge inside the caller's transaction (auto-merge records its progress in that transaction too). */
  async mergeWithin(repos: Repositories, scope: Scope, domainName: string, mainId: string, toMerge: readonly string[], choices: FieldChoices): Promise<number> {
    const others = [...new Set(toMerge)];
    if (others.includes(mainId)) throw mainProfileInMergeList(mainId);
    const involved = new Set([mainId, ...others]);
    // Named as the caller wrote them: FieldSourceProfileIds members are the fields' names capitalised.
    const named = [
      ...Object.entries(choices.fields).map(([field, id]) => [field.charAt(0).toUpperCase() + field.slice(1), id] as const),
      ...Object.entries(choices.attributes).map(([name, id]) => [`Attributes.${name}`, id] as const),
    ];
    for (const [member, id] of named) if (id !== undefined && !involved.has(id)) throw fieldSourceNotInMerge(member, id);
    await requireDomain(repos, scope, domainName);
    const records = await lockAll(repos, scope, domainName, [mainId, ...others]);
    const side = (id: string): MergeSide => {
      const record = records.get(id)!;
      return { profileId: id, fields: fromDocument(record.fields), sources: record.sources };
    };
    const merged = mergeFields(side(mainId), others.map(side), choices);
    checkProfileSize(merged.fields);
    const carried = await carriedKeys(repos, scope, domainName, mainId, others);
    // Objects follow their profiles to the main one before the absorbed rows (and their cascade) go.
    await repos.profileObjects.reassign(scope, domainName, others, mainId);
    for (const id of others) await repos.profiles.delete(scope, domainName, id);
    await repos.profiles.update(scope, domainName, { ...records.get(mainId)!, fields: toDocument(merged.fields), sources: merged.sources, lastUpdatedAt: this.clock() });
    const derived = await syncStandardKeys(repos, scope, domainName, mainId, merged.fields, normalizeOptions(scope));
    // A carried-over value that the main profile now derives itself stays only as the derived key,
    // so clearing that field later removes it from the index like any other.
    const derivedIds = new Set(derived.map((key) => `${key.keyName}\u0000${key.value}`));
    await repos.profileKeys.add(scope, domainName, carried.filter((key) => key.origin !== 'merged' || !derivedIds.has(`${key.keyName}\u0000${key.value}`)));
    return others.length;
  }
}

/** Locks in id order; 404 names the first requested id that does not exist. */
async function lockAll(repos: Repositories, scope: Scope, domainName: string, ids: readonly string[]): Promise<Map<string, ProfileRecord>> {
  const records = new Map<string, ProfileRecord>();
  for (const id of [...ids].sort()) {
    const record = await repos.profiles.lock(scope, domainName, id);
    if (record) records.set(id, record);
  }
  const missing = ids.find((id) => !records.has(id));
  if (missing !== undefined) throw profileNotFound(missing);
  return records;
}

/** The absorbed profiles' keys, re-pointed at the main profile; their own `_profileId` is dropped. */
async function carriedKeys(repos: Repositories, scope: Scope, domainName: string, mainId: string, others: readonly string[]): Promise<ProfileKey[]> {
  const keys: ProfileKey[] = [];
  for (const id of others) {
    for (const key of await repos.profileKeys.listForProfile(scope, domainName, id)) {
      if (key.keyName === PROFILE_ID_KEY) continue;
      keys.push({ ...key, profileId: mainId, origin: key.origin === 'standard' ? 'merged' : key.origin });
    }
  }
  return keys;
}
