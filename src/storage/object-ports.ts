// Storage contract for ingested profile objects and dead letters (issue 4); part of Repositories in ports.ts.
import type { KeyCriterion, Page, PageRequest, ProfileRecord, Scope } from './ports.js';

/** One ingested object (spec §3.4 step 6): identity (object type, object key), owner, the document as received. */
export interface ProfileObjectRecord {
  readonly objectTypeName: string;
  /** The ProfileObjectUniqueKey. */
  readonly objectKey: string;
  readonly profileId: string;
  /** The JSON text exactly as received. */
  readonly object: string;
  readonly sizeBytes: number;
  /** The object's normalized key values (ListProfileObjects' ObjectFilter). */
  readonly keys: readonly { readonly keyName: string; readonly value: string }[];
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
  readonly expiresAt: Date;
  /** Standard-object records only: which source wrote each member path (spec §3.4 step 7). */
  readonly sources?: Readonly<Record<string, string>>;
}

export interface ObjectStats {
  readonly objectCount: number;
  readonly totalSize: number;
  /** Profiles holding more than 100 objects, with their object counts (for MeteringProfileCount). */
  readonly largeProfiles: readonly number[];
}

export interface StoredObjectRow {
  readonly objectKey: string;
  readonly profileId: string;
  readonly object: string;
  readonly lastUpdatedAt: Date;
}

export interface ProfileObjectRepository {
  get(scope: Scope, domainName: string, objectTypeName: string, objectKey: string): Promise<ProfileObjectRecord | undefined>;
  /** Creates, or replaces wholesale (owner, document, keys) the object with the same identity; createdAt of a replaced one stays. */
  put(scope: Scope, domainName: string, object: ProfileObjectRecord): Promise<void>;
  delete(scope: Scope, domainName: string, objectTypeName: string, objectKey: string): Promise<boolean>;
  /** Newest first (lastUpdatedAt, then object key, both descending); `page.after` is the previous page's last cursor. */
  list(scope: Scope, domainName: string, profileId: string, objectTypeName: string, filter: KeyCriterion | undefined, page: PageRequest): Promise<Page<ProfileObjectRecord>>;
  /** Objects a profile holds, of one type or (without it) of every type. */
  countForProfile(scope: Scope, domainName: string, profileId: string, objectTypeName?: string): Promise<number>;
  /** Object keys of the objects of a type holding `keyName` = `value`, at most `limit`, ordered. */
  findByKey(scope: Scope, domainName: string, objectTypeName: string, keyName: string, value: string, limit: number): Promise<string[]>;
  /** Ids of the profiles holding objects of a type, ordered. */
  profileIdsOfType(scope: Scope, domainName: string, objectTypeName: string): Promise<string[]>;
  /** One page of a type's objects in object-key order, after `after`, without their keys (a backfill reads them all). */
  pageOfType(scope: Scope, domainName: string, objectTypeName: string, after: string | undefined, limit: number): Promise<StoredObjectRow[]>;
  countOfType(scope: Scope, domainName: string, objectTypeName: string): Promise<number>;
  /** Removes every object of a type; returns how many went. */
  deleteAllOfType(scope: Scope, domainName: string, objectTypeName: string): Promise<number>;
  /** Re-points the objects of `fromProfileIds` at `toProfileId` (MergeProfiles). */
  reassign(scope: Scope, domainName: string, fromProfileIds: readonly string[], toProfileId: string): Promise<void>;
  /** Counts the domain's objects row by row (GetDomain reads DomainStatsRepository's counters instead). */
  stats(scope: Scope, domainName: string): Promise<ObjectStats>;
  /**
   * Claims key values for creating an inferred profile until the transaction ends: a concurrent claim of
   * any of them waits here for this transaction to finish, so it can then see the profile it created.
   */
  claimKeys(scope: Scope, domainName: string, keys: readonly { readonly keyName: string; readonly value: string }[]): Promise<void>;
  /** Drops this transaction's claims (they still hold until it commits). */
  releaseKeys(scope: Scope, domainName: string, keys: readonly { readonly keyName: string; readonly value: string }[]): Promise<void>;
}

/** An object that could not be placed on a profile (spec §3.4 step 5.3), kept for an operator. */
export interface DeadLetterRecord {
  /** Sorts in arrival order. */
  readonly id: string;
  readonly objectTypeName: string;
  readonly object: string;
  readonly reason: string;
  readonly createdAt: Date;
}

export interface DeadLetterRepository {
  add(scope: Scope, domainName: string, letter: DeadLetterRecord): Promise<void>;
  get(scope: Scope, domainName: string, id: string): Promise<DeadLetterRecord | undefined>;
  /** Ordered by id (arrival). */
  list(scope: Scope, domainName: string, page: PageRequest): Promise<Page<DeadLetterRecord>>;
}

/** A key row as the set-based ingestion path reads it. */
export interface KeyRow {
  readonly keyName: string;
  readonly value: string;
  readonly profileId: string;
  readonly origin: string;
}

/** Where an object stored earlier lives, as the set-based ingestion path needs it. */
export interface ObjectOwner {
  readonly objectKey: string;
  readonly profileId: string;
  readonly createdAt: Date;
}

/**
 * Set-based reads and multi-row writes for ingesting a batch of objects in one transaction (bulk import):
 * each call is one statement per chunk of its list, however many records the batch holds.
 */
export interface IngestionBatchRepository {
  /** Every key row holding one of `values` under `keyName`. */
  keyRows(scope: Scope, domainName: string, keyName: string, values: readonly string[]): Promise<KeyRow[]>;
  /** Reads the profiles that exist among `profileIds`, holding their row locks until the transaction ends. */
  lockProfiles(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<ProfileRecord[]>;
  /** Every key row of these profiles. */
  keysOfProfiles(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<KeyRow[]>;
  /** How many objects of each type these profiles hold (profiles and types holding none left out). */
  objectCounts(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<Array<{ profileId: string; objectTypeName: string; count: number }>>;
  /** The stored objects among `objectKeys` of one type. */
  objectOwners(scope: Scope, domainName: string, objectTypeName: string, objectKeys: readonly string[]): Promise<ObjectOwner[]>;
  /** Creates the new profiles and overwrites fields, sources, version and lastUpdatedAt of existing ones. */
  writeProfiles(scope: Scope, domainName: string, profiles: readonly ProfileRecord[]): Promise<void>;
  /** Adds key rows; a row already there stays as it is. */
  addKeys(scope: Scope, domainName: string, keys: readonly KeyRow[]): Promise<void>;
  /** Creates or replaces wholesale these objects of one type, with their key rows. */
  writeObjects(scope: Scope, domainName: string, objects: readonly ProfileObjectRecord[]): Promise<void>;
  addDeadLetters(scope: Scope, domainName: string, letters: readonly DeadLetterRecord[]): Promise<void>;
  /** Drops this transaction's claims of these values (ProfileObjectRepository.claimKeys). */
  releaseClaims(scope: Scope, domainName: string, keys: readonly { readonly keyName: string; readonly value: string }[]): Promise<void>;
}
