// PutProfileObject (spec §3.4 steps 1-11): resolve the type, read the object's fields and keys, find or
// create its profile (or dead-letter it), store it, and update the profile's fields and keys, all in one
// transaction that holds the profile's row lock.
import type { ProfileRecord, Repositories, Scope, Store } from '../../storage/ports.js';
import type { ProfileObjectRecord, StoredObjectRow } from '../../storage/object-ports.js';
import type { Clock } from '../clock.js';
import { BadRequestException } from '../../generated/errors.js';
import { domainNotFound, missingProfileKey, missingUniqueKey, profileObjectBudgetReached, profileObjectLimitReached } from '../errors.js';
import { OBJECTS_PER_PROFILE } from '../object-types/definition.js';
import type { HandlebarsRuntime } from '../object-types/field-source.js';
import { applyChanges } from '../profiles/apply-changes.js';
import { fromDocument, toDocument } from '../profiles/profile-document.js';
import { normalizeOptions } from '../profiles/profile-service.js';
import { newProfileId } from '../profiles/profile-id.js';
import { syncStandardKeys } from '../profiles/sync-keys.js';
import { encodeSource, type ObjectSource } from './field-precedence.js';
import { findProfile, has } from './find-profile.js';
import { CompiledTypes, requireType, resolveType, type IngestionType } from './ingestion-type.js';
import { objectKeys, type ObjectKey } from './key-values.js';
import { profileObjectKey } from './object-key.js';
import { profileChanges, sourceTimestampField } from './profile-updates.js';
import { planStandardRecords } from './standard-records.js';
import { checkMappedValues } from './mapped-values.js';
import { checkProfileSize } from '../profiles/profile-size.js';
import { batchable, ingestBatch, type BatchOutcome } from './batch-ingestion.js';
import { feedCalculatedAttributes, type StoredObject } from '../calculated-attributes/feed.js';
import { fieldNamesOf } from './ingestion-type.js';
import { DAY_MS, deadLetterId, FALLBACK_EXPIRATION_DAYS, NO_PROFILE_MATCH, parseObject, storedKeys, uniqueKeyName } from './object-steps.js';
import { isSqsQueueUrl, scheduleDeadLetterSend } from '../../jobs/handlers/send-dead-letter.js';

export type { BatchOutcome } from './batch-ingestion.js';

export class IngestionService {
  private readonly compiled: CompiledTypes;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    handlebars: HandlebarsRuntime,
    private readonly newId: () => string = newProfileId,
  ) {
    this.compiled = new CompiledTypes(handlebars);
  }

  /** Returns the ProfileObjectUniqueKey, also when the object went to the dead-letter store. */
  async putObject(scope: Scope, domainName: string, objectTypeName: string, objectText: string): Promise<string> {
    const document = parseObject(objectText);
    return this.store.groupedTransaction((repos) => this.ingest(repos, scope, domainName, objectTypeName, objectText, document));
  }

  /**
   * Ingests many objects of one type in ONE transaction (bulk import). A record refused with a
   * BadRequestException is reported in its slot and the others still go in: ingest() refuses before it
   * writes anything. `inTransaction` runs last in the same transaction (an import's checkpoint).
   */
  async putObjects(
    scope: Scope,
    domainName: string,
    objectTypeName: string,
    objectTexts: readonly string[],
    inTransaction?: (repos: Repositories, outcomes: readonly BatchOutcome[]) => Promise<void>,
  ): Promise<BatchOutcome[]> {
    return this.store.transaction(async (repos) => {
      const outcomes = await this.ingestAll(repos, scope, domainName, objectTypeName, objectTexts);
      await inTransaction?.(repos, outcomes);
      return outcomes;
    });
  }

  /**
   * BatchPutProfileObject: the domain and the object type must exist (else the whole call is a 404);
   * each object is then stored or refused on its own, all in one transaction.
   */
  async putObjectBatch(scope: Scope, domainName: string, objectTypeName: string, objectTexts: readonly string[]): Promise<BatchOutcome[]> {
    return this.store.transaction(async (repos) => {
      if (!(await repos.domains.get(scope, domainName))) throw domainNotFound(domainName);
      await requireType(repos, scope, domainName, objectTypeName);
      return this.ingestAll(repos, scope, domainName, objectTypeName, objectTexts);
    });
  }

  private async ingestAll(repos: Repositories, scope: Scope, domainName: string, objectTypeName: string, objectTexts: readonly string[]): Promise<BatchOutcome[]> {
    return (await this.ingestSetBased(repos, scope, domainName, objectTypeName, objectTexts)) ?? (await this.ingestEach(repos, scope, domainName, objectTypeName, objectTexts));
  }

  /** The set-based path (batch-ingestion.ts); undefined when the type or domain needs the one-object path. */
  private async ingestSetBased(repos: Repositories, scope: Scope, domainName: string, objectTypeName: string, objectTexts: readonly string[]): Promise<BatchOutcome[] | undefined> {
    // Whatever goes wrong resolving them, the one-object path reports it for each record as PutProfileObject would.
    const domain = await repos.domains.get(scope, domainName);
    const type = domain && (await resolveType(repos, scope, domainName, objectTypeName).catch(() => undefined));
    if (!domain || !type || !batchable(type)) return undefined;
    const compiled = this.compiled.get(scope, domainName, type);
    return ingestBatch({ repos, scope, domain, domainName, type, compiled, clock: this.clock, newId: this.newId, concurrentWriters: this.store.backend === 'postgres' }, objectTexts);
  }

  private async ingestEach(repos: Repositories, scope: Scope, domainName: string, objectTypeName: string, objectTexts: readonly string[]): Promise<BatchOutcome[]> {
    const outcomes: BatchOutcome[] = [];
    for (const objectText of objectTexts) {
      try {
        const key = await this.ingest(repos, scope, domainName, objectTypeName, objectText, parseObject(objectText));
        outcomes.push({ ok: true, key });
      } catch (error) {
        if (!(error instanceof BadRequestException)) throw error;
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }

  private async ingest(repos: Repositories, scope: Scope, domainName: string, objectTypeName: string, objectText: string, document: Record<string, unknown>): Promise<string> {
    const domain = await repos.domains.get(scope, domainName);
    if (!domain) throw domainNotFound(domainName);
    const type = await requireType(repos, scope, domainName, objectTypeName);
    const { extractor, timestampFormat } = this.compiled.get(scope, domainName, type);
    const values = extractor.extract(document);
    const keys = objectKeys(type, values, normalizeOptions(scope));
    const unique = keys.find((key) => has(key, 'UNIQUE'));
    if (!unique) throw missingUniqueKey(type.name, uniqueKeyName(type));
    if (!keys.some((key) => has(key, 'PROFILE'))) throw missingProfileKey(type.name);
    checkMappedValues(type, values, keys);
    const objectKey = profileObjectKey(type.name, unique.value);
    const now = this.clock();

    let found = await findProfile(repos, scope, domainName, keys);
    if (!found && !type.allowProfileCreation) {
      const letterId = deadLetterId(now);
      await repos.deadLetters.add(scope, domainName, { id: letterId, objectTypeName: type.name, object: objectText, reason: NO_PROFILE_MATCH, createdAt: now });
      const queueUrl = domain.deadLetterQueueUrl;
      if (queueUrl !== undefined && isSqsQueueUrl(queueUrl)) await scheduleDeadLetterSend(repos.jobs, scope, { domainName, deadLetterId: letterId, queueUrl }, now);
      return objectKey;
    }
    // Before inferring a profile, claim its PROFILE key values: a concurrent ingestion creating one for the
    // same values waits here until this one commits, then looks again and finds the profile (no duplicate).
    const claims = found ? [] : keys.filter((key) => has(key, 'PROFILE')).map((key) => ({ keyName: key.name, value: key.value }));
    if (claims.length > 0) {
      await repos.profileObjects.claimKeys(scope, domainName, claims);
      found = await findProfile(repos, scope, domainName, keys);
    }
    const created = !found;
    const profile: ProfileRecord = found ?? { profileId: this.newId(), fields: {}, sources: {}, version: 1, createdAt: now, lastUpdatedAt: now };
    const existing = await repos.profileObjects.get(scope, domainName, type.name, objectKey);
    if (!created && existing?.profileId !== profile.profileId) await this.checkLimits(repos, scope, domainName, profile.profileId, type);

    const timestampField = sourceTimestampField(type);
    const rawTimestamp = timestampField === undefined ? undefined : values[timestampField];
    const source: ObjectSource = { objectTypeName: type.name, priority: type.sourcePriority, timestamp: rawTimestamp === undefined ? undefined : timestampFormat?.parse(rawTimestamp)?.getTime() };
    const current = { fields: fromDocument(profile.fields), sources: profile.sources };
    const changes = profileChanges(type, values, current, source, created);
    const next = applyChanges(current, changes, encodeSource(source));
    const days = type.expirationDays ?? domain.defaultExpirationDays ?? FALLBACK_EXPIRATION_DAYS;
    const expiresAt = new Date(now.getTime() + days * DAY_MS);
    // Every refusal comes before the first write, so a refused object changes nothing (also inside an import batch).
    let records: ProfileObjectRecord[];
    try {
      checkProfileSize(next.fields);
      records = await planStandardRecords(repos, scope, domainName, type, values, keys, profile.profileId, now, expiresAt, source);
    } catch (error) {
      await repos.profileObjects.releaseKeys(scope, domainName, claims);
      throw error;
    }
    const record = { ...profile, fields: toDocument(next.fields), sources: next.sources, lastUpdatedAt: now };
    if (created) await repos.profiles.create(scope, domainName, record);
    else if (Object.keys(changes).length > 0) await repos.profiles.update(scope, domainName, record);
    await syncStandardKeys(repos, scope, domainName, profile.profileId, next.fields, normalizeOptions(scope));
    await repos.profileKeys.add(scope, domainName, storedKeys(keys, profile.profileId, created));

    for (const standardRecord of records) await repos.profileObjects.put(scope, domainName, standardRecord);
    await repos.profileObjects.put(scope, domainName, {
      objectTypeName: type.name,
      objectKey,
      profileId: profile.profileId,
      object: objectText,
      sizeBytes: Buffer.byteLength(objectText, 'utf8'),
      keys: keys.map((key) => ({ keyName: key.name, value: key.value })),
      createdAt: existing?.createdAt ?? now,
      lastUpdatedAt: now,
      expiresAt,
    });
    await feedCalculatedAttributes(repos, scope, domainName, [
      ...records.map((standard) => ({ objectTypeName: standard.objectTypeName, objectKey: standard.objectKey, profileId: profile.profileId, text: standard.object, ingestedAt: now, replaced: true })),
      { objectTypeName: type.name, objectKey, profileId: profile.profileId, text: objectText, fieldNames: fieldNamesOf(type), fieldValues: values, ingestedAt: now, replaced: existing !== undefined },
    ]);
    await repos.profileObjects.releaseKeys(scope, domainName, claims);
    return objectKey;
  }

  /** Objects already stored, read as the calculated-attribute feed reads a fresh one (the UseHistoricalData backfill). */
  async storedForFeed(repos: Repositories, scope: Scope, domainName: string, objectTypeName: string, rows: readonly StoredObjectRow[]): Promise<StoredObject[]> {
    // Standard object types (`_order`…) have no fields: they are read by member name.
    const type = objectTypeName.startsWith('_') ? undefined : await resolveType(repos, scope, domainName, objectTypeName);
    const extractor = type && this.compiled.get(scope, domainName, type).extractor;
    return rows.map((row) => {
      let fieldValues: Readonly<Record<string, string>> | undefined;
      if (extractor) {
        try {
          fieldValues = extractor.extract(JSON.parse(row.object));
        } catch {
          fieldValues = {};
        }
      }
      return {
        objectTypeName, objectKey: row.objectKey, profileId: row.profileId, text: row.object,
        ...(type && { fieldNames: fieldNamesOf(type) }), ...(fieldValues && { fieldValues }), ingestedAt: row.lastUpdatedAt, replaced: false,
      };
    });
  }

  /**
   * A new object (or one moving here from another profile) is refused when the profile already holds
   * MaxProfileObjectCount objects of its type, or the per-profile total; a replacement in place never is.
   */
  private async checkLimits(repos: Repositories, scope: Scope, domainName: string, profileId: string, type: IngestionType): Promise<void> {
    if (type.maxProfileObjectCount !== undefined) {
      const held = await repos.profileObjects.countForProfile(scope, domainName, profileId, type.name);
      if (held >= type.maxProfileObjectCount) throw profileObjectLimitReached(profileId, type.name, type.maxProfileObjectCount);
    }
    if ((await repos.profileObjects.countForProfile(scope, domainName, profileId)) >= OBJECTS_PER_PROFILE) {
      throw profileObjectBudgetReached(profileId, OBJECTS_PER_PROFILE);
    }
  }
}
