// Set-based reads and multi-row writes for the batch ingestion path (bulk import), one SQL code path for
// both backends: a batch of records costs a handful of statements instead of about fifteen per record.
import type { Kysely } from 'kysely';
import type { ProfileRecord, Scope } from '../ports.js';
import type { DeadLetterRecord, IngestionBatchRepository, KeyRow, ObjectOwner, ProfileObjectRecord } from '../object-ports.js';
import type { Database } from '../schema.js';
import { toProfileRecord, toProfileRow } from './profiles.js';
import { chunks, IN_LIST_CHUNK, inScope, toMillis } from './rows.js';

/** Bound parameters per multi-row statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMETERS_PER_STATEMENT = 30_000;

function rowChunks<T>(rows: readonly T[], columns: number): T[][] {
  return chunks(rows, Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns)));
}

function byName<T extends { readonly keyName: string }>(keys: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const key of keys) {
    const list = grouped.get(key.keyName);
    if (list) list.push(key);
    else grouped.set(key.keyName, [key]);
  }
  return grouped;
}

export class KyselyIngestionBatchRepository implements IngestionBatchRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async keyRows(scope: Scope, domainName: string, keyName: string, values: readonly string[]): Promise<KeyRow[]> {
    const found: KeyRow[] = [];
    for (const chunk of chunks([...new Set(values)], IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('profile_keys')
        .select(['key_value', 'profile_id', 'origin'])
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, key_name: keyName }))
        .where('key_value', 'in', chunk)
        .execute();
      for (const row of rows) found.push({ keyName, value: row.key_value, profileId: row.profile_id, origin: row.origin });
    }
    return found;
  }

  async lockProfiles(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<ProfileRecord[]> {
    const records: ProfileRecord[] = [];
    // Sorted, so two batches locking overlapping profiles wait on each other instead of deadlocking.
    for (const chunk of chunks([...new Set(profileIds)].sort(), IN_LIST_CHUNK)) {
      // An UPDATE takes the row locks on both backends (see KyselyProfileRepository.lock).
      const rows = await this.#db
        .updateTable('profiles')
        .set((eb) => ({ version: eb.ref('version') }))
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
        .where('profile_id', 'in', chunk)
        .returningAll()
        .execute();
      records.push(...rows.map(toProfileRecord));
    }
    return records;
  }

  async keysOfProfiles(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<KeyRow[]> {
    const found: KeyRow[] = [];
    for (const chunk of chunks([...new Set(profileIds)], IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('profile_keys')
        .select(['key_name', 'key_value', 'profile_id', 'origin'])
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
        .where('profile_id', 'in', chunk)
        .execute();
      for (const row of rows) found.push({ keyName: row.key_name, value: row.key_value, profileId: row.profile_id, origin: row.origin });
    }
    return found;
  }

  async objectCounts(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<Array<{ profileId: string; objectTypeName: string; count: number }>> {
    const counts: Array<{ profileId: string; objectTypeName: string; count: number }> = [];
    for (const chunk of chunks([...new Set(profileIds)], IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('profile_objects')
        .select((eb) => ['profile_id', 'object_type_name', eb.fn.countAll<number>().as('n')])
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
        .where('profile_id', 'in', chunk)
        .groupBy(['profile_id', 'object_type_name'])
        .execute();
      for (const row of rows) counts.push({ profileId: row.profile_id, objectTypeName: row.object_type_name, count: Number(row.n) });
    }
    return counts;
  }

  async objectOwners(scope: Scope, domainName: string, objectTypeName: string, objectKeys: readonly string[]): Promise<ObjectOwner[]> {
    const owners: ObjectOwner[] = [];
    for (const chunk of chunks([...new Set(objectKeys)], IN_LIST_CHUNK)) {
      const rows = await this.#db
        .selectFrom('profile_objects')
        .select(['object_key', 'profile_id', 'created_at'])
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName }))
        .where('object_key', 'in', chunk)
        .execute();
      for (const row of rows) owners.push({ objectKey: row.object_key, profileId: row.profile_id, createdAt: new Date(Number(row.created_at)) });
    }
    return owners;
  }

  async writeProfiles(scope: Scope, domainName: string, profiles: readonly ProfileRecord[]): Promise<void> {
    for (const chunk of rowChunks(profiles, 9)) {
      await this.#db
        .insertInto('profiles')
        .values(chunk.map((profile) => toProfileRow(scope, domainName, profile)))
        .onConflict((oc) =>
          oc.columns(['account_id', 'region', 'domain_name', 'profile_id']).doUpdateSet((eb) => ({
            fields_json: eb.ref('excluded.fields_json'),
            sources_json: eb.ref('excluded.sources_json'),
            version: eb.ref('excluded.version'),
            last_updated_at: eb.ref('excluded.last_updated_at'),
          })),
        )
        .execute();
    }
  }

  async writeObjects(scope: Scope, domainName: string, objects: readonly ProfileObjectRecord[]): Promise<void> {
    for (const chunk of rowChunks(objects, 11)) {
      await this.#db
        .insertInto('profile_objects')
        .values(
          chunk.map((object) => ({
            ...inScope(scope),
            domain_name: domainName,
            object_type_name: object.objectTypeName,
            object_key: object.objectKey,
            profile_id: object.profileId,
            object_json: object.object,
            size_bytes: object.sizeBytes,
            created_at: toMillis(object.createdAt),
            last_updated_at: toMillis(object.lastUpdatedAt),
            expires_at: toMillis(object.expiresAt),
          })),
        )
        .onConflict((oc) =>
          oc.columns(['account_id', 'region', 'domain_name', 'object_type_name', 'object_key']).doUpdateSet((eb) => ({
            profile_id: eb.ref('excluded.profile_id'),
            object_json: eb.ref('excluded.object_json'),
            size_bytes: eb.ref('excluded.size_bytes'),
            last_updated_at: eb.ref('excluded.last_updated_at'),
            expires_at: eb.ref('excluded.expires_at'),
          })),
        )
        .execute();
    }
    const keysByType = new Map<string, string[]>();
    for (const object of objects) keysByType.set(object.objectTypeName, [...(keysByType.get(object.objectTypeName) ?? []), object.objectKey]);
    for (const [objectTypeName, objectKeys] of keysByType) {
      for (const chunk of chunks(objectKeys, IN_LIST_CHUNK)) {
        await this.#db
          .deleteFrom('profile_object_keys')
          .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName }))
          .where('object_key', 'in', chunk)
          .execute();
      }
    }
    const keyRows = objects.flatMap((object) => {
      const unique = new Map(object.keys.map((key) => [`${key.keyName}\u0000${key.value}`, key]));
      return [...unique.values()].map((key) => ({
        ...inScope(scope),
        domain_name: domainName,
        object_type_name: object.objectTypeName,
        object_key: object.objectKey,
        key_name: key.keyName,
        key_value: key.value,
      }));
    });
    for (const chunk of rowChunks(keyRows, 7)) await this.#db.insertInto('profile_object_keys').values(chunk).execute();
  }

  async addDeadLetters(scope: Scope, domainName: string, letters: readonly DeadLetterRecord[]): Promise<void> {
    for (const chunk of rowChunks(letters, 8)) {
      await this.#db
        .insertInto('dead_letters')
        .values(
          chunk.map((letter) => ({
            ...inScope(scope),
            domain_name: domainName,
            dead_letter_id: letter.id,
            object_type_name: letter.objectTypeName,
            object_json: letter.object,
            reason: letter.reason,
            created_at: toMillis(letter.createdAt),
          })),
        )
        .execute();
    }
  }

  async releaseClaims(scope: Scope, domainName: string, keys: readonly { readonly keyName: string; readonly value: string }[]): Promise<void> {
    for (const [keyName, named] of byName(keys)) {
      for (const chunk of chunks([...new Set(named.map((key) => key.value))], IN_LIST_CHUNK)) {
        await this.#db
          .deleteFrom('inferred_profile_claims')
          .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, key_name: keyName }))
          .where('key_value', 'in', chunk)
          .execute();
      }
    }
  }
}
