// Storage contract for calculated attribute definitions (spec api-behaviour-2a §2.1, §3).
import type { JsonValue, Page, PageRequest, Scope } from './ports.js';

export type ReadinessStatus = 'PREPARING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface CalculatedAttributeDefinitionRecord {
  readonly domainName: string;
  readonly name: string;
  /** The one object type its expression reads. */
  readonly objectTypeName: string;
  /** The definition as the API has it; see domain/calculated-attributes/definition.ts. */
  readonly definition: JsonValue;
  readonly status: ReadinessStatus;
  readonly progressPercentage: number;
  readonly readinessMessage?: string;
  readonly timestampFloor?: Date;
  readonly backfill?: BackfillProgress;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

/** One version of a definition: what tells versions apart, and the definition as stored. */
export interface DefinitionVersion {
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
  readonly definitionJson: string;
}

/** How far the UseHistoricalData backfill has come (spec 2a §3.8). */
export interface BackfillProgress {
  /** The last object key done; absent before the first page. */
  readonly after?: string;
  readonly done: number;
  readonly total: number;
}

export interface ReadinessChange {
  readonly status: ReadinessStatus;
  readonly progressPercentage: number;
  readonly readinessMessage?: string;
  readonly backfill?: BackfillProgress;
}

export interface CalculatedAttributeDefinitionRepository {
  /** Throws UniqueViolationError when the name exists in the domain. */
  create(scope: Scope, record: CalculatedAttributeDefinitionRecord): Promise<void>;
  /** Sets only the readiness and backfill columns (the backfill job), leaving the definition as a concurrent update left it. */
  setReadiness(scope: Scope, domainName: string, name: string, change: ReadinessChange): Promise<void>;
  /** Replaces the stored record of the same name; false when there is none. */
  update(scope: Scope, record: CalculatedAttributeDefinitionRecord): Promise<boolean>;
  get(scope: Scope, domainName: string, name: string): Promise<CalculatedAttributeDefinitionRecord | undefined>;
  delete(scope: Scope, domainName: string, name: string): Promise<boolean>;
  /** The domain's definitions by name (code-point order). */
  list(scope: Scope, domainName: string, page: PageRequest): Promise<Page<CalculatedAttributeDefinitionRecord>>;
  count(scope: Scope, domainName: string): Promise<number>;
  /** The definitions that read objects of this type, their JSON left as text: every object write asks, and a cache compiled from the text usually has them. */
  listForObjectType(scope: Scope, domainName: string, objectTypeName: string): Promise<DefinitionVersion[]>;
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;
}

/** One object as one definition sees it: its time, and its value when the expression gives one. */
export interface CalculatedAttributeEntry {
  readonly attributeName: string;
  readonly objectTypeName: string;
  readonly objectKey: string;
  readonly profileId: string;
  readonly ts: Date;
  readonly ingestedAt: Date;
  readonly valueText?: string;
  readonly valueNumber?: number;
}

export interface EntryWindow {
  /** Inclusive bounds on the entry's ts; absent = unbounded. */
  readonly from?: Date;
  readonly to?: Date;
}

/** Entries are written with their object; they go with it, its profile and its domain by foreign key. */
export interface CalculatedAttributeEntryRepository {
  /** Inserts or replaces the entries (by definition and object). */
  put(scope: Scope, domainName: string, entries: readonly CalculatedAttributeEntry[]): Promise<void>;
  /** Removes the entries of these objects for these definitions (an object that no longer passes a filter). */
  remove(scope: Scope, domainName: string, keys: readonly { attributeName: string; objectTypeName: string; objectKey: string }[]): Promise<void>;
  /** Removes every entry of a definition (it is being deleted). */
  removeDefinition(scope: Scope, domainName: string, attributeName: string): Promise<void>;
  /**
   * The entries of one definition for these profiles within the window, newest first (ts, then ingestion), at most
   * `perProfile` for each profile.
   */
  read(scope: Scope, domainName: string, attributeName: string, profileIds: readonly string[], window: EntryWindow, perProfile: number): Promise<CalculatedAttributeEntry[]>;
}
