// Finds the secret and principal behind an access key id, for SigV4 verification: the configured
// root key of the default account (from the environment, never stored), then the stored keys.
import type { Store } from '../storage/ports.js';
import type { SecretBox } from '../domain/secrets/secret-box.js';
import type { KnownKey } from './sigv4/verify.js';
import { principalArn, type Principal } from './principal.js';

export interface ResolvedKey extends KnownKey {
  readonly principal: Principal;
}

export interface StaticRootKey {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export class CredentialResolver {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly staticRootKey?: StaticRootKey,
  ) {}

  /**
   * Sealed text -> secret. Opening (AES-GCM) runs on every signed request; a sealed text always
   * opens to the same secret, so remembering it changes nothing but the cost. The key's status is
   * still read from the store on every request, so deactivation takes effect at once.
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
    const fixed = this.staticRootKey;
    if (fixed && fixed.accessKeyId === accessKeyId) {
      return {
        secretAccessKey: fixed.secretAccessKey,
        active: true,
        principal: { accountId: fixed.accountId, kind: 'root', name: '', arn: principalArn(fixed.accountId, 'root', ''), accessKeyId },
      };
    }
    const record = await this.store.accessKeys.findById(accessKeyId);
    if (!record) return undefined;
    return {
      secretAccessKey: this.open(record.sealedSecret),
      active: record.status === 'Active',
      sessionToken: record.sessionToken,
      expiresAt: record.expiresAt,
      principal: {
        accountId: record.accountId,
        kind: record.principalKind,
        name: record.principalName,
        arn: principalArn(record.accountId, record.principalKind, record.principalName),
        accessKeyId,
        ...(record.principalKind === 'role-session' ? { issuedAt: record.createdAt } : {}),
        ...(record.sessionTags ? { sessionTags: record.sessionTags } : {}),
        ...(record.sessionPolicy ? { sessionPolicy: record.sessionPolicy } : {}),
      },
    };
  };
}
