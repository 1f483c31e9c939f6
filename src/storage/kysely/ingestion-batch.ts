// Set-based reads and multi-row writes for the batch ingestion path (bulk import), one SQL code path for
// both backends: a batch of records costs a handful of statements instead of about fifteen per record.
import type { Kysely } from 'kysely';
import type { ProfileRecord, Scope } from '../ports.js';
import type { DeadLetterRecord, IngestionBatchRepository, KeyRow, ObjectOwner, ProfileObjectRecord } from '../object-ports.js';
import type { Database } from '../schema.js';
import { countedWrite, lockProfileRows, meteringChangeOf, type StatsLedger } from './domain-stats.js';
import { insertRows } from './multi-row-insert.js';
import { toProfileRecord } from './profiles.js';
import { chunks, IN_LIST_CHUNK, inScope, toMillis } from './rows.js';

const PROFILE_COLUMNS = ['account_id', 'region', 'domain_name', 'profile_id', 'fields_json', 'sources_json', 'version', 'created_at', 'last_updated_at'] as const;
const KEY_COLUMNS = ['account_id', 'region', 'domain_name', 'key_name', 'key_value', 'profile_id', 'origin'] as const;
const OBJECT_COLUMNS = [
  'account_id', 'region', 'domain_name', 'object_type_name', 'object_key', 'profile_id', 'object_json', 'size_bytes', 'created_at', 'last_updated_at', 'expires_at',
] as const;
const OBJECT_KEY_COLUMNS = ['account_id', 'region', 'domain_name', 'object_type_name', 'object_key', 'key_name', 'key_value'] as const;
const LETTER_COLUMNS = ['account_id', 'region', 'domain_name', 'dead_letter_id', 'object_type_name', 'object_json', 'reason', 'created_at'] as const;

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
  readonly #ledger: StatsLedger | undefined;

  constructor(db: Kysely<Database>, ledger?: StatsLedger) {
    this.#db = db;
    this.#ledger = ledger;
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
    if (profiles.length === 0) return;
    await countedWrite(this.#db, this.#ledger, async (db, ledger) => {
      let existing = 0;
      for (const chunk of chunks(profiles.map((profile) => profile.profileId), IN_LIST_CHUNK)) {
        const row = await db
          .selectFrom('profiles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
          .where('profile_id', 'in', chunk)
          .executeTakeFirstOrThrow();
        existing += Number(row.n);
      }
      const values: unknown[] = [];
      for (const profile of profiles) {
        values.push(scope.accountId, scope.region, domainName, profile.profileId, JSON.stringify(profile.fields), JSON.stringify(profile.sources));
        values.push(profile.version, toMillis(profile.createdAt), toMillis(profile.lastUpdatedAt));
      }
      await insertRows(db, 'profiles', PROFILE_COLUMNS, values, 'upsert', (oc) =>
        oc.columns(['account_id', 'region', 'domain_name', 'profile_id']).doUpdateSet((eb) => ({
          fields_json: eb.ref('excluded.fields_json'),
          sources_json: eb.ref('excluded.sources_json'),
          version: eb.ref('excluded.version'),
          last_updated_at: eb.ref('excluded.last_updated_at'),
        })),
      );
      const created = profiles.length - existing;
      ledger.add(scope, domainName, { profiles: created, metering: created });
    });
  }

  async addKeys(scope: Scope, domainName: string, keys: readonly KeyRow[]): Promise<void> {
    const values: unknown[] = [];
    for (const key of keys) values.push(scope.accountId, scope.region, domainName, key.keyName, key.value, key.profileId, key.origin);
    await insertRows(this.#db, 'profile_keys', KEY_COLUMNS, values, 'keep', (oc) => oc.doNothing());
  }

  async writeObjects(scope: Scope, domainName: string, objects: readonly ProfileObjectRecord[]): Promise<void> {
    if (objects.length === 0) return;
    await countedWrite(this.#db, this.#ledger, (db, ledger) => this.#writeObjects(db, ledger, scope, domainName, objects));
  }

  async #writeObjects(db: Kysely<Database>, ledger: StatsLedger, scope: Scope, domainName: string, objects: readonly ProfileObjectRecord[]): Promise<void> {
    const keysByType = new Map<string, string[]>();
    for (const object of objects) {
      const list = keysByType.get(object.objectTypeName);
      if (list) list.push(object.objectKey);
      else keysByType.set(object.objectTypeName, [object.objectKey]);
    }
    const previous = new Map<string, { profileId: string; sizeBytes: number }>();
    for (const [objectTypeName, objectKeys] of keysByType) {
      for (const chunk of chunks(objectKeys, IN_LIST_CHUNK)) {
        const rows = await db
          .selectFrom('profile_objects')
          .select(['object_key', 'profile_id', 'size_bytes'])
          .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName }))
          .where('object_key', 'in', chunk)
          .execute();
        for (const row of rows) previous.set(`${objectTypeName}\u0000${row.object_key}`, { profileId: row.profile_id, sizeBytes: Number(row.size_bytes) });
      }
    }
    const change = new Map<string, number>();
    const bump = (profileId: string, by: number) => change.set(profileId, (change.get(profileId) ?? 0) + by);
    const leaving = new Set<string>();
    let added = 0;
    let bytes = 0;
    for (const object of objects) {
      const before = previous.get(`${object.objectTypeName}\u0000${object.objectKey}`);
      bytes += object.sizeBytes - (before?.sizeBytes ?? 0);
      if (before === undefined) added += 1;
      if (before?.profileId === object.profileId) continue;
      bump(object.profileId, 1);
      if (before === undefined) continue;
      bump(before.profileId, -1);
      leaving.add(before.profileId);
    }
    // Profiles that objects move away from are locked like the batch's own, so their counts are exact below.
    await lockProfileRows(db, scope, domainName, leaving);

    const values: unknown[] = [];
    for (const object of objects) {
      values.push(scope.accountId, scope.region, domainName, object.objectTypeName, object.objectKey, object.profileId, object.object, object.sizeBytes);
      values.push(toMillis(object.createdAt), toMillis(object.lastUpdatedAt), toMillis(object.expiresAt));
    }
    await insertRows(db, 'profile_objects', OBJECT_COLUMNS, values, 'upsert', (oc) =>
      oc.columns(['account_id', 'region', 'domain_name', 'object_type_name', 'object_key']).doUpdateSet((eb) => ({
        profile_id: eb.ref('excluded.profile_id'),
        object_json: eb.ref('excluded.object_json'),
        size_bytes: eb.ref('excluded.size_bytes'),
        last_updated_at: eb.ref('excluded.last_updated_at'),
        expires_at: eb.ref('excluded.expires_at'),
      })),
    );
    for (const [objectTypeName, objectKeys] of keysByType) {
      for (const chunk of chunks(objectKeys, IN_LIST_CHUNK)) {
        await db
          .deleteFrom('profile_object_keys')
          .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName }))
          .where('object_key', 'in', chunk)
          .execute();
      }
    }
    const keyValues: unknown[] = [];
    for (const object of objects) {
      const seen = new Set<string>();
      for (const key of object.keys) {
        const id = `${key.keyName}\u0000${key.value}`;
        if (seen.has(id)) continue;
        seen.add(id);
        keyValues.push(scope.accountId, scope.region, domainName, object.objectTypeName, object.objectKey, key.keyName, key.value);
      }
    }
    await insertRows(db, 'profile_object_keys', OBJECT_KEY_COLUMNS, keyValues, 'plain');
    ledger.add(scope, domainName, { objects: added, bytes, metering: await meteringChangeOf(db, scope, domainName, change) });
  }

  async addDeadLetters(scope: Scope, domainName: string, letters: readonly DeadLetterRecord[]): Promise<void> {
    const values: unknown[] = [];
    for (const letter of letters) {
      values.push(scope.accountId, scope.region, domainName, letter.id, letter.objectTypeName, letter.object, letter.reason, toMillis(letter.createdAt));
    }
    await insertRows(this.#db, 'dead_letters', LETTER_COLUMNS, values, 'plain');
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
