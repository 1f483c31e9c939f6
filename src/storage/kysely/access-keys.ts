// The access-key repository, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { AccessKeyRecord, AccessKeyRepository, AccessKeyUse, PrincipalKind, Tags } from '../ports.js';
import type { AccessKeysTable, Database } from '../schema.js';
import { present, toMillis } from './rows.js';

export class KyselyAccessKeyRepository implements AccessKeyRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(key: AccessKeyRecord): Promise<void> {
    await this.#db
      .insertInto('access_keys')
      .values({
        access_key_id: key.accessKeyId,
        account_id: key.accountId,
        principal_kind: key.principalKind,
        principal_name: key.principalName,
        sealed_secret: key.sealedSecret,
        status: key.status,
        session_token_sha256: key.sessionTokenSha256 ?? null,
        expires_at: key.expiresAt === undefined ? null : toMillis(key.expiresAt),
        session_tags_json: key.sessionTags === undefined ? null : JSON.stringify(key.sessionTags),
        session_policy: key.sessionPolicy ?? null,
        created_at: toMillis(key.createdAt),
      })
      .execute();
  }

  async findById(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    const row = await this.#db
      .selectFrom('access_keys')
      .selectAll()
      .where('access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async listForPrincipal(accountId: string, principalKind: PrincipalKind, principalName: string): Promise<AccessKeyRecord[]> {
    const rows = await this.#db
      .selectFrom('access_keys')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('principal_kind', '=', principalKind)
      .where('principal_name', '=', principalName)
      .orderBy('created_at')
      .orderBy('access_key_id')
      .execute();
    return rows.map(toRecord);
  }

  async setStatus(accountId: string, accessKeyId: string, status: AccessKeyRecord['status']): Promise<boolean> {
    const result = await this.#db
      .updateTable('access_keys')
      .set({ status })
      .where('account_id', '=', accountId)
      .where('access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async deleteExpired(accountId: string, now: Date): Promise<number> {
    const result = await this.#db
      .deleteFrom('access_keys')
      .where('account_id', '=', accountId)
      .where('expires_at', 'is not', null)
      .where('expires_at', '<', toMillis(now))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async anySealedSecret(): Promise<string | undefined> {
    const row = await this.#db.selectFrom('access_keys').select('sealed_secret').limit(1).executeTakeFirst();
    return row?.sealed_secret;
  }

  async recordUse(accessKeyId: string, use: AccessKeyUse): Promise<void> {
    await this.#db
      .updateTable('access_keys')
      .set({ last_used_at: toMillis(use.at), last_used_service: use.service, last_used_region: use.region })
      .where('access_key_id', '=', accessKeyId)
      .execute();
  }

  async delete(accountId: string, accessKeyId: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('access_keys')
      .where('account_id', '=', accountId)
      .where('access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toRecord(row: Selectable<AccessKeysTable>): AccessKeyRecord {
  return {
    accessKeyId: row.access_key_id,
    accountId: row.account_id,
    // Written only from the typed record above, so the text is one of the union's members.
    principalKind: row.principal_kind as PrincipalKind,
    principalName: row.principal_name,
    sealedSecret: row.sealed_secret,
    status: row.status as AccessKeyRecord['status'],
    ...present('sessionTokenSha256', row.session_token_sha256),
    ...present('expiresAt', row.expires_at === null ? null : new Date(row.expires_at)),
    ...present('sessionTags', row.session_tags_json === null ? null : (JSON.parse(row.session_tags_json) as Tags)),
    ...present('sessionPolicy', row.session_policy),
    createdAt: new Date(row.created_at),
    ...(row.last_used_at === null
      ? {}
      : { lastUsed: { at: new Date(row.last_used_at), service: row.last_used_service ?? '', region: row.last_used_region ?? '' } }),
  };
}
