// The IAM group repository (groups and their members), one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { EntityRename, IamGroupRecord, IamGroupRepository, IamUserRecord, Page, PageRequest } from '../ports.js';
import type { Database } from '../schema.js';
import type { IamGroupsTable } from '../iam-schema.js';
import { nameKey, pathStartsWith, renameEntityRows } from './iam-keys.js';
import { toUser } from './iam-users.js';
import { pageFetchSize, toMillis, toPage } from './rows.js';

export class KyselyIamGroupRepository implements IamGroupRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(accountId: string, group: IamGroupRecord): Promise<void> {
    await this.#db
      .insertInto('iam_groups')
      .values({
        account_id: accountId,
        name_key: nameKey(group.name),
        name: group.name,
        group_id: group.groupId,
        path: group.path,
        created_at: toMillis(group.createdAt),
      })
      .execute();
  }

  async get(accountId: string, name: string): Promise<IamGroupRecord | undefined> {
    const row = await this.#db
      .selectFrom('iam_groups')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return row && toGroup(row);
  }

  async list(accountId: string, page: PageRequest, pathPrefix?: string): Promise<Page<IamGroupRecord>> {
    let query = this.#db.selectFrom('iam_groups').selectAll().where('account_id', '=', accountId);
    if (pathPrefix !== undefined) query = query.where(pathStartsWith(pathPrefix));
    if (page.after !== undefined) query = query.where('name_key', '>', page.after);
    const rows = await query.orderBy('name_key').limit(pageFetchSize(page)).execute();
    return toPage(rows, page, toGroup, (group) => nameKey(group.name));
  }

  async listMembers(accountId: string, groupName: string, page: PageRequest): Promise<Page<IamUserRecord>> {
    let query = this.#db
      .selectFrom('iam_group_members as m')
      .innerJoin('iam_users as u', (join) => join.onRef('u.account_id', '=', 'm.account_id').onRef('u.name_key', '=', 'm.user_key'))
      .selectAll('u')
      .where('m.account_id', '=', accountId)
      .where('m.group_key', '=', nameKey(groupName));
    if (page.after !== undefined) query = query.where('u.name_key', '>', page.after);
    const rows = await query.orderBy('u.name_key').limit(pageFetchSize(page)).execute();
    return toPage(rows, page, toUser, (user) => nameKey(user.name));
  }

  async delete(accountId: string, name: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('iam_groups')
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async addMember(accountId: string, groupName: string, userName: string): Promise<boolean> {
    const result = await this.#db
      .insertInto('iam_group_members')
      .values({ account_id: accountId, group_key: nameKey(groupName), user_key: nameKey(userName) })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async removeMember(accountId: string, groupName: string, userName: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('iam_group_members')
      .where('account_id', '=', accountId)
      .where('group_key', '=', nameKey(groupName))
      .where('user_key', '=', nameKey(userName))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listForUser(accountId: string, userName: string): Promise<IamGroupRecord[]> {
    const rows = await this.#db
      .selectFrom('iam_group_members as m')
      .innerJoin('iam_groups as g', (join) => join.onRef('g.account_id', '=', 'm.account_id').onRef('g.name_key', '=', 'm.group_key'))
      .selectAll('g')
      .where('m.account_id', '=', accountId)
      .where('m.user_key', '=', nameKey(userName))
      .orderBy('g.name_key')
      .execute();
    return rows.map(toGroup);
  }

  async countMembers(accountId: string, groupName: string): Promise<number> {
    const row = await this.#db
      .selectFrom('iam_group_members')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('account_id', '=', accountId)
      .where('group_key', '=', nameKey(groupName))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async rename(accountId: string, name: string, change: EntityRename): Promise<boolean> {
    const group = await this.get(accountId, name);
    if (!group) return false;
    const newName = change.newName ?? group.name;
    await this.#db
      .updateTable('iam_groups')
      .set({ name: newName, name_key: nameKey(newName), path: change.newPath ?? group.path })
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(group.name))
      .execute();
    if (newName !== group.name) {
      await renameEntityRows(this.#db, accountId, { kind: 'group', name: group.name }, newName);
      await this.#db.updateTable('iam_group_members').set({ group_key: nameKey(newName) }).where('account_id', '=', accountId).where('group_key', '=', nameKey(group.name)).execute();
    }
    return true;
  }
}

function toGroup(row: Selectable<IamGroupsTable>): IamGroupRecord {
  return { name: row.name, groupId: row.group_id, path: row.path, createdAt: new Date(row.created_at) };
}
