// FIND_MATCHING of an identity-resolution job, for one domain: its profiles read as match records, the matcher run over them, the
// resulting clusters turned into match groups and stored as the domain's current set. With matcher threads
// (OPENPROFILES_MATCHING_THREADS > 0) and a database a second connection can reach, all of it happens in a
// thread of its own, so the thread answering requests never holds the records, the groups or a commit of
// them; otherwise inline, yielding between slices.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Scope, Store } from '../../storage/ports.js';
import type { StoreConfig } from '../../storage/open-store.js';
import { findMatches, type MatchStats } from '../../matching/index.js';
import { keepingAlive, publishMatchingStats, runInMatcherThread, threadsOf, type RunMatcherOptions } from '../../matching/worker/run-matcher.js';
import { matchGroups } from '../../domain/identity-resolution/match-groups.js';
import { readMatchRecords } from '../../domain/identity-resolution/match-record-reader.js';
import { storeMatchGroups } from '../../domain/identity-resolution/store-match-groups.js';

export interface DomainMatchingOptions extends RunMatcherOptions {
  /** Where a matcher thread opens its own connection; without one (or for an in-memory SQLite) the run is inline. */
  readonly database?: StoreConfig;
  /** Told how many profiles were read, before matching starts (the job moves to FIND_MATCHING). */
  readonly onRead?: (profiles: number) => Promise<void>;
  /** Runs between pages of an inline read (the job checks its lease there). */
  readonly afterPage?: () => Promise<void>;
}

/** The job the groups belong to, and their MatchGenerationDate. */
export interface MatchingJob {
  readonly jobId: string;
  readonly generatedAt: Date;
}

export interface DomainMatching {
  readonly profilesReviewed: number;
  readonly matchesFound: number;
}

export interface DomainMatchingRequest {
  readonly database: StoreConfig;
  readonly scope: Scope;
  readonly domainName: string;
  readonly job: MatchingJob;
}

/** What the thread posts: the count read, then the outcome (stats absent when there was nothing to match). */
export type DomainMatchingProgress = { readonly profilesRead: number };
export interface DomainMatchingReply extends DomainMatching {
  readonly stats?: MatchStats;
}

const THREAD_FILE = new URL('./domain-matching-thread.js', import.meta.url);

export async function matchDomain(store: Store, scope: Scope, domainName: string, job: MatchingJob, options: DomainMatchingOptions = {}): Promise<DomainMatching> {
  const threads = threadsOf(options);
  const database = options.database;
  const reachable = database !== undefined && !(database.kind === 'sqlite' && database.file === ':memory:');
  return keepingAlive(options, () =>
    threads > 0 && reachable ? inThread(threads, { database, scope, domainName, job }, options) : inline(store, scope, domainName, job, options),
  );
}

async function inline(store: Store, scope: Scope, domainName: string, job: MatchingJob, options: DomainMatchingOptions): Promise<DomainMatching> {
  const records = await readMatchRecords(store, scope, domainName, async () => {
    await nextTurn(); // SQLite answers synchronously: without a turn of the event loop no request is served until the last page
    await options.afterPage?.();
  });
  await options.onRead?.(records.length);
  const started = performance.now();
  const result = records.length < 2 ? undefined : findMatches(records);
  if (result) publishMatchingStats(result.stats, started);
  const groups = result ? await matchGroups(records.map((record) => record.id), result) : [];
  await storeMatchGroups(store, scope, domainName, job.jobId, job.generatedAt, groups);
  return { profilesReviewed: records.length, matchesFound: groups.length };
}

async function inThread(threads: number, request: DomainMatchingRequest, options: DomainMatchingOptions): Promise<DomainMatching> {
  const started = performance.now();
  let told: Promise<void> = Promise.resolve();
  const reply = await runInMatcherThread<DomainMatchingProgress, DomainMatchingReply>(THREAD_FILE, request, threads, ({ profilesRead }) => {
    told = options.onRead?.(profilesRead) ?? Promise.resolve();
  });
  await told;
  if (reply.stats) publishMatchingStats(reply.stats, started);
  return { profilesReviewed: reply.profilesReviewed, matchesFound: reply.matchesFound };
}
