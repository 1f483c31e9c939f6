// The profile-object repository (ingested documents and their key index), one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { KeyCriterion, Page, PageRequest, Scope } from '../ports.js';
import type { ObjectStats, ProfileObjectRecord, ProfileObjectRepository, StoredObjectRow } from '../object-ports.js';
import type { Database } from '../schema.js';
import type { ProfileObjectsTable } from '../object-schema.js';
import { runCompiled, type SlotOf } from './compiled-cache.js';
import { countedWrite, lockProfileRows, meteringChange, meteringChangeOf, meteringExtra, objectCountsOf, type StatsLedger } from './domain-stats.js';
import { insertRows } from './multi-row-insert.js';
import { chunks, IN_LIST_CHUNK, inScope, pageFetchSize, toMillis, toPage } from './rows.js';

/** A page cursor: the last item's lastUpdatedAt (zero-padded) and object key. */
function cursorOf(record: ProfileObjectRecord): string {
  return `${String(record.lastUpdatedAt.getTime()).padStart(15, '0')}:${record.objectKey}`;
}

function parseCursor(cursor: string): { at: number; key: string } {
  const colon = cursor.indexOf(':');
  return { at: Number(cursor.slice(0, colon)), key: cursor.slice(colon + 1) };
}

const OBJECT_KEY_COLUMNS = ['account_id', 'region', 'domain_name', 'object_type_name', 'object_key', 'key_name', 'key_value'] as const;

/** The identity columns of an object, as slots 0–4 of a compiled query. */
function identityOf(slot: SlotOf) {
  return { account_id: slot(0), region: slot(1), domain_name: slot(2), object_type_name: slot(3), object_key: slot(4) };
}

export class KyselyProfileObjectRepository implements ProfileObjectRepository {
  readonly #db: Kysely<Database>;
  readonly #ledger: StatsLedger | undefined;

  constructor(db: Kysely<Database>, ledger?: StatsLedger) {
    this.#db = db;
    this.#ledger = ledger;
  }

  async get(scope: Scope, domainName: string, objectTypeName: string, objectKey: string): Promise<ProfileObjectRecord | undefined> {
    const identity = [scope.accountId, scope.region, domainName, objectTypeName, objectKey];
    const { rows } = await runCompiled(this.#db, 'profileObjects.get', identity, (slot) =>
      this.#db.selectFrom('profile_objects').selectAll().where((eb) => eb.and(identityOf(slot))),
    );
    const row = rows[0];
    if (!row) return undefined;
    const keys = await runCompiled(this.#db, 'profileObjects.getKeys', identity, (slot) =>
      this.#db.selectFrom('profile_object_keys').select(['key_name', 'key_value']).where((eb) => eb.and(identityOf(slot))).orderBy('key_name').orderBy('key_value'),
    );
    return toRecord(row, keys.rows);
  }

  async put(scope: Scope, domainName: string, object: ProfileObjectRecord): Promise<void> {
    await countedWrite(this.#db, this.#ledger, (db, ledger) => this.#put(db, ledger, scope, domainName, object));
  }

  async #put(db: Kysely<Database>, ledger: StatsLedger, scope: Scope, domainName: string, object: ProfileObjectRecord): Promise<void> {
    const identity = [scope.accountId, scope.region, domainName, object.objectTypeName, object.objectKey];
    // In one statement (this runs with every PutProfileObject): the object's current owner and size, and how
    // many objects the profile it goes to holds before it.
    const { rows } = await runCompiled(db, 'profileObjects.before', [...identity, object.profileId], (slot) =>
      db.selectNoFrom((eb) => [
        eb.selectFrom('profile_objects').select('profile_id').where((w) => w.and(identityOf(slot))).as('owner'),
        eb.selectFrom('profile_objects').select('size_bytes').where((w) => w.and(identityOf(slot))).as('size'),
        eb
          .selectFrom('profile_objects')
          .select((c) => c.fn.countAll<number>().as('n'))
          .where((w) => w.and({ account_id: slot(0), region: slot(1), domain_name: slot(2), profile_id: slot(5) }))
          .as('held'),
      ]),
    );
    const before = rows[0];
    const previousOwner = before?.owner ?? undefined;
    const movedFrom = previousOwner !== undefined && previousOwner !== object.profileId ? previousOwner : undefined;
    // The profile it leaves is locked like the one it joins, so that profile's count is exact below.
    if (movedFrom !== undefined) await lockProfileRows(db, scope, domainName, [movedFrom]);
    const changing = [object.profileId, object.object, object.sizeBytes, toMillis(object.lastUpdatedAt), toMillis(object.expiresAt)];
    const sources = object.sources === undefined ? null : JSON.stringify(object.sources);
    await runCompiled(db, 'profileObjects.put', [...identity, ...changing, toMillis(object.createdAt), sources], (slot) =>
      db
        .insertInto('profile_objects')
        .values({
          ...identityOf(slot),
          profile_id: slot(5),
          object_json: slot(6),
          size_bytes: slot(7),
          last_updated_at: slot(8),
          expires_at: slot(9),
          created_at: slot(10),
          sources_json: slot(11),
        })
        .onConflict((oc) =>
          oc.columns(['account_id', 'region', 'domain_name', 'object_type_name', 'object_key']).doUpdateSet((eb) => ({
            profile_id: eb.ref('excluded.profile_id'),
            object_json: eb.ref('excluded.object_json'),
            size_bytes: eb.ref('excluded.size_bytes'),
            last_updated_at: eb.ref('excluded.last_updated_at'),
            expires_at: eb.ref('excluded.expires_at'),
            sources_json: eb.ref('excluded.sources_json'),
          })),
        ),
    );
    await runCompiled(db, 'profileObjects.deleteKeys', identity, (slot) => db.deleteFrom('profile_object_keys').where((eb) => eb.and(identityOf(slot))));
    const unique = new Map(object.keys.map((key) => [`${key.keyName}\u0000${key.value}`, key]));
    const values: unknown[] = [];
    for (const key of unique.values()) values.push(...identity, key.keyName, key.value);
    await insertRows(db, 'profile_object_keys', OBJECT_KEY_COLUMNS, values, 'plain');

    let metering = 0;
    if (previousOwner === undefined || movedFrom !== undefined) {
      const held = Number(before?.held ?? 0);
      metering += meteringExtra(held + 1) - meteringExtra(held);
    }
    if (movedFrom !== undefined) metering += await meteringChangeOf(db, scope, domainName, new Map([[movedFrom, -1]]));
    ledger.add(scope, domainName, { objects: previousOwner === undefined ? 1 : 0, bytes: object.sizeBytes - Number(before?.size ?? 0), metering });
  }

  async delete(scope: Scope, domainName: string, objectTypeName: string, objectKey: string): Promise<boolean> {
    return countedWrite(this.#db, this.#ledger, async (db, ledger) => {
      const where = { ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName, object_key: objectKey };
      await db.deleteFrom('profile_object_keys').where((eb) => eb.and(where)).execute();
      const gone = await db.deleteFrom('profile_objects').where((eb) => eb.and(where)).returning(['profile_id', 'size_bytes']).executeTakeFirst();
      if (!gone) return false;
      const metering = await meteringChangeOf(db, scope, domainName, new Map([[gone.profile_id, -1]]));
      ledger.add(scope, domainName, { objects: -1, bytes: -Number(gone.size_bytes), metering });
      return true;
    });
  }

  async list(
    scope: Scope,
    domainName: string,
    profileId: string,
    objectTypeName: string,
    filter: KeyCriterion | undefined,
    page: PageRequest,
  ): Promise<Page<ProfileObjectRecord>> {
    let query = this.#db
      .selectFrom('profile_objects as o')
      .selectAll('o')
      .where((eb) => eb.and({ 'o.account_id': scope.accountId, 'o.region': scope.region, 'o.domain_name': domainName, 'o.profile_id': profileId, 'o.object_type_name': objectTypeName }))
      .orderBy('o.last_updated_at', 'desc')
      .orderBy('o.object_key', 'desc')
      .limit(pageFetchSize(page));
    if (filter !== undefined) {
      if (filter.values.length === 0) return { items: [] };
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('profile_object_keys as k')
            .select('k.key_name')
            .whereRef('k.account_id', '=', 'o.account_id')
            .whereRef('k.region', '=', 'o.region')
            .whereRef('k.domain_name', '=', 'o.domain_name')
            .whereRef('k.object_type_name', '=', 'o.object_type_name')
            .whereRef('k.object_key', '=', 'o.object_key')
            .where('k.key_name', '=', filter.keyName)
            .where('k.key_value', 'in', [...filter.values]),
        ),
      );
    }
    if (page.after !== undefined) {
      const { at, key } = parseCursor(page.after);
      query = query.where((eb) => eb.or([eb('o.last_updated_at', '<', at), eb.and([eb('o.last_updated_at', '=', at), eb('o.object_key', '<', key)])]));
    }
    const rows = await query.execute();
    return toPage(rows, page, (row) => toRecord(row, []), cursorOf);
  }

  async countForProfile(scope: Scope, domainName: string, profileId: string, objectTypeName?: string): Promise<number> {
    let query = this.#db
      .selectFrom('profile_objects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, profile_id: profileId }));
    if (objectTypeName !== undefined) query = query.where('object_type_name', '=', objectTypeName);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  async findByKey(scope: Scope, domainName: string, objectTypeName: string, keyName: string, value: string, limit: number): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('profile_object_keys')
      .select('object_key')
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName, key_name: keyName, key_value: value }))
      .orderBy('object_key')
      .limit(limit)
      .execute();
    return rows.map((row) => row.object_key);
  }

  async pageOfType(scope: Scope, domainName: string, objectTypeName: string, after: string | undefined, limit: number): Promise<StoredObjectRow[]> {
    let query = this.#db
      .selectFrom('profile_objects')
      .select(['object_key', 'profile_id', 'object_json', 'last_updated_at'])
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName }))
      .orderBy('object_key')
      .limit(limit);
    if (after !== undefined) query = query.where('object_key', '>', after);
    const rows = await query.execute();
    return rows.map((row) => ({ objectKey: row.object_key, profileId: row.profile_id, object: row.object_json, lastUpdatedAt: new Date(Number(row.last_updated_at)) }));
  }

  async countOfType(scope: Scope, domainName: string, objectTypeName: string): Promise<number> {
    const row = await this.#db
      .selectFrom('profile_objects')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName }))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async profileIdsOfType(scope: Scope, domainName: string, objectTypeName: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('profile_objects')
      .select('profile_id')
      .distinct()
      .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName }))
      .orderBy('profile_id')
      .execute();
    return rows.map((row) => row.profile_id);
  }

  async deleteAllOfType(scope: Scope, domainName: string, objectTypeName: string): Promise<number> {
    return countedWrite(this.#db, this.#ledger, async (db, ledger) => {
      const where = { ...inScope(scope), domain_name: domainName, object_type_name: objectTypeName };
      await db.deleteFrom('profile_object_keys').where((eb) => eb.and(where)).execute();
      const gone = await db.deleteFrom('profile_objects').where((eb) => eb.and(where)).returning(['profile_id', 'size_bytes']).execute();
      await countRemoved(db, ledger, scope, domainName, gone);
      return gone.length;
    });
  }

  async reassign(scope: Scope, domainName: string, fromProfileIds: readonly string[], toProfileId: string): Promise<void> {
    const from = [...new Set(fromProfileIds)].filter((id) => id !== toProfileId);
    await countedWrite(this.#db, this.#ledger, async (db, ledger) => {
      // The caller holds every one of these profiles' locks (MergeProfiles), so the counts cannot move meanwhile.
      const before = await objectCountsOf(db, scope, domainName, [...from, toProfileId]);
      const attributes = (
        await db.selectFrom('calculated_attribute_definitions').select('name').where((eb) => eb.and({ ...inScope(scope), domain_name: domainName })).execute()
      ).map((row) => row.name);
      for (const chunk of chunks(from, IN_LIST_CHUNK)) {
        await db
          .updateTable('profile_objects')
          .set({ profile_id: toProfileId })
          .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
          .where('profile_id', 'in', chunk)
          .execute();
        // Calculated attribute entries follow their objects (migration 0032), found through their read index.
        if (attributes.length > 0) {
          await db
            .updateTable('calculated_attribute_entries')
            .set({ profile_id: toProfileId })
            .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName }))
            .where('attribute_name', 'in', attributes)
            .where('profile_id', 'in', chunk)
            .execute();
        }
      }
      const moved = from.reduce((sum, id) => sum + (before.get(id) ?? 0), 0);
      const after = new Map([[toProfileId, (before.get(toProfileId) ?? 0) + moved], ...from.map((id) => [id, 0] as const)]);
      const change = new Map([[toProfileId, moved], ...from.map((id) => [id, -(before.get(id) ?? 0)] as const)]);
      ledger.add(scope, domainName, { metering: meteringChange(after, change) });
    });
  }

  async claimKeys(scope: Scope, domainName: string, keys: readonly { readonly keyName: string; readonly value: string }[]): Promise<void> {
    // Sorted, so two ingestions claiming overlapping sets wait on each other instead of deadlocking.
    const rows = distinctKeys(keys).map((key) => ({ ...inScope(scope), domain_name: domainName, key_name: key.keyName, key_value: key.value }));
    if (rows.length > 0) await this.#db.insertInto('inferred_profile_claims').values(rows).onConflict((oc) => oc.doNothing()).execute();
  }

  async releaseKeys(scope: Scope, domainName: string, keys: readonly { readonly keyName: string; readonly value: string }[]): Promise<void> {
    for (const key of distinctKeys(keys)) {
      await this.#db
        .deleteFrom('inferred_profile_claims')
        .where((eb) => eb.and({ ...inScope(scope), domain_name: domainName, key_name: key.keyName, key_value: key.value }))
        .execute();
    }
  }

  async stats(scope: Scope, domainName: string): Promise<ObjectStats> {
    const where = { ...inScope(scope), domain_name: domainName };
    const totals = await this.#db
      .selectFrom('profile_objects')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('size_bytes').as('bytes')])
      .where((eb) => eb.and(where))
      .executeTakeFirstOrThrow();
    const large = await this.#db
      .selectFrom('profile_objects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.and(where))
      .groupBy('profile_id')
      .having((eb) => eb.fn.countAll(), '>', 100)
      .execute();
    return { objectCount: Number(totals.n), totalSize: Number(totals.bytes ?? 0), largeProfiles: large.map((row) => Number(row.n)) };
  }
}

/** Counts the removal of `gone` (objects deleted by one statement, with their owners and sizes). */
export async function countRemoved(
  db: Kysely<Database>,
  ledger: StatsLedger,
  scope: Scope,
  domainName: string,
  gone: readonly { readonly profile_id: string; readonly size_bytes: number }[],
): Promise<void> {
  if (gone.length === 0) return;
  const change = new Map<string, number>();
  let bytes = 0;
  for (const row of gone) {
    change.set(row.profile_id, (change.get(row.profile_id) ?? 0) - 1);
    bytes += Number(row.size_bytes);
  }
  ledger.add(scope, domainName, { objects: -gone.length, bytes: -bytes, metering: await meteringChangeOf(db, scope, domainName, change) });
}

function distinctKeys(keys: readonly { readonly keyName: string; readonly value: string }[]): { keyName: string; value: string }[] {
  const unique = new Map(keys.map((key) => [`${key.keyName}\u0000${key.value}`, { keyName: key.keyName, value: key.value }]));
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, key]) => key);
}

function toRecord(row: Selectable<ProfileObjectsTable>, keys: readonly { key_name: string; key_value: string }[]): ProfileObjectRecord {
  return {
    objectTypeName: row.object_type_name,
    objectKey: row.object_key,
    profileId: row.profile_id,
    object: row.object_json,
    sizeBytes: Number(row.size_bytes),
    keys: keys.map((key) => ({ keyName: key.key_name, value: key.key_value })),
    createdAt: new Date(Number(row.created_at)),
    lastUpdatedAt: new Date(Number(row.last_updated_at)),
    expiresAt: new Date(Number(row.expires_at)),
    ...(row.sources_json === null ? {} : { sources: JSON.parse(row.sources_json) as Record<string, string> }),
  };
}
