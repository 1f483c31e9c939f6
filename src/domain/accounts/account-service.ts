// Accounts and their root credentials: the default account exists from the first start, and its
// root key comes from the environment or is generated once and stored sealed.
import type { AccessKeyRecord, AccountRecord, Store } from '../../storage/ports.js';
import { UniqueViolationError } from '../../storage/errors.js';
import type { Clock } from '../clock.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { newAccessKeyId, newAccountId, newSecretAccessKey } from './access-key-material.js';

export interface IssuedKey {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  async ensureAccount(accountId: string): Promise<AccountRecord> {
    const existing = await this.store.accounts.get(accountId);
    if (existing) return existing;
    try {
      return await this.store.accounts.create(accountId, this.clock());
    } catch (error) {
      const raced = error instanceof UniqueViolationError ? await this.store.accounts.get(accountId) : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  /** The account's root keys as stored (secrets sealed). */
  rootKeys(accountId: string): Promise<AccessKeyRecord[]> {
    return this.store.accessKeys.listForPrincipal(accountId, 'root', '');
  }

  async issueRootKey(accountId: string): Promise<IssuedKey> {
    const key: IssuedKey = { accountId, accessKeyId: newAccessKeyId(), secretAccessKey: newSecretAccessKey() };
    await this.store.accessKeys.create({
      accessKeyId: key.accessKeyId,
      accountId,
      principalKind: 'root',
      principalName: '',
      sealedSecret: this.secrets.seal(key.secretAccessKey),
      status: 'Active',
      createdAt: this.clock(),
    });
    return key;
  }

  /** Creates a new account (random id unless given) with one root key, returned once. */
  async createAccount(accountId = newAccountId()): Promise<IssuedKey> {
    if (await this.store.accounts.get(accountId)) throw new Error(`account ${accountId} already exists`);
    await this.ensureAccount(accountId);
    return this.issueRootKey(accountId);
  }

  list(): Promise<AccountRecord[]> {
    return this.store.accounts.list();
  }
}
