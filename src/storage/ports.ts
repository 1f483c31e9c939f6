// The storage contract: narrow repositories, every call scoped by account and region.
// Both backends (sqlite/, postgres/) implement exactly this; the conformance suite in
// test/storage/ runs against both.
import type { DeadLetterRepository, IngestionBatchRepository, ProfileObjectRepository } from './object-ports.js';
import type { RuleMatchingRepository } from './rule-matching-ports.js';
import type { ConnectorProfileRepository, WorkflowRepository } from './workflow-ports.js';
import type { CalculatedAttributeDefinitionRepository, CalculatedAttributeEntryRepository } from './calculated-attribute-ports.js';

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
  /** Temporary credentials only: the lower-case hex SHA-256 of the session token (the token is never stored). */
  readonly sessionTokenSha256?: string;
  readonly expiresAt?: Date;
  /** Role sessions: the session tags and session policy given to AssumeRole. */
  readonly sessionTags?: Tags;
  readonly sessionPolicy?: string;
  readonly createdAt: Date;
  /** The last request the key signed (recorded at most once a minute). */
  readonly lastUsed?: AccessKeyUse;
}

export interface AccessKeyUse {
  readonly at: Date;
  /** The service in the signature's credential scope (`iam`, `sts`, `profile`). */
  readonly service: string;
  readonly region: string;
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

export type JsonObject = { [key: string]: JsonValue };

export interface ProfileRecord {
  readonly profileId: string;
  /** The standard members as the domain layer's JSON document; opaque here. */
  readonly fields: JsonObject;
  /** Field path -> source of its value (provenance, e.g. "manual"); opaque here. */
  readonly sources: Readonly<Record<string, string>>;
  /** Increases with every write of the row. */
  readonly version: number;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

/** Why a profile holds a key: derived from its standard fields, added by AddProfileKey, carried over by a merge, or stored by ingestion. */
export type KeyOrigin = 'standard' | 'custom' | 'merged' | 'object';

export interface ProfileKey {
  readonly keyName: string;
  /** Already normalized for matching. */
  readonly value: string;
  readonly profileId: string;
  readonly origin: KeyOrigin;
}

/** One search key: matches a profile holding `keyName` with any of `values` (normalized, at least one). */
export interface KeyCriterion {
  readonly keyName: string;
  readonly values: readonly string[];
}

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
  /** Returns false when the account has no such key. */
  setStatus(accountId: string, accessKeyId: string, status: AccessKeyRecord['status']): Promise<boolean>;
  delete(accountId: string, accessKeyId: string): Promise<boolean>;
  /** Removes the account's temporary keys that expired before `now`; returns how many. */
  deleteExpired(accountId: string, now: Date): Promise<number>;
  /** The sealed secret of any one stored key, of any account (to check a master key against). */
  anySealedSecret(): Promise<string | undefined>;
  /** Not scoped, like findById: a verified request's key. */
  recordUse(accessKeyId: string, use: AccessKeyUse): Promise<void>;
}

/** A value sealed with the master key the database was first served with. */
export interface MasterKeyCheckRepository {
  get(): Promise<string | undefined>;
  /** Stores the value unless one is stored already (the first of two servers starting at once wins). */
  putIfAbsent(sealed: string, createdAt: Date): Promise<void>;
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

/** GetDomain's Stats (spec §3.1), kept as counters by every write that changes them. */
export interface DomainStats {
  readonly profileCount: number;
  readonly objectCount: number;
  /** UTF-8 bytes of the stored object documents. */
  readonly totalSize: number;
  /** Σ over profiles of max(1, ⌈objects / 100⌉). */
  readonly meteringProfileCount: number;
}

export interface DomainStatsRepository {
  /** The domain's counters; zeros for a domain nothing was written to. */
  get(scope: Scope, domainName: string): Promise<DomainStats>;
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

export interface ProfileRepository {
  /** Throws UniqueViolationError when the id exists in the domain. */
  create(scope: Scope, domainName: string, profile: ProfileRecord): Promise<void>;
  get(scope: Scope, domainName: string, profileId: string): Promise<ProfileRecord | undefined>;
  /** Whether the profile exists, without reading it (reads that only need to know). */
  exists(scope: Scope, domainName: string, profileId: string): Promise<boolean>;
  /** The profiles among `profileIds` that exist, in no particular order. */
  getMany(scope: Scope, domainName: string, profileIds: readonly string[]): Promise<ProfileRecord[]>;
  /**
   * Reads the profile and holds its row lock until the transaction ends (the version is bumped to
   * take it), so a read-modify-write of one profile never loses a concurrent write.
   */
  lock(scope: Scope, domainName: string, profileId: string): Promise<ProfileRecord | undefined>;
  /** Writes fields, sources, version and lastUpdatedAt of an existing profile. */
  update(scope: Scope, domainName: string, profile: ProfileRecord): Promise<void>;
  /** Removes the profile and its keys; false when it did not exist. */
  delete(scope: Scope, domainName: string, profileId: string): Promise<boolean>;
  /** Removes every profile of the domain and their keys. */
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;
  /** Counts the domain's rows (GetDomain reads DomainStatsRepository's counters instead). */
  count(scope: Scope, domainName: string): Promise<number>;
  /**
   * The profiles matching any (`OR`) or every (`AND`) criterion, ordered by profile id, each with
   * the key rows that matched; `page.after` is the last profile id of the previous page.
   */
  search(scope: Scope, domainName: string, criteria: readonly KeyCriterion[], mode: 'AND' | 'OR', page: PageRequest): Promise<Page<FoundProfileRecord>>;
}

export interface FoundProfileRecord {
  readonly profile: ProfileRecord;
  /** Key name and normalized value of every key row by which the search found the profile. */
  readonly matched: ReadonlyArray<{ readonly keyName: string; readonly value: string }>;
}

export interface ProfileKeyRepository {
  /** Adds keys; a key already held with the same origin is left as it is. */
  add(scope: Scope, domainName: string, keys: readonly ProfileKey[]): Promise<void>;
  /** Removes exactly these keys (name, value, profile and origin). */
  remove(scope: Scope, domainName: string, keys: readonly ProfileKey[]): Promise<void>;
  /** Removes the values of one key name from a profile, whatever their origin; returns how many rows went. */
  removeValues(scope: Scope, domainName: string, profileId: string, keyName: string, values: readonly string[]): Promise<number>;
  /** Ordered by key name, value, origin. */
  listForProfile(scope: Scope, domainName: string, profileId: string): Promise<ProfileKey[]>;
  /**
   * Ids of the profiles matching any (`OR`) or every (`AND`) criterion, ordered by profile id;
   * `page.after` is the last id of the previous page. (ProfileRepository.search also returns the profiles.)
   */
  search(scope: Scope, domainName: string, criteria: readonly KeyCriterion[], mode: 'AND' | 'OR', page: PageRequest): Promise<Page<string>>;
}

export interface ObjectTypeRecord {
  readonly domainName: string;
  readonly name: string;
  /** Everything else about the object type, stored opaquely (see domain/object-types/definition.ts). */
  readonly definition: JsonValue;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

export interface ObjectTypeRepository {
  /** Creates or replaces; a replaced row keeps its createdAt. */
  put(scope: Scope, record: ObjectTypeRecord): Promise<void>;
  get(scope: Scope, domainName: string, name: string): Promise<ObjectTypeRecord | undefined>;
  delete(scope: Scope, domainName: string, name: string): Promise<boolean>;
  /** Ordered by name. */
  list(scope: Scope, domainName: string, page: PageRequest): Promise<Page<ObjectTypeRecord>>;
  /** Every object type of the domain, ordered by name (a domain holds at most 100). */
  listAll(scope: Scope, domainName: string): Promise<ObjectTypeRecord[]>;
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;
}

export interface IntegrationRecord {
  readonly domainName: string;
  readonly uri: string;
  /** Everything else about the integration, stored opaquely (see domain/integrations/integration.ts). */
  readonly definition: JsonValue;
  /** Left out of lists unless they ask for hidden ones. */
  readonly hidden: boolean;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
}

export interface IntegrationListOptions {
  readonly includeHidden: boolean;
}

export interface IntegrationRepository {
  /**
   * Creates or replaces; a replaced row keeps its createdAt. A uri belongs to one domain of the
   * scope: throws UniqueViolationError when another domain holds it.
   */
  put(scope: Scope, record: IntegrationRecord): Promise<void>;
  get(scope: Scope, domainName: string, uri: string): Promise<IntegrationRecord | undefined>;
  delete(scope: Scope, domainName: string, uri: string): Promise<boolean>;
  /** The domain's integrations, ordered by uri. */
  list(scope: Scope, domainName: string, options: IntegrationListOptions, page: PageRequest): Promise<Page<IntegrationRecord>>;
  /** The integration with this uri in any domain of the scope (at most one), as a page ordered by domain name. */
  listByUri(scope: Scope, uri: string, options: IntegrationListOptions, page: PageRequest): Promise<Page<IntegrationRecord>>;
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobRecord {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly kind: string;
  readonly payload: JsonValue;
  readonly status: JobStatus;
  /** When the job may run (again). */
  readonly runAt: Date;
  readonly leaseOwner?: string;
  readonly leaseExpiresAt?: Date;
  readonly attempts: number;
  readonly lastError?: string;
  /** Jobs with the same kind and dedupe key in one scope are one job while it is pending or running. */
  readonly dedupeKey?: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewJob {
  readonly id: string;
  readonly kind: string;
  readonly payload: JsonValue;
  readonly runAt: Date;
  readonly dedupeKey?: string;
  readonly createdAt: Date;
}

/** The durable job queue (src/jobs): leases keep two workers off one job, and a dead worker's lease runs out. */
export interface JobRepository {
  /** Enqueues unless an unfinished job of the same kind and dedupe key exists; returns the id of the job that stands. */
  enqueue(scope: Scope, job: NewJob): Promise<string>;
  get(id: string): Promise<JobRecord | undefined>;
  /** Ids of jobs that are due: pending with runAt <= now, or running with an expired lease. Oldest first. */
  due(now: Date, kinds: readonly string[], limit: number): Promise<string[]>;
  /** Takes the lease if the job is still due; false when another worker got it first. */
  claim(id: string, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Extends a lease this owner still holds; false when it was lost. */
  renew(id: string, owner: string, leaseUntil: Date): Promise<boolean>;
  /** Marks done (or back to pending at `rerunAt`, for recurring jobs), if this owner still holds the lease. */
  finish(id: string, owner: string, now: Date, rerunAt?: Date): Promise<boolean>;
  /** Records a failure: back to pending at `retryAt`, or failed for good without one. */
  fail(id: string, owner: string, now: Date, error: string, retryAt?: Date): Promise<boolean>;
}

/** Data expiry (spec §3.1): what the expiry job deletes, a domain at a time. */
export interface ExpiryRepository {
  /** Deletes objects whose expiry has passed, with their key values; returns how many went. */
  deleteExpiredObjects(scope: Scope, domainName: string, now: Date): Promise<number>;
  /** Deletes profiles last updated before `updatedBefore` that hold no object, with their keys; returns how many went. */
  deleteIdleProfiles(scope: Scope, domainName: string, updatedBefore: Date): Promise<number>;
}

/** Where a bulk import stands (openprofiles import), so an interrupted one resumes instead of starting over. */
export interface ImportCheckpoint {
  readonly importId: string;
  readonly domainName: string;
  /** Records of the file consumed so far (ingested or rejected). */
  readonly position: number;
  readonly imported: number;
  readonly rejected: number;
  readonly updatedAt: Date;
}

export interface ImportCheckpointRepository {
  get(scope: Scope, importId: string): Promise<ImportCheckpoint | undefined>;
  put(scope: Scope, checkpoint: ImportCheckpoint): Promise<void>;
  /** Forgets the imports into a domain (it is being deleted). */
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;
}

/** The repositories available inside one transaction. */
export type IdentityResolutionJobStatus = 'PENDING' | 'PREPROCESSING' | 'FIND_MATCHING' | 'MERGING' | 'COMPLETED' | 'PARTIAL_SUCCESS' | 'FAILED';

export interface IdentityResolutionJobRecord {
  readonly domainName: string;
  readonly jobId: string;
  readonly status: IdentityResolutionJobStatus;
  readonly message?: string;
  readonly jobStartTime?: Date;
  readonly jobEndTime?: Date;
  readonly lastUpdatedAt: Date;
  readonly jobExpirationTime: Date;
  readonly profilesReviewed: number;
  readonly matchesFound: number;
  readonly mergesDone: number;
  readonly createdAt: Date;
  /** The domain's AutoMerging settings (wire JSON) the job applied; absent when auto-merge was off. */
  readonly autoMerging?: JsonValue;
  /** Where the job wrote its match groups (ExportingLocation), once written. */
  readonly exportingLocation?: { readonly bucket: string; readonly key: string };
}

export interface MatchGroupRecord {
  readonly matchId: string;
  readonly jobId: string;
  readonly profileIds: readonly string[];
  readonly confidenceScore: number;
  readonly generatedAt: Date;
}

/** A profile's id and standard-member document, as a matching job reads them. */
export interface ProfileDocumentRow {
  readonly profileId: string;
  readonly fields: JsonObject;
}

export interface IdentityResolutionRepository {
  /** Inserts or overwrites the job row. */
  putJob(scope: Scope, record: IdentityResolutionJobRecord): Promise<void>;
  getJob(scope: Scope, domainName: string, jobId: string): Promise<IdentityResolutionJobRecord | undefined>;
  /** Newest first (created_at, then job id, descending); `page.after` is the last job id of the previous page. */
  listJobs(scope: Scope, domainName: string, page: PageRequest): Promise<Page<IdentityResolutionJobRecord>>;
  /** Deletes the domain's jobs still PENDING (not yet run); returns how many went. */
  deletePendingJobs(scope: Scope, domainName: string): Promise<number>;
  /** The domain's profiles ordered by id; `page.after` is the last profile id of the previous page. */
  profileDocuments(scope: Scope, domainName: string, page: PageRequest): Promise<Page<ProfileDocumentRow>>;
  /**
   * Makes the groups of job `jobId` the domain's match groups. Written beside the current ones a chunk at a
   * time, then switched to in one step, then the previous ones removed a chunk at a time: readers see one
   * whole set or the other, and a job that dies midway leaves the current set as it was.
   */
  replaceMatches(scope: Scope, domainName: string, jobId: string, groups: readonly MatchGroupRecord[]): Promise<void>;
  /** The domain's match groups ordered by match id; `page.after` is the last match id of the previous page. */
  listMatches(scope: Scope, domainName: string, page: PageRequest): Promise<Page<MatchGroupRecord>>;
  /** The match group of the latest job with this id, or holding this profile. */
  getMatch(scope: Scope, domainName: string, matchId: string): Promise<MatchGroupRecord | undefined>;
  matchOf(scope: Scope, domainName: string, profileId: string): Promise<MatchGroupRecord | undefined>;
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;
}

/** Where an s3:// integration stands with one S3 object (one version of it, by ETag). */
export interface S3IntegrationObject {
  readonly domainName: string;
  readonly uri: string;
  readonly objectKey: string;
  readonly etag: string;
  /** Records of the object already through ingestion (ingested or rejected): a resumed run starts after them. */
  readonly recordsDone: number;
  readonly ingested: number;
  readonly rejected: number;
  /** Every record is through, or the object could not be read as records (lastError says why). */
  readonly completed: boolean;
  readonly lastError?: string;
  readonly updatedAt: Date;
}

export interface S3IntegrationObjectRepository {
  /** The rows of these object keys of one integration. */
  getMany(scope: Scope, domainName: string, uri: string, objectKeys: readonly string[]): Promise<Map<string, S3IntegrationObject>>;
  put(scope: Scope, record: S3IntegrationObject): Promise<void>;
  /** Forgets an integration's objects (the integration is gone). */
  deleteIntegration(scope: Scope, domainName: string, uri: string): Promise<void>;
  deleteAllInDomain(scope: Scope, domainName: string): Promise<void>;
}

export interface Repositories {
  readonly accounts: AccountRepository;
  readonly iam: IamRepositories;
  readonly accessKeys: AccessKeyRepository;
  readonly masterKeyCheck: MasterKeyCheckRepository;
  readonly domains: DomainRepository;
  readonly domainStats: DomainStatsRepository;
  readonly tags: TagRepository;
  readonly profiles: ProfileRepository;
  readonly profileKeys: ProfileKeyRepository;
  readonly profileObjects: ProfileObjectRepository;
  readonly deadLetters: DeadLetterRepository;
  readonly ingestionBatch: IngestionBatchRepository;
  readonly objectTypes: ObjectTypeRepository;
  readonly integrations: IntegrationRepository;
  readonly jobs: JobRepository;
  readonly expiry: ExpiryRepository;
  readonly importCheckpoints: ImportCheckpointRepository;
  readonly s3IntegrationObjects: S3IntegrationObjectRepository;
  readonly identityResolution: IdentityResolutionRepository;
  readonly ruleMatching: RuleMatchingRepository;
  readonly workflows: WorkflowRepository;
  readonly connectorProfiles: ConnectorProfileRepository;
  readonly calculatedAttributes: CalculatedAttributeDefinitionRepository;
  readonly calculatedAttributeEntries: CalculatedAttributeEntryRepository;
}

export type Backend = 'sqlite' | 'postgres';

export interface Store extends Repositories {
  readonly backend: Backend;
  /**
   * Runs `work` in one transaction: all of its writes commit together or none do.
   * The repositories passed in are bound to the transaction. Writes that change a domain's Stats
   * counters (DomainStatsRepository) record their changes, added to the counters just before the commit.
   *
   * On a ConflictError (serialization failure, deadlock, busy database) the whole of `work`
   * is rolled back and run again, up to three more times, so `work` must have no effects
   * other than through the repositories it is given. Inside `work`, use only those
   * repositories: the store's own ones run outside the transaction (and on SQLite, which
   * has one connection, would wait for it forever).
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Like `transaction`, for many small independent writes (PutProfileObject): on SQLite, writes that
   * arrive while another commits share the next transaction and its one commit, each in its own
   * savepoint (a failing write is undone alone); the promise settles after that commit. On PostgreSQL,
   * whose server already groups concurrent commits, it is `transaction`.
   */
  groupedTransaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// ---- IAM (issue 5) ---------------------------------------------------------------------------
// IAM is global: these calls are scoped by account alone. Names match without regard to case.

export type IamEntityKind = 'user' | 'group' | 'role';

/** A user, group or role by name. */
export interface IamEntityRef {
  readonly kind: IamEntityKind;
  readonly name: string;
}

/** A user, group or role as ListEntitiesForPolicy names it: stored spelling and unique id. */
export interface IamEntitySummary {
  readonly kind: IamEntityKind;
  readonly name: string;
  readonly id: string;
}

export interface IamUserRecord {
  readonly name: string;
  readonly userId: string;
  readonly path: string;
  readonly permissionsBoundaryArn?: string;
  readonly createdAt: Date;
}

export interface IamGroupRecord {
  readonly name: string;
  readonly groupId: string;
  readonly path: string;
  readonly createdAt: Date;
}

export interface IamRoleRecord {
  readonly name: string;
  readonly roleId: string;
  readonly path: string;
  /** The AssumeRolePolicyDocument as given (already validated). */
  readonly trustPolicy: string;
  readonly description?: string;
  readonly maxSessionDuration: number;
  readonly permissionsBoundaryArn?: string;
  readonly createdAt: Date;
}

export interface ManagedPolicyRecord {
  readonly name: string;
  readonly policyId: string;
  readonly path: string;
  readonly description?: string;
  readonly defaultVersionId: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface PolicyVersionRecord {
  readonly versionId: string;
  readonly document: string;
  readonly createdAt: Date;
}

/** Policy documents that apply to a principal, as stored text (for the authorizer). */
export interface PrincipalPolicies {
  /** Inline and attached managed (default version) policies of the entity and, for a user, of its groups. */
  readonly identity: readonly string[];
  /** The default version of the permissions boundary, when one is set. */
  readonly permissionsBoundary?: string;
}

/** UpdateUser, UpdateGroup: what is given changes. */
export interface EntityRename {
  readonly newName?: string;
  readonly newPath?: string;
}

export interface IamUserRepository {
  /** Throws UniqueViolationError when a user of that name (in any case) exists. */
  create(accountId: string, user: IamUserRecord): Promise<void>;
  get(accountId: string, name: string): Promise<IamUserRecord | undefined>;
  /** Ordered by name key; `after` is the name key of the last user of the previous page. */
  list(accountId: string, page: PageRequest, pathPrefix?: string): Promise<Page<IamUserRecord>>;
  delete(accountId: string, name: string): Promise<boolean>;
  setPermissionsBoundary(accountId: string, name: string, policyArn: string | null): Promise<boolean>;
  /**
   * UpdateUser: a new name and/or path; everything that hangs off the user (keys, groups, policies,
   * tags) follows a new name. Call inside a transaction. Throws UniqueViolationError on a taken name.
   */
  rename(accountId: string, name: string, change: EntityRename): Promise<boolean>;
  /** Users whose permissions boundary is the policy, ordered by name key. */
  listByBoundary(accountId: string, policyArn: string): Promise<IamUserRecord[]>;
}

export interface IamGroupRepository {
  create(accountId: string, group: IamGroupRecord): Promise<void>;
  get(accountId: string, name: string): Promise<IamGroupRecord | undefined>;
  /** Ordered by name key; `after` is the name key of the last group of the previous page. */
  list(accountId: string, page: PageRequest, pathPrefix?: string): Promise<Page<IamGroupRecord>>;
  delete(accountId: string, name: string): Promise<boolean>;
  /** The members of a group, ordered by name key. */
  listMembers(accountId: string, groupName: string, page: PageRequest): Promise<Page<IamUserRecord>>;
  /** Returns false when the user already was a member. */
  addMember(accountId: string, groupName: string, userName: string): Promise<boolean>;
  removeMember(accountId: string, groupName: string, userName: string): Promise<boolean>;
  /** The groups of a user, ordered by name key. */
  listForUser(accountId: string, userName: string): Promise<IamGroupRecord[]>;
  countMembers(accountId: string, groupName: string): Promise<number>;
  /** UpdateGroup: as users' rename, for members, policies and attachments. Call inside a transaction. */
  rename(accountId: string, name: string, change: EntityRename): Promise<boolean>;
}

export interface IamRoleRepository {
  create(accountId: string, role: IamRoleRecord): Promise<void>;
  get(accountId: string, name: string): Promise<IamRoleRecord | undefined>;
  /** Ordered by name key; `after` is the name key of the last role of the previous page. */
  list(accountId: string, page: PageRequest, pathPrefix?: string): Promise<Page<IamRoleRecord>>;
  delete(accountId: string, name: string): Promise<boolean>;
  setTrustPolicy(accountId: string, name: string, document: string): Promise<boolean>;
  /** UpdateRole: only what is given changes. */
  update(accountId: string, name: string, change: { readonly description?: string; readonly maxSessionDuration?: number }): Promise<boolean>;
  setPermissionsBoundary(accountId: string, name: string, policyArn: string | null): Promise<boolean>;
  /** Roles whose permissions boundary is the policy, ordered by name key. */
  listByBoundary(accountId: string, policyArn: string): Promise<IamRoleRecord[]>;
}

/** Tags of users and roles. */
export interface IamTagRepository {
  get(accountId: string, entity: IamEntityRef): Promise<Tags>;
  put(accountId: string, entity: IamEntityRef, tags: Tags): Promise<void>;
  remove(accountId: string, entity: IamEntityRef, keys: readonly string[]): Promise<void>;
  removeAll(accountId: string, entity: IamEntityRef): Promise<void>;
}

export interface IamPolicyRepository {
  /** Creates or replaces an inline policy. */
  putInline(accountId: string, entity: IamEntityRef, policyName: string, document: string): Promise<void>;
  getInline(accountId: string, entity: IamEntityRef, policyName: string): Promise<string | undefined>;
  /** Policy names, ordered. */
  listInline(accountId: string, entity: IamEntityRef): Promise<string[]>;
  deleteInline(accountId: string, entity: IamEntityRef, policyName: string): Promise<boolean>;

  /** Creates the policy with its first version (`v1`, the default). Throws UniqueViolationError on a taken name. */
  createManaged(accountId: string, policy: ManagedPolicyRecord, document: string): Promise<void>;
  getManaged(accountId: string, name: string): Promise<ManagedPolicyRecord | undefined>;
  /** Ordered by name key. */
  listManaged(accountId: string, page: PageRequest, pathPrefix?: string): Promise<Page<ManagedPolicyRecord>>;
  /** Removes the policy and all its versions. */
  deleteManaged(accountId: string, name: string): Promise<boolean>;
  /** Adds a version; when `makeDefault`, it becomes the default version. */
  addVersion(accountId: string, policyName: string, version: PolicyVersionRecord, makeDefault: boolean): Promise<void>;
  getVersion(accountId: string, policyName: string, versionId: string): Promise<PolicyVersionRecord | undefined>;
  /** Ordered by creation. */
  listVersions(accountId: string, policyName: string): Promise<PolicyVersionRecord[]>;
  /** Returns false when the policy has no such version. */
  deleteVersion(accountId: string, policyName: string, versionId: string): Promise<boolean>;
  setDefaultVersion(accountId: string, policyName: string, versionId: string, now: Date): Promise<void>;

  /** Returns false when it was attached already. */
  attach(accountId: string, entity: IamEntityRef, policyName: string): Promise<boolean>;
  detach(accountId: string, entity: IamEntityRef, policyName: string): Promise<boolean>;
  /** Names of the managed policies attached to the entity, ordered by name key. */
  listAttached(accountId: string, entity: IamEntityRef): Promise<ManagedPolicyRecord[]>;
  countAttachments(accountId: string, policyName: string): Promise<number>;
  /** The users, groups and roles the policy is attached to, each kind ordered by name key. */
  listAttachedEntities(accountId: string, policyName: string): Promise<IamEntitySummary[]>;

  /** Every policy document that applies to a user (with its groups) or a role, in a few queries. */
  principalPolicies(accountId: string, entity: IamEntityRef, boundaryPolicyName: string | undefined): Promise<PrincipalPolicies>;
}

/** The IAM repositories, one field of Repositories. */
export interface IamRepositories {
  readonly users: IamUserRepository;
  readonly groups: IamGroupRepository;
  readonly roles: IamRoleRepository;
  readonly tags: IamTagRepository;
  readonly policies: IamPolicyRepository;
}
