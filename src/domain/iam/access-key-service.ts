// Access keys of IAM users: at most two per user; the secret is sealed at rest and returned only by CreateAccessKey.
import type { AccessKeyRecord, Store } from '../../storage/ports.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { newAccessKeyId, newSecretAccessKey } from '../accounts/access-key-material.js';
import { limitExceeded, noSuchAccessKey } from './errors.js';
import type { IamContext } from './iam-context.js';
import type { UserService } from './user-service.js';

const MAX_KEYS_PER_USER = 2;

export interface CreatedKey {
  readonly record: AccessKeyRecord;
  readonly secretAccessKey: string;
}

export class AccessKeyService {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly users: UserService,
  ) {}

  async create(ctx: IamContext, userName: string): Promise<CreatedKey> {
    const user = await this.users.get(ctx.accountId, userName);
    const existing = await this.list(ctx.accountId, user.name);
    if (existing.length >= MAX_KEYS_PER_USER) throw limitExceeded('AccessKeysPerUser', MAX_KEYS_PER_USER);
    const secretAccessKey = newSecretAccessKey();
    const record: AccessKeyRecord = {
      accessKeyId: newAccessKeyId(),
      accountId: ctx.accountId,
      principalKind: 'user',
      principalName: user.name,
      sealedSecret: this.secrets.seal(secretAccessKey),
      status: 'Active',
      createdAt: ctx.now,
    };
    await this.store.accessKeys.create(record);
    return { record, secretAccessKey };
  }

  async list(accountId: string, userName: string): Promise<AccessKeyRecord[]> {
    const user = await this.users.get(accountId, userName);
    const keys = await this.store.accessKeys.listForPrincipal(accountId, 'user', user.name);
    // A user's temporary keys (GetSessionToken) are not its access keys.
    return keys.filter((key) => key.sessionTokenSha256 === undefined);
  }

  /** The user a long-term key of the account belongs to, if any. */
  async ownerOf(accountId: string, accessKeyId: string): Promise<string | undefined> {
    const key = await this.store.accessKeys.findById(accessKeyId);
    return key && key.accountId === accountId && key.principalKind === 'user' && key.sessionTokenSha256 === undefined ? key.principalName : undefined;
  }

  async lastUsed(accountId: string, accessKeyId: string): Promise<AccessKeyRecord> {
    const key = await this.store.accessKeys.findById(accessKeyId);
    if (!key || key.accountId !== accountId || key.principalKind !== 'user' || key.sessionTokenSha256 !== undefined) throw noSuchAccessKey(accessKeyId);
    return key;
  }

  async setStatus(accountId: string, userName: string, accessKeyId: string, status: AccessKeyRecord['status']): Promise<void> {
    await this.owned(accountId, userName, accessKeyId);
    await this.store.accessKeys.setStatus(accountId, accessKeyId, status);
  }

  async delete(accountId: string, userName: string, accessKeyId: string): Promise<void> {
    await this.owned(accountId, userName, accessKeyId);
    await this.store.accessKeys.delete(accountId, accessKeyId);
  }

  private async owned(accountId: string, userName: string, accessKeyId: string): Promise<void> {
    const user = await this.users.get(accountId, userName);
    const key = await this.store.accessKeys.findById(accessKeyId);
    if (!key || key.accountId !== accountId || key.principalKind !== 'user' || key.principalName !== user.name || key.sessionTokenSha256 !== undefined) {
      throw noSuchAccessKey(accessKeyId);
    }
  }
}
