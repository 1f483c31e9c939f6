// PutProfileObject for a batch of objects of one type in one transaction (bulk import), set-based: the
// batch's key values, profiles, their keys, object counts and earlier objects are read with a few
// statements, every record is then placed in memory in file order exactly as the one-object path
// (IngestionService.ingest) would place it against the database, and the outcome is written with
// multi-row statements. Records of one batch that share a profile or a key therefore see each other's
// writes, as sequential PutProfileObject calls would.
import type { DomainRecord, ProfileRecord, Repositories, Scope } from '../../storage/ports.js';
import type { DeadLetterRecord, KeyRow, ProfileObjectRecord } from '../../storage/object-ports.js';
import { BadRequestException } from '../../generated/errors.js';
import type { Clock } from '../clock.js';
import { missingProfileKey, missingUniqueKey, profileObjectBudgetReached, profileObjectLimitReached } from '../errors.js';
import { normalizeOptions } from '../profiles/profile-service.js';
import { OBJECTS_PER_PROFILE } from '../object-types/definition.js';
import { applyChanges } from '../profiles/apply-changes.js';
import { fromDocument, toDocument } from '../profiles/profile-document.js';
import { standardKeys } from '../profiles/standard-keys.js';
import { isSqsQueueUrl, scheduleDeadLetterSend } from '../../jobs/handlers/send-dead-letter.js';
import { encodeSource, type ObjectSource } from './field-precedence.js';
import { has } from './find-profile.js';
import { fieldNamesOf, type CompiledType, type IngestionType } from './ingestion-type.js';
import { feedCalculatedAttributes } from '../calculated-attributes/feed.js';
import { objectKeys, type ObjectKey } from './key-values.js';
import { profileObjectKey } from './object-key.js';
import { DAY_MS, deadLetterId, FALLBACK_EXPIRATION_DAYS, NO_PROFILE_MATCH, parseObject, storedKeys, uniqueKeyName } from './object-steps.js';
import { profileChanges, sourceTimestampField } from './profile-updates.js';
import { checkMappedValues } from './mapped-values.js';
import { checkProfileSize } from '../profiles/profile-size.js';

export type BatchOutcome = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly error: BadRequestException };

/** Whether the set-based path handles this type: not when Targets write standard objects (`_asset`, `_order`…). */
export function batchable(type: IngestionType): boolean {
  return Object.values(type.fields).every((field) => field.target === undefined || field.target.startsWith('_profile.'));
}

interface Prepared {
  readonly slot: number;
  readonly text: string;
  readonly values: Readonly<Record<string, string>>;
  readonly keys: readonly ObjectKey[];
  readonly objectKey: string;
}

/** A profile as the batch has it: its record so far, and its key rows then and now. */
interface ProfileState {
  record: ProfileRecord;
  /** Key rows when the batch began (empty for a profile it created), by keyId. */
  readonly initialKeys: ReadonlyMap<string, KeyRow>;
  readonly keys: Map<string, KeyRow>;
  /** Locked (version bumped) or created: written at the end. */
  dirty: boolean;
}

const keyId = (key: { keyName: string; value: string; origin: string }) => `${key.keyName}\u0000${key.value}\u0000${key.origin}`;
const valueId = (keyName: string, value: string) => `${keyName}\u0000${value}`;

class BatchState {
  readonly profiles = new Map<string, ProfileState>();
  /** For every PROFILE key value of the batch: the profiles holding it, with how many rows (origins) each. */
  readonly holders = new Map<string, Map<string, number>>();
  /** Objects each profile holds, per type, as the database would count them at this point of the batch. */
  readonly counts = new Map<string, Map<string, number>>();
  /** Owner and creation time of the batch type's objects, stored before or by this batch. */
  readonly owners = new Map<string, { profileId: string; createdAt: Date }>();
  readonly objects = new Map<string, ProfileObjectRecord>();
  readonly letters: DeadLetterRecord[] = [];

  count(profileId: string, typeName?: string): number {
    const byType = this.counts.get(profileId);
    if (!byType) return 0;
    if (typeName !== undefined) return byType.get(typeName) ?? 0;
    let total = 0;
    for (const n of byType.values()) total += n;
    return total;
  }

  addCount(profileId: string, typeName: string, delta: number): void {
    let byType = this.counts.get(profileId);
    if (!byType) this.counts.set(profileId, (byType = new Map()));
    byType.set(typeName, (byType.get(typeName) ?? 0) + delta);
  }

  addKey(state: ProfileState, key: KeyRow): void {
    const id = keyId(key);
    if (state.keys.has(id)) return;
    state.keys.set(id, key);
    const holders = this.holders.get(valueId(key.keyName, key.value));
    if (holders) holders.set(key.profileId, (holders.get(key.profileId) ?? 0) + 1);
  }

  removeKey(state: ProfileState, key: KeyRow): void {
    if (!state.keys.delete(keyId(key))) return;
    const holders = this.holders.get(valueId(key.keyName, key.value));
    const rows = holders?.get(key.profileId);
    if (holders && rows !== undefined) {
      if (rows <= 1) holders.delete(key.profileId);
      else holders.set(key.profileId, rows - 1);
    }
  }

  /** findProfile (find-profile.ts) against the batch's state: primary keys, then SECONDARY. */
  findProfile(keys: readonly ObjectKey[]): ProfileState | undefined {
    const profileKeys = keys.filter((key) => has(key, 'PROFILE'));
    const passes = [profileKeys.filter((key) => !has(key, 'SECONDARY')), profileKeys.filter((key) => has(key, 'SECONDARY'))];
    for (const pass of passes) {
      for (const key of pass) {
        const holders = this.holders.get(valueId(key.name, key.value));
        if (!holders) throw new Error(`batch ingestion: key ${key.name} was not read ahead`);
        if (holders.size !== 1) continue;
        const [only] = holders.keys();
        const state = this.profiles.get(only!);
        if (state) return state;
      }
    }
    return undefined;
  }
}

export interface BatchContext {
  readonly repos: Repositories;
  readonly scope: Scope;
  readonly domain: DomainRecord;
  readonly domainName: string;
  readonly type: IngestionType;
  readonly compiled: CompiledType;
  readonly clock: Clock;
  readonly newId: () => string;
  /** Whether concurrent writers can interleave (PostgreSQL), so inferring profiles needs key claims. */
  readonly concurrentWriters: boolean;
}

/** Parses and keys every record (nothing here depends on the others); a refused record is reported in its slot. */
function prepare(context: BatchContext, texts: readonly string[], outcomes: BatchOutcome[]): Prepared[] {
  const { type, compiled, scope } = context;
  const options = normalizeOptions(scope);
  const prepared: Prepared[] = [];
  texts.forEach((text, slot) => {
    try {
      const values = compiled.extractor.extract(parseObject(text));
      const keys = objectKeys(type, values, options);
      const unique = keys.find((key) => has(key, 'UNIQUE'));
      if (!unique) throw missingUniqueKey(type.name, uniqueKeyName(type));
      if (!keys.some((key) => has(key, 'PROFILE'))) throw missingProfileKey(type.name);
      checkMappedValues(type, values, keys);
      prepared.push({ slot, text, values, keys, objectKey: profileObjectKey(type.name, unique.value) });
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      outcomes[slot] = { ok: false, error };
    }
  });
  return prepared;
}

/** Reads everything the batch's records can look at, with a few statements. */
async function readAhead(context: BatchContext, prepared: readonly Prepared[]): Promise<{ state: BatchState; claims: Array<{ keyName: string; value: string }> }> {
  const { repos, scope, domainName, type } = context;
  const state = new BatchState();
  const valuesByName = new Map<string, Set<string>>();
  for (const record of prepared) {
    for (const key of record.keys) {
      if (!has(key, 'PROFILE')) continue;
      let values = valuesByName.get(key.name);
      if (!values) valuesByName.set(key.name, (values = new Set()));
      values.add(key.value);
    }
  }
  // Claimed before looking, as the one-object path does before inferring a profile: a concurrent ingestion
  // creating a profile for one of these values finishes first, and its profile is then found here.
  // (SQLite's BEGIN IMMEDIATE already makes every writer wait for the whole transaction.)
  const claims = type.allowProfileCreation && context.concurrentWriters ? [...valuesByName].flatMap(([keyName, values]) => [...values].map((value) => ({ keyName, value }))) : [];
  if (claims.length > 0) await repos.profileObjects.claimKeys(scope, domainName, claims);

  const candidates = new Set<string>();
  for (const [keyName, values] of valuesByName) {
    for (const value of values) state.holders.set(valueId(keyName, value), new Map());
    for (const row of await repos.ingestionBatch.keyRows(scope, domainName, keyName, [...values])) {
      const holders = state.holders.get(valueId(keyName, row.value))!;
      holders.set(row.profileId, (holders.get(row.profileId) ?? 0) + 1);
      candidates.add(row.profileId);
    }
  }
  const ids = [...candidates];
  const keysByProfile = new Map<string, Map<string, KeyRow>>();
  for (const key of await repos.ingestionBatch.keysOfProfiles(scope, domainName, ids)) {
    let keys = keysByProfile.get(key.profileId);
    if (!keys) keysByProfile.set(key.profileId, (keys = new Map()));
    keys.set(keyId(key), key);
  }
  for (const record of await repos.ingestionBatch.lockProfiles(scope, domainName, ids)) {
    const keys = keysByProfile.get(record.profileId) ?? new Map<string, KeyRow>();
    state.profiles.set(record.profileId, { record, initialKeys: keys, keys: new Map(keys), dirty: false });
  }
  for (const { profileId, objectTypeName, count } of await repos.ingestionBatch.objectCounts(scope, domainName, ids)) state.addCount(profileId, objectTypeName, count);
  const objectKeys = prepared.map((record) => record.objectKey);
  for (const owner of await repos.ingestionBatch.objectOwners(scope, domainName, type.name, objectKeys)) state.owners.set(owner.objectKey, owner);
  return { state, claims };
}

/** Steps 5–11 of one record against the batch's state (IngestionService.ingest, kept in step with it). */
function place(context: BatchContext, state: BatchState, record: Prepared, queueUrl: string | undefined, sends: Array<{ letterId: string; at: Date }>): string {
  const { scope, domain, type, compiled, clock, newId } = context;
  const now = clock();
  const found = state.findProfile(record.keys);
  if (!found && !type.allowProfileCreation) {
    const letterId = deadLetterId(now);
    state.letters.push({ id: letterId, objectTypeName: type.name, object: record.text, reason: NO_PROFILE_MATCH, createdAt: now });
    if (queueUrl !== undefined) sends.push({ letterId, at: now });
    return record.objectKey;
  }
  const created = !found;
  const profile: ProfileState = found ?? {
    record: { profileId: newId(), fields: {}, sources: {}, version: 1, createdAt: now, lastUpdatedAt: now },
    initialKeys: new Map(),
    keys: new Map(),
    dirty: true,
  };
  const profileId = profile.record.profileId;
  const existing = state.owners.get(record.objectKey);
  if (!created && existing?.profileId !== profileId) {
    if (type.maxProfileObjectCount !== undefined && state.count(profileId, type.name) >= type.maxProfileObjectCount) {
      throw profileObjectLimitReached(profileId, type.name, type.maxProfileObjectCount);
    }
    if (state.count(profileId) >= OBJECTS_PER_PROFILE) throw profileObjectBudgetReached(profileId, OBJECTS_PER_PROFILE);
  }

  const timestampField = sourceTimestampField(type);
  const rawTimestamp = timestampField === undefined ? undefined : record.values[timestampField];
  const source: ObjectSource = { objectTypeName: type.name, priority: type.sourcePriority, timestamp: rawTimestamp === undefined ? undefined : compiled.timestampFormat?.parse(rawTimestamp)?.getTime() };
  const current = { fields: fromDocument(profile.record.fields), sources: profile.record.sources };
  const changes = profileChanges(type, record.values, current, source, created);
  const next = applyChanges(current, changes, encodeSource(source));
  checkProfileSize(next.fields);
  // The row lock of the one-object path bumps the version; a refused record (above) leaves it, as its call rolls back.
  if (found) {
    found.record = { ...found.record, version: found.record.version + 1 };
    found.dirty = true;
  }
  if (created || Object.keys(changes).length > 0) profile.record = { ...profile.record, fields: toDocument(next.fields), sources: next.sources, lastUpdatedAt: now };
  if (created) state.profiles.set(profileId, profile);

  // syncStandardKeys, then the object's own keys.
  const wanted = standardKeys(profileId, next.fields, normalizeOptions(scope)).map((key) => ({ ...key, origin: key.origin as string }));
  const wantedIds = new Set(wanted.map(keyId));
  for (const key of [...profile.keys.values()]) if (key.origin === 'standard' && !wantedIds.has(keyId(key))) state.removeKey(profile, key);
  for (const key of wanted) state.addKey(profile, key);
  for (const key of storedKeys(record.keys, profileId, created)) state.addKey(profile, key);

  const days = type.expirationDays ?? domain.defaultExpirationDays ?? FALLBACK_EXPIRATION_DAYS;
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  if (existing === undefined) state.addCount(profileId, type.name, 1);
  else if (existing.profileId !== profileId) {
    state.addCount(existing.profileId, type.name, -1);
    state.addCount(profileId, type.name, 1);
  }
  const createdAt = existing?.createdAt ?? now;
  state.owners.set(record.objectKey, { profileId, createdAt });
  state.objects.delete(record.objectKey);
  state.objects.set(record.objectKey, {
    objectTypeName: type.name,
    objectKey: record.objectKey,
    profileId,
    object: record.text,
    sizeBytes: Buffer.byteLength(record.text, 'utf8'),
    keys: record.keys.map((key) => ({ keyName: key.name, value: key.value })),
    createdAt,
    lastUpdatedAt: now,
    expiresAt,
  });
  return record.objectKey;
}

/** Writes the batch's outcome: profiles, then their key changes, objects, dead letters; claims released. */
async function writeBack(context: BatchContext, state: BatchState, claims: readonly { keyName: string; value: string }[], sends: readonly { letterId: string; at: Date }[]): Promise<void> {
  const { repos, scope, domainName, domain } = context;
  const dirty = [...state.profiles.values()].filter((profile) => profile.dirty);
  await repos.ingestionBatch.writeProfiles(scope, domainName, dirty.map((profile) => profile.record));
  const removed: KeyRow[] = [];
  const added: KeyRow[] = [];
  for (const profile of dirty) {
    for (const [id, key] of profile.initialKeys) if (!profile.keys.has(id)) removed.push(key);
    for (const [id, key] of profile.keys) if (!profile.initialKeys.has(id)) added.push(key);
  }
  await repos.profileKeys.remove(scope, domainName, removed.map((key) => ({ ...key, origin: key.origin as 'standard' })));
  // In the search index's order: neighbouring rows land on the same pages.
  added.sort((a, b) => (a.keyName < b.keyName ? -1 : a.keyName > b.keyName ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  await repos.ingestionBatch.addKeys(scope, domainName, added);
  await repos.ingestionBatch.writeObjects(scope, domainName, [...state.objects.values()]);
  await repos.ingestionBatch.addDeadLetters(scope, domainName, state.letters);
  const queueUrl = domain.deadLetterQueueUrl;
  if (queueUrl !== undefined) for (const send of sends) await scheduleDeadLetterSend(repos.jobs, scope, { domainName, deadLetterId: send.letterId, queueUrl }, send.at);
  await repos.ingestionBatch.releaseClaims(scope, domainName, claims);
}

/** Ingests `texts` (inside the caller's transaction); each record's outcome in its slot. */
export async function ingestBatch(context: BatchContext, texts: readonly string[]): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array(texts.length);
  const prepared = prepare(context, texts, outcomes);
  const { state, claims } = await readAhead(context, prepared);
  const queueUrl = context.domain.deadLetterQueueUrl;
  const sqsQueue = queueUrl !== undefined && isSqsQueueUrl(queueUrl) ? queueUrl : undefined;
  const sends: Array<{ letterId: string; at: Date }> = [];
  for (const record of prepared) {
    try {
      outcomes[record.slot] = { ok: true, key: place(context, state, record, sqsQueue, sends) };
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      outcomes[record.slot] = { ok: false, error };
    }
  }
  await writeBack(context, state, claims, sends);
  const valuesOf = new Map(prepared.map((record) => [`${record.objectKey}\u0000${record.text}`, record.values]));
  const fieldNames = fieldNamesOf(context.type);
  await feedCalculatedAttributes(
    context.repos, context.scope, context.domainName,
    [...state.objects.values()].map((object) => ({
      objectTypeName: object.objectTypeName, objectKey: object.objectKey, profileId: object.profileId, text: object.object,
      fieldNames, fieldValues: valuesOf.get(`${object.objectKey}\u0000${object.object}`), ingestedAt: object.lastUpdatedAt, replaced: true,
    })),
  );
  return outcomes;
}
