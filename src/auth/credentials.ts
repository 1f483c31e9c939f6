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
      secretAccessKey: this.secrets.open(record.sealedSecret),
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
