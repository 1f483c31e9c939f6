// SearchProfiles (spec §3.7) and BatchGetProfile: profiles by key values or by id, with FoundByItems.
import { createHash } from 'node:crypto';
import type { FoundProfileRecord, KeyCriterion, Scope, Store } from '../../storage/ports.js';
import { domainNotFound, tooManyKeyValues } from '../errors.js';
import { normalizeValue, type ContentType } from '../keys/normalize.js';
import { keyContentTypes } from '../object-types/key-content-types.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';
import { toProfile } from './profile-document.js';
import type { Profile } from './profile.js';
import { MAX_KEY_VALUES, normalizeOptions } from './profile-service.js';

export const DEFAULT_SEARCH_PAGE_SIZE = 20;

export interface SearchKey {
  readonly keyName: string;
  readonly values: readonly string[];
}

export interface SearchRequest {
  readonly keys: readonly SearchKey[];
  readonly mode: 'AND' | 'OR';
  readonly maxResults: number;
  readonly nextToken?: string;
}

/** A found profile and the keys (with the values as the caller wrote them) that found it. */
export interface FoundProfile extends Profile {
  readonly foundBy: SearchKey[];
}

export interface BatchResult {
  readonly profiles: Profile[];
  readonly missing: string[];
}

/** One search key normalized: the criterion for storage, and which written values each normalized value stands for. */
interface PreparedKey {
  readonly criterion: KeyCriterion;
  readonly written: ReadonlyMap<string, readonly string[]>;
}

export class ProfileSearch {
  constructor(private readonly store: Store) {}

  async search(scope: Scope, domainName: string, request: SearchRequest): Promise<{ items: FoundProfile[]; nextToken?: string }> {
    const contentTypes = await keyContentTypes(this.store.objectTypes, scope, domainName, request.keys.map((key) => key.keyName));
    const prepared = request.keys.map((key) => prepare(scope, key, contentTypes.get(key.keyName) ?? 'STRING'));
    const criteria = prepared.map((key) => key.criterion);
    // The token names this exact query, so a token from another search (or domain) is a 400. Only
    // needed when a token comes in or goes out (most searches find one page).
    let list: string | undefined;
    const listName = () => (list ??= `profiles:${domainName}:${request.mode}:${digest(criteria)}`);
    const after = request.nextToken === undefined ? undefined : decodeNextToken(listName(), scope, request.nextToken);
    const page = await this.store.profiles.search(scope, domainName, criteria, request.mode, { after, limit: request.maxResults });
    // A profile found proves its domain exists (profiles reference their domain), so only an empty
    // page needs the extra read that tells "no match" from "no such domain".
    if (page.items.length === 0 && !(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
    const items = page.items.map(({ profile, matched }) => ({ ...toProfile(profile), foundBy: foundBy(prepared, matched) }));
    return { items, nextToken: page.nextAfter === undefined ? undefined : encodeNextToken(listName(), scope, page.nextAfter) };
  }

  async batchGet(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<BatchResult> {
    if (!(await this.store.domains.get(scope, domainName))) throw domainNotFound(domainName);
    const records = await this.store.profiles.getMany(scope, domainName, profileIds);
    const byId = new Map(records.map((record) => [record.profileId, record]));
    const ids = [...new Set(profileIds)];
    return {
      profiles: ids.flatMap((id) => {
        const record = byId.get(id);
        return record ? [toProfile(record)] : [];
      }),
      missing: ids.filter((id) => !byId.has(id)),
    };
  }
}

function prepare(scope: Scope, key: SearchKey, contentType: ContentType): PreparedKey {
  if (key.values.length > MAX_KEY_VALUES) throw tooManyKeyValues(key.keyName, MAX_KEY_VALUES);
  const written = new Map<string, string[]>();
  for (const value of key.values) {
    const normalized = normalizeValue(contentType, value, normalizeOptions(scope));
    const list = written.get(normalized) ?? [];
    if (!list.includes(value)) list.push(value);
    written.set(normalized, list);
  }
  return { criterion: { keyName: key.keyName, values: [...written.keys()] }, written };
}

/** For each search key in request order, the caller's values that this profile was found by (spec §3.7). */
function foundBy(prepared: readonly PreparedKey[], matched: FoundProfileRecord['matched']): SearchKey[] {
  return prepared.flatMap(({ criterion, written }) => {
    const values = [...written].flatMap(([normalized, originals]) =>
      matched.some((key) => key.keyName === criterion.keyName && key.value === normalized) ? originals : [],
    );
    return values.length > 0 ? [{ keyName: criterion.keyName, values }] : [];
  });
}

function digest(criteria: readonly KeyCriterion[]): string {
  return createHash('sha256').update(JSON.stringify(criteria)).digest('base64url').slice(0, 22);
}
