// The storage contract: narrow repositories, every call scoped by account and region.
// Both backends (sqlite/, postgres/) implement exactly this; the conformance suite in
// test/storage/ runs against both.

/** The tenancy boundary. No repository call can cross it. */
export interface Scope {
  readonly accountId: string;
  readonly region: string;
}

/** JSON-serialisable value stored opaquely (matching settings, data-store settings…). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface AccountRecord {
  readonly accountId: string;
  readonly createdAt: Date;
}

export type PrincipalKind = 'root' | 'user' | 'role-session';

export interface AccessKeyRecord {
  readonly accessKeyId: string;
  readonly accountId: string;
  readonly principalKind: PrincipalKind;
  /** User name for users, role-session name for sessions, '' for the root. */
  readonly principalName: string;
  /** The secret as stored: already sealed by the caller (see domain/secrets). */
  readonly sealedSecret: string;
  readonly status: 'Active' | 'Inactive';
  /** Set for temporary credentials only. */
  readonly sessionToken?: string;
  readonly expiresAt?: Date;
  readonly createdAt: Date;
}

export interface DomainRecord {
  readonly name: string;
  readonly defaultExpirationDays: number;
  readonly defaultEncryptionKey?: string;
  readonly deadLetterQueueUrl?: string;
  readonly matching?: JsonValue;
  readonly ruleBasedMatching?: JsonValue;
  readonly dataStore?: JsonValue;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

/** Fields of a domain that UpdateDomain may change; `null` clears, absent keeps. */
export interface DomainPatch {
  readonly defaultExpirationDays?: number;
  readonly defaultEncryptionKey?: string | null;
  readonly deadLetterQueueUrl?: string | null;
  readonly matching?: JsonValue;
  readonly ruleBasedMatching?: JsonValue;
  readonly dataStore?: JsonValue;
  readonly lastUpdatedAt: Date;
}

/** A page of results. `after` is the sort key of the last item, for the next page. */
export interface Page<T> {
  readonly items: T[];
  /** Present when more items follow: the sort key to pass as `after` next time. */
  readonly nextAfter?: string;
}

export interface PageRequest {
  /** Exclusive lower bound on the sort key. */
  readonly after?: string;
  readonly limit: number;
}

export type Tags = Record<string, string>;

export interface AccountRepository {
  create(accountId: string, createdAt: Date): Promise<AccountRecord>;
  get(accountId: string): Promise<AccountRecord | undefined>;
  list(): Promise<AccountRecord[]>;
}

export interface AccessKeyRepository {
  /** Throws UniqueViolationError when the key id exists. */
  create(key: AccessKeyRecord): Promise<void>;
  /** Not scoped: the key id is how a request finds its account in the first place. */
  findById(accessKeyId: string): Promise<AccessKeyRecord | undefined>;
  listForPrincipal(accountId: string, principalKind: PrincipalKind, principalName: string): Promise<AccessKeyRecord[]>;
}

export interface DomainRepository {
  /** Throws UniqueViolationError when the name exists in the scope. */
  create(scope: Scope, domain: DomainRecord): Promise<void>;
  get(scope: Scope, name: string): Promise<DomainRecord | undefined>;
  /** Returns the updated record, or undefined when the domain does not exist. */
  update(scope: Scope, name: string, patch: DomainPatch): Promise<DomainRecord | undefined>;
  /** Removes the domain row; returns false when it did not exist. */
  delete(scope: Scope, name: string): Promise<boolean>;
  /** Ordered by name. */
  list(scope: Scope, page: PageRequest): Promise<Page<DomainRecord>>;
  count(scope: Scope): Promise<number>;
}

export interface TagRepository {
  get(scope: Scope, resourceArn: string): Promise<Tags>;
  /** Tags of many resources at once (for list operations); resources without tags are absent. */
  getMany(scope: Scope, resourceArns: readonly string[]): Promise<Map<string, Tags>>;
  /** Adds or overwrites the given keys; other keys stay. */
  put(scope: Scope, resourceArn: string, tags: Tags): Promise<void>;
  remove(scope: Scope, resourceArn: string, keys: readonly string[]): Promise<void>;
  /** Removes the tags of `arnPrefix` itself and of every ARN under `arnPrefix + '/'`. */
  removeUnder(scope: Scope, arnPrefix: string): Promise<void>;
}

/** The repositories available inside one transaction. */
export interface Repositories {
  readonly accounts: AccountRepository;
  readonly accessKeys: AccessKeyRepository;
  readonly domains: DomainRepository;
  readonly tags: TagRepository;
}

export type Backend = 'sqlite' | 'postgres';

export interface Store extends Repositories {
  readonly backend: Backend;
  /**
   * Runs `work` in one transaction: all of its writes commit together or none do.
   * The repositories passed in are bound to the transaction.
   *
   * On a ConflictError (serialization failure, deadlock, busy database) the whole of `work`
   * is rolled back and run again, up to three more times, so `work` must have no effects
   * other than through the repositories it is given. Inside `work`, use only those
   * repositories: the store's own ones run outside the transaction (and on SQLite, which
   * has one connection, would wait for it forever).
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
