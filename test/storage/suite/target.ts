// What the conformance suite needs from a backend under test, and the test-data helpers it shares.
import { randomBytes, randomInt } from 'node:crypto';
import type { StoreConfig } from '../../../src/storage/open-store.js';
import type { Backend, DomainRecord, Scope, Store } from '../../../src/storage/ports.js';

export interface FreshDatabase {
  readonly config: StoreConfig;
  cleanup(): Promise<void>;
}

/** A backend the suite runs against. */
export interface Target {
  readonly backend: Backend;
  /** A new, empty database. */
  fresh(): Promise<FreshDatabase>;
  /** A database that cannot be opened (refused connection, unwritable path). */
  unreachable(): Promise<FreshDatabase>;
  /**
   * Declared gaps: a behaviour this backend does not offer, with the reason. The suite
   * reports these as skipped with the reason, never silently.
   */
  readonly gaps: Partial<Record<Capability, string>>;
}

export type Capability = 'concurrentStoresInOneProcess' | 'concurrentTransactions';

export interface SuiteContext {
  readonly target: Target;
  /** The store shared by the suite's tests; each test works in its own random scope. */
  store(): Store;
}

/** `{ skip: reason }` for a declared gap, `{}` otherwise: pass as node:test options. */
export function unlessGap(target: Target, capability: Capability): { skip?: string } {
  const reason = target.gaps[capability];
  return reason === undefined ? {} : { skip: `declared gap (${target.backend}): ${reason}` };
}

export function newAccountId(): string {
  return String(randomInt(100_000_000_000, 999_999_999_999));
}

export function newScope(region = 'us-east-1'): Scope {
  return { accountId: newAccountId(), region };
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

export function domainArn(scope: Scope, name: string): string {
  return `arn:aws:profile:${scope.region}:${scope.accountId}:domains/${name}`;
}

/** A domain with only the required fields; times carry odd milliseconds to catch truncation. */
export function domainRecord(name: string, extra: Partial<DomainRecord> = {}): DomainRecord {
  return {
    name,
    defaultExpirationDays: 366,
    createdAt: new Date(1_700_000_000_123),
    lastUpdatedAt: new Date(1_700_000_000_457),
    ...extra,
  };
}
