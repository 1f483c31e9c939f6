// Profiles: CreateProfile, UpdateProfile, DeleteProfile, AddProfileKey and DeleteProfileKey (spec §3.2,
// §3.5). Each write runs in one transaction that holds the profile's row lock, so concurrent writes
// to one profile apply one after the other and none is lost.
import type { Repositories, Scope, Store } from '../../storage/ports.js';
import type { Clock } from '../clock.js';
import { domainNotFound, profileKeyNotFound, profileNotFound, reservedKeyName, tooManyKeyValues } from '../errors.js';
import { PROFILE_ID_KEY, contentTypeOfKey } from '../keys/built-in-keys.js';
import { normalizeValue, type ContentType, type NormalizeOptions } from '../keys/normalize.js';
import { keyContentTypes } from '../object-types/key-content-types.js';
import { defaultCountryForRegion } from '../keys/region-country.js';
import { applyChanges } from './apply-changes.js';
import { fromDocument, toDocument } from './profile-document.js';
import { MANUAL_SOURCE, type ProfileChanges } from './profile.js';
import { standardKeys } from './standard-keys.js';
import { syncStandardKeys } from './sync-keys.js';
import { newProfileId } from './profile-id.js';
import { checkChangesSize, checkProfileSize } from './profile-size.js';

/** Values per key in one AddProfileKey, DeleteProfileKey or search key (the model sets no bound). */
export const MAX_KEY_VALUES = 100;

export function normalizeOptions(scope: Scope): NormalizeOptions {
  return { defaultCountry: defaultCountryForRegion(scope.region) };
}

export async function requireDomain(repos: Repositories, scope: Scope, domainName: string): Promise<void> {
  if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
}

/** Normalized, de-duplicated values of one key; throws for a reserved key or too many values. */
export function customKeyValues(scope: Scope, keyName: string, values: readonly string[], contentType: ContentType = contentTypeOfKey(keyName)): string[] {
  if (keyName === PROFILE_ID_KEY) throw reservedKeyName(keyName);
  if (values.length > MAX_KEY_VALUES) throw tooManyKeyValues(keyName, MAX_KEY_VALUES);
  return [...new Set(values.map((value) => normalizeValue(contentType, value, normalizeOptions(scope))))];
}

export class ProfileService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string = newProfileId,
  ) {}

  async create(scope: Scope, domainName: string, changes: ProfileChanges): Promise<string> {
    checkChangesSize(changes);
    const { fields, sources } = applyChanges({ fields: {}, sources: {} }, changes, MANUAL_SOURCE);
    checkProfileSize(fields);
    const profileId = this.newId();
    const now = this.clock();
    await this.store.transaction(async (repos) => {
      await requireDomain(repos, scope, domainName);
      await repos.profiles.create(scope, domainName, { profileId, fields: toDocument(fields), sources, version: 1, createdAt: now, lastUpdatedAt: now });
      await repos.profileKeys.add(scope, domainName, standardKeys(profileId, fields, normalizeOptions(scope)));
    });
    return profileId;
  }

  async update(scope: Scope, domainName: string, profileId: string, changes: ProfileChanges): Promise<void> {
    checkChangesSize(changes);
    await this.store.transaction(async (repos) => {
      const current = await this.lock(repos, scope, domainName, profileId);
      const { fields, sources } = applyChanges(current, changes, MANUAL_SOURCE);
      checkProfileSize(fields);
      await repos.profiles.update(scope, domainName, { ...current, fields: toDocument(fields), sources, lastUpdatedAt: this.clock() });
      await syncStandardKeys(repos, scope, domainName, profileId, fields, normalizeOptions(scope));
    });
  }

  async delete(scope: Scope, domainName: string, profileId: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      await requireDomain(repos, scope, domainName);
      if (!(await repos.profiles.delete(scope, domainName, profileId))) throw profileNotFound(profileId);
    });
  }

  /** AddProfileKey: any key name but `_profileId`; values normalized by the key's content type (§3.5). */
  async addKey(scope: Scope, domainName: string, profileId: string, keyName: string, values: readonly string[]): Promise<void> {
    customKeyValues(scope, keyName, values);
    await this.store.transaction(async (repos) => {
      await this.lock(repos, scope, domainName, profileId);
      const normalized = await this.domainKeyValues(repos, scope, domainName, keyName, values);
      await repos.profileKeys.add(scope, domainName, normalized.map((value) => ({ keyName, value, profileId, origin: 'custom' as const })));
    });
  }

  /** DeleteProfileKey: removes the values whatever put them there; 404 when the profile holds none of them. */
  async deleteKey(scope: Scope, domainName: string, profileId: string, keyName: string, values: readonly string[]): Promise<void> {
    customKeyValues(scope, keyName, values);
    await this.store.transaction(async (repos) => {
      await this.lock(repos, scope, domainName, profileId);
      const normalized = await this.domainKeyValues(repos, scope, domainName, keyName, values);
      const removed = await repos.profileKeys.removeValues(scope, domainName, profileId, keyName, normalized);
      if (removed === 0) throw profileKeyNotFound(profileId, keyName);
    });
  }

  /** Values normalized with the content type the domain's object types give the key (ingestion stores them so). */
  private async domainKeyValues(repos: Repositories, scope: Scope, domainName: string, keyName: string, values: readonly string[]): Promise<string[]> {
    const contentType = (await keyContentTypes(repos.objectTypes, scope, domainName, [keyName])).get(keyName);
    return customKeyValues(scope, keyName, values, contentType);
  }

  private async lock(repos: Repositories, scope: Scope, domainName: string, profileId: string) {
    await requireDomain(repos, scope, domainName);
    const current = await repos.profiles.lock(scope, domainName, profileId);
    if (!current) throw profileNotFound(profileId);
    return { ...current, fields: fromDocument(current.fields) };
  }
}
