// The IAM user repository, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { EntityRename, IamUserRecord, IamUserRepository, Page, PageRequest } from '../ports.js';
import type { Database } from '../schema.js';
import type { IamUsersTable } from '../iam-schema.js';
import { nameKey, pathStartsWith, renameEntityRows } from './iam-keys.js';
import { pageFetchSize, present, toMillis, toPage } from './rows.js';

export class KyselyIamUserRepository implements IamUserRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(accountId: string, user: IamUserRecord): Promise<void> {
    await this.#db
      .insertInto('iam_users')
      .values({
        account_id: accountId,
        name_key: nameKey(user.name),
        name: user.name,
        user_id: user.userId,
        path: user.path,
        permissions_boundary_arn: user.permissionsBoundaryArn ?? null,
        created_at: toMillis(user.createdAt),
      })
      .execute();
  }

  async get(accountId: string, name: string): Promise<IamUserRecord | undefined> {
    const row = await this.#db
      .selectFrom('iam_users')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return row && toUser(row);
  }

  async list(accountId: string, page: PageRequest, pathPrefix?: string): Promise<Page<IamUserRecord>> {
    let query = this.#db.selectFrom('iam_users').selectAll().where('account_id', '=', accountId);
    if (pathPrefix !== undefined) query = query.where(pathStartsWith(pathPrefix));
    if (page.after !== undefined) query = query.where('name_key', '>', page.after);
    const rows = await query.orderBy('name_key').limit(pageFetchSize(page)).execute();
    return toPage(rows, page, toUser, (user) => nameKey(user.name));
  }

  async delete(accountId: string, name: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('iam_users')
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async rename(accountId: string, name: string, change: EntityRename): Promise<boolean> {
    const user = await this.get(accountId, name);
    if (!user) return false;
    const newName = change.newName ?? user.name;
    await this.#db
      .updateTable('iam_users')
      .set({ name: newName, name_key: nameKey(newName), path: change.newPath ?? user.path })
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(user.name))
      .execute();
    if (newName !== user.name) {
      await renameEntityRows(this.#db, accountId, { kind: 'user', name: user.name }, newName);
      await this.#db.updateTable('iam_group_members').set({ user_key: nameKey(newName) }).where('account_id', '=', accountId).where('user_key', '=', nameKey(user.name)).execute();
      await this.#db
        .updateTable('access_keys')
        .set({ principal_name: newName })
        .where('account_id', '=', accountId)
        .where('principal_kind', '=', 'user')
        .where('principal_name', '=', user.name)
        .execute();
    }
    return true;
  }

  async setPermissionsBoundary(accountId: string, name: string, policyArn: string | null): Promise<boolean> {
    const result = await this.#db
      .updateTable('iam_users')
      .set({ permissions_boundary_arn: policyArn })
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async listByBoundary(accountId: string, policyArn: string): Promise<IamUserRecord[]> {
    const rows = await this.#db
      .selectFrom('iam_users')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('permissions_boundary_arn', '=', policyArn)
      .orderBy('name_key')
      .execute();
    return rows.map(toUser);
  }
}

export function toUser(row: Selectable<IamUsersTable>): IamUserRecord {
  return {
    name: row.name,
    userId: row.user_id,
    path: row.path,
    ...present('permissionsBoundaryArn', row.permissions_boundary_arn),
    createdAt: new Date(row.created_at),
  };
}
