// ListProfileObjects, DeleteProfileObject (spec §3.6), and the operator's view of the dead-letter store.
import { createHash } from 'node:crypto';
import type { KeyCriterion, Scope, Store } from '../../storage/ports.js';
import type { DeadLetterRecord } from '../../storage/object-ports.js';
import { profileNotFound, profileObjectNotFound, standardObjectsNotListed } from '../errors.js';
import { normalizeValue } from '../keys/normalize.js';
import { STANDARD_OBJECTS } from '../object-types/standard-objects.js';
import { decodeNextToken, encodeNextToken } from '../pagination.js';
import { normalizeOptions, requireDomain } from '../profiles/profile-service.js';
import { requireType, type IngestionType } from './ingestion-type.js';

export interface ListedObject {
  readonly objectTypeName: string;
  readonly objectKey: string;
  /** The stored JSON text. */
  readonly object: string;
}

export interface ObjectFilterInput {
  readonly keyName: string;
  readonly values: readonly string[];
}

/** Filter values normalized the way the key's values were stored: by its field's content type (one-field keys). */
function normalizedFilter(scope: Scope, type: IngestionType, filter: ObjectFilterInput): KeyCriterion {
  const fieldNames = type.keys[filter.keyName]?.[0]?.fieldNames ?? [];
  const contentType = fieldNames.length === 1 ? type.fields[fieldNames[0]!]?.contentType : undefined;
  const values = contentType === undefined ? filter.values : filter.values.map((value) => normalizeValue(contentType, value, normalizeOptions(scope)));
  return { keyName: filter.keyName, values: [...new Set(values)] };
}

export class ProfileObjectService {
  constructor(private readonly store: Store) {}

  /** Newest first (last ingestion), then by object key. */
  async list(
    scope: Scope,
    domainName: string,
    profileId: string,
    objectTypeName: string,
    filter: ObjectFilterInput | undefined,
    maxResults: number,
    nextToken: string | undefined,
  ): Promise<{ items: ListedObject[]; nextToken?: string }> {
    // The token names its list by a digest, so a long filter cannot push it past the model's 1,024 characters.
    const list = `profile-objects:${createHash('sha256').update(JSON.stringify([domainName, profileId, objectTypeName, filter ?? null])).digest('base64url')}`;
    const after = decodeNextToken(list, scope, nextToken);
    // Standard objects (`_asset`, `_case`, `_order`…) are listed like object types; their keys are exact.
    const standard = objectTypeName.startsWith('_');
    if (standard && (objectTypeName === '_profile' || !STANDARD_OBJECTS.has(objectTypeName))) throw standardObjectsNotListed(objectTypeName);
    await requireDomain(this.store, scope, domainName);
    const type = standard ? undefined : await requireType(this.store, scope, domainName, objectTypeName);
    if (!(await this.store.profiles.get(scope, domainName, profileId))) throw profileNotFound(profileId);
    const criterion = filter && (type ? normalizedFilter(scope, type, filter) : { keyName: filter.keyName, values: [...new Set(filter.values)] });
    const page = await this.store.profileObjects.list(scope, domainName, profileId, objectTypeName, criterion, { after, limit: maxResults });
    return {
      items: page.items.map((record) => ({ objectTypeName: record.objectTypeName, objectKey: record.objectKey, object: record.object })),
      nextToken: encodeNextToken(list, scope, page.nextAfter),
    };
  }

  async delete(scope: Scope, domainName: string, profileId: string, objectTypeName: string, objectKey: string): Promise<void> {
    await this.store.transaction(async (repos) => {
      await requireDomain(repos, scope, domainName);
      if (!(await repos.profiles.lock(scope, domainName, profileId))) throw profileNotFound(profileId);
      const object = await repos.profileObjects.get(scope, domainName, objectTypeName, objectKey);
      if (!object || object.profileId !== profileId) throw profileObjectNotFound(profileId, objectTypeName, objectKey);
      await repos.profileObjects.delete(scope, domainName, objectTypeName, objectKey);
    });
  }

  async deadLetters(scope: Scope, domainName: string, limit: number, after?: string): Promise<{ items: DeadLetterRecord[]; nextAfter?: string }> {
    await requireDomain(this.store, scope, domainName);
    return this.store.deadLetters.list(scope, domainName, { after, limit });
  }
}
