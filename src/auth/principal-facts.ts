// Everything about a caller that authorization needs: its ARNs, ids, tags and compiled policies,
// read from the IAM store (spec iam-evaluation.md §2.3, §3), and kept for a few seconds.
//
// Why a cache: reading them costs four queries per request, which took SearchProfiles from 1175
// to 659 req/s for an IAM user (bench/authorize.ts, docs/performance.md). IAM writes in this
// process forget the account's entries at once; other servers on the same database see a change
// within the TTL, like IAM's own eventual consistency.
import type { Store, Tags } from '../storage/ports.js';
import type { PolicySet } from './iam/evaluate.js';
import { parseIamArn, roleArn, userArn } from '../domain/iam/names.js';
import type { PolicyCache } from './policy-cache.js';
import { splitSessionName, type Principal } from './principal.js';

export interface PrincipalFacts {
  /** The caller as AccessDenied messages name it (the assumed-role session ARN for a session, §9). */
  readonly arn: string;
  /** aws:PrincipalArn: for a session the role's ARN (§2.3). */
  readonly principalArn: string;
  readonly type: 'Account' | 'User' | 'AssumedRole';
  readonly userId: string;
  /** IAM users only. */
  readonly username?: string;
  readonly tags: Tags;
  readonly policies: PolicySet;
  /** Whether any of the policies tests aws:ResourceTag/*: if none does, resource tags need not be read. */
  readonly usesResourceTags: boolean;
}

const NO_POLICIES: PolicySet = { identity: [] };
const DEFAULT_TTL_MS = 5_000;
const MAX_CACHED = 10_000;

interface CachedFacts {
  readonly facts: PrincipalFacts;
  readonly until: number;
}

/** Users by name; a role session by its key, since its tags and session policy are its own. */
function cacheKey(principal: Principal): string {
  const who = principal.kind === 'role-session' ? principal.accessKeyId : principal.name.toLowerCase();
  return `${principal.accountId}\u0000${principal.kind}\u0000${who}`;
}

export class PrincipalDirectory {
  readonly #facts = new Map<string, CachedFacts>();
  /** Moves on every invalidation, so facts read before one are never cached after it. */
  #generation = 0;

  constructor(
    private readonly store: Store,
    private readonly cache: PolicyCache,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  /** Forgets what is cached for the account: call after any IAM write in it. */
  invalidate(accountId: string): void {
    this.#generation += 1;
    const prefix = `${accountId}\u0000`;
    for (const key of this.#facts.keys()) if (key.startsWith(prefix)) this.#facts.delete(key);
  }

  async load(principal: Principal): Promise<PrincipalFacts> {
    if (this.ttlMs <= 0) return this.read(principal);
    const key = cacheKey(principal);
    const now = Date.now();
    const cached = this.#facts.get(key);
    if (cached && cached.until > now) return cached.facts;
    const generation = this.#generation;
    const facts = await this.read(principal);
    if (generation !== this.#generation) return facts;
    if (this.#facts.size >= MAX_CACHED) this.#facts.clear();
    this.#facts.set(key, { facts, until: now + this.ttlMs });
    return facts;
  }

  private async read(principal: Principal): Promise<PrincipalFacts> {
    const { accountId } = principal;
    switch (principal.kind) {
      case 'root':
        return { arn: principal.arn, principalArn: principal.arn, type: 'Account', userId: accountId, tags: {}, policies: NO_POLICIES, usesResourceTags: false };
      case 'user': {
        const user = await this.store.iam.users.get(accountId, principal.name);
        // A key whose user is gone grants nothing (its keys go with it, but a request may be in flight).
        if (!user) return { arn: principal.arn, principalArn: principal.arn, type: 'User', userId: '', username: principal.name, tags: {}, policies: NO_POLICIES, usesResourceTags: false };
        const ref = { kind: 'user', name: user.name } as const;
        const [tags, stored] = await Promise.all([
          this.store.iam.tags.get(accountId, ref),
          this.store.iam.policies.principalPolicies(accountId, ref, boundaryName(user.permissionsBoundaryArn)),
        ]);
        const arn = userArn(accountId, user.path, user.name);
        return { arn, principalArn: arn, type: 'User', userId: user.userId, username: user.name, tags, ...this.compile(stored, undefined) };
      }
      case 'role-session': {
        const { roleName, sessionName } = splitSessionName(principal.name);
        const role = await this.store.iam.roles.get(accountId, roleName);
        const sessionTags = principal.sessionTags ?? {};
        if (!role) return { arn: principal.arn, principalArn: principal.arn, type: 'AssumedRole', userId: '', tags: sessionTags, policies: NO_POLICIES, usesResourceTags: false };
        const ref = { kind: 'role', name: role.name } as const;
        const [roleTags, stored] = await Promise.all([
          this.store.iam.tags.get(accountId, ref),
          this.store.iam.policies.principalPolicies(accountId, ref, boundaryName(role.permissionsBoundaryArn)),
        ]);
        return {
          arn: principal.arn,
          principalArn: roleArn(accountId, role.path, role.name),
          type: 'AssumedRole',
          userId: `${role.roleId}:${sessionName}`,
          // Session tags override role tags of the same key (IAM: "session tags override").
          tags: { ...roleTags, ...sessionTags },
          ...this.compile(stored, principal.sessionPolicy),
        };
      }
    }
  }

  private compile(
    stored: { identity: readonly string[]; permissionsBoundary?: string },
    sessionPolicy: string | undefined,
  ): { policies: PolicySet; usesResourceTags: boolean } {
    const texts = [...stored.identity, ...(stored.permissionsBoundary === undefined ? [] : [stored.permissionsBoundary]), ...(sessionPolicy === undefined ? [] : [sessionPolicy])];
    return {
      policies: {
        identity: stored.identity.map((text) => this.cache.compile(text)),
        permissionsBoundary: stored.permissionsBoundary === undefined ? undefined : this.cache.compile(stored.permissionsBoundary),
        sessionPolicies: sessionPolicy === undefined ? undefined : [this.cache.compile(sessionPolicy)],
      },
      usesResourceTags: texts.some((text) => this.cache.usesResourceTags(text)),
    };
  }
}

function boundaryName(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : parseIamArn(arn, 'policy')?.name;
}
