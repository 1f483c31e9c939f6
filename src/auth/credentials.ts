// Finds the secret and principal behind an access key id, for SigV4 verification: the configured
// root key of the default account (from the environment, never stored), then the stored keys.
//
// Stored keys are kept for a few seconds, like a principal's policies (principal-facts.ts): reading
// and decoding the key on every request was a tenth of a search's CPU. An IAM or STS write in this
// process forgets the account's keys at once (UpdateAccessKey to Inactive, DeleteAccessKey); other
// servers on the same database see it within the TTL, like IAM's own eventual consistency.
import type { Store } from '../storage/ports.js';
import type { SecretBox } from '../domain/secrets/secret-box.js';
import type { KnownKey } from './sigv4/verify.js';
import { principalArn, type Principal } from './principal.js';

export interface ResolvedKey extends KnownKey {
  readonly principal: Principal;
}

const DEFAULT_TTL_MS = 5_000;
const MAX_CACHED = 10_000;
/** A key's last use is written at most this often (GetAccessKeyLastUsed is coarse in IAM too). */
const USE_RECORD_INTERVAL_MS = 60_000;

interface CachedKey {
  readonly key: ResolvedKey;
  readonly until: number;
}

export interface StaticRootKey {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export class CredentialResolver {
  readonly #fixed: ResolvedKey | undefined;
  readonly #keys = new Map<string, CachedKey>();
  /** Moves on every invalidation, so a read that started before one is never cached after it. */
  #generation = 0;

  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    staticRootKey?: StaticRootKey,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {
    this.#fixed = staticRootKey && {
      secretAccessKey: staticRootKey.secretAccessKey,
      active: true,
      principal: {
        accountId: staticRootKey.accountId,
        kind: 'root',
        name: '',
        arn: principalArn(staticRootKey.accountId, 'root', ''),
        accessKeyId: staticRootKey.accessKeyId,
      },
    };
  }

  /** When this process last recorded each stored key's use. */
  readonly #recordedUse = new Map<string, number>();

  /**
   * Records that a stored key signed a verified request, at most once a minute per key, so
   * GetAccessKeyLastUsed has an answer without a write per request.
   */
  async noteUse(key: ResolvedKey, service: string, region: string, at: Date): Promise<void> {
    const id = key.principal.accessKeyId;
    if (key === this.#fixed) return;
    const last = this.#recordedUse.get(id);
    if (last !== undefined && at.getTime() - last < USE_RECORD_INTERVAL_MS) return;
    if (this.#recordedUse.size >= MAX_CACHED) this.#recordedUse.clear();
    this.#recordedUse.set(id, at.getTime());
    await this.store.accessKeys.recordUse(id, { at, service, region });
  }

  /** Forgets the account's stored keys: call after any IAM or STS write in it. */
  invalidate(accountId: string): void {
    this.#generation += 1;
    for (const [id, cached] of this.#keys) if (cached.key.principal.accountId === accountId) this.#keys.delete(id);
  }

  /**
   * Sealed text -> secret. A sealed text always opens (AES-GCM) to the same secret, so remembering
   * it changes nothing but the cost.
   */
  readonly #opened = new Map<string, string>();

  private open(sealed: string): string {
    let secret = this.#opened.get(sealed);
    if (secret === undefined) {
      secret = this.secrets.open(sealed);
      if (this.#opened.size >= 10_000) this.#opened.clear();
      this.#opened.set(sealed, secret);
    }
    return secret;
  }

  readonly lookup = async (accessKeyId: string): Promise<ResolvedKey | undefined> => {
    const fixed = this.#fixed;
    if (fixed && fixed.principal.accessKeyId === accessKeyId) return fixed;
    const now = Date.now();
    const cached = this.#keys.get(accessKeyId);
    if (cached && cached.until > now) return cached.key;
    const generation = this.#generation;
    const key = await this.read(accessKeyId);
    // Unknown keys are not kept: a key created by another process works at once.
    if (key && this.ttlMs > 0 && generation === this.#generation) {
      if (this.#keys.size >= MAX_CACHED) this.#keys.clear();
      this.#keys.set(accessKeyId, { key, until: now + this.ttlMs });
    }
    return key;
  };

  private async read(accessKeyId: string): Promise<ResolvedKey | undefined> {
    const record = await this.store.accessKeys.findById(accessKeyId);
    if (!record) return undefined;
    return {
      secretAccessKey: this.open(record.sealedSecret),
      active: record.status === 'Active',
      sessionTokenSha256: record.sessionTokenSha256,
      expiresAt: record.expiresAt,
      principal: {
        accountId: record.accountId,
        kind: record.principalKind,
        name: record.principalName,
        arn: principalArn(record.accountId, record.principalKind, record.principalName),
        accessKeyId,
        // Temporary credentials (AssumeRole, GetSessionToken) carry aws:TokenIssueTime.
        ...(record.sessionTokenSha256 !== undefined ? { issuedAt: record.createdAt } : {}),
        ...(record.sessionTags ? { sessionTags: record.sessionTags } : {}),
        ...(record.sessionPolicy ? { sessionPolicy: record.sessionPolicy } : {}),
      },
    };
  }
}
