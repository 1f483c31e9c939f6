// The IAM role repository, one SQL code path for both backends.
import type { Kysely, Selectable } from 'kysely';
import type { IamRoleRecord, IamRoleRepository, Page, PageRequest } from '../ports.js';
import type { Database } from '../schema.js';
import type { IamRolesTable } from '../iam-schema.js';
import { nameKey, pathStartsWith } from './iam-keys.js';
import { pageFetchSize, present, toMillis, toPage } from './rows.js';

export class KyselyIamRoleRepository implements IamRoleRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async create(accountId: string, role: IamRoleRecord): Promise<void> {
    await this.#db
      .insertInto('iam_roles')
      .values({
        account_id: accountId,
        name_key: nameKey(role.name),
        name: role.name,
        role_id: role.roleId,
        path: role.path,
        trust_policy: role.trustPolicy,
        description: role.description ?? null,
        max_session_duration: role.maxSessionDuration,
        permissions_boundary_arn: role.permissionsBoundaryArn ?? null,
        created_at: toMillis(role.createdAt),
      })
      .execute();
  }

  async get(accountId: string, name: string): Promise<IamRoleRecord | undefined> {
    const row = await this.#db
      .selectFrom('iam_roles')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return row && toRole(row);
  }

  async list(accountId: string, page: PageRequest, pathPrefix?: string): Promise<Page<IamRoleRecord>> {
    let query = this.#db.selectFrom('iam_roles').selectAll().where('account_id', '=', accountId);
    if (pathPrefix !== undefined) query = query.where(pathStartsWith(pathPrefix));
    if (page.after !== undefined) query = query.where('name_key', '>', page.after);
    const rows = await query.orderBy('name_key').limit(pageFetchSize(page)).execute();
    return toPage(rows, page, toRole, (role) => nameKey(role.name));
  }

  async setTrustPolicy(accountId: string, name: string, document: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('iam_roles')
      .set({ trust_policy: document })
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async update(accountId: string, name: string, change: { readonly description?: string; readonly maxSessionDuration?: number }): Promise<boolean> {
    const result = await this.#db
      .updateTable('iam_roles')
      .set({
        ...(change.description === undefined ? {} : { description: change.description }),
        ...(change.maxSessionDuration === undefined ? {} : { max_session_duration: change.maxSessionDuration }),
      })
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async setPermissionsBoundary(accountId: string, name: string, policyArn: string | null): Promise<boolean> {
    const result = await this.#db
      .updateTable('iam_roles')
      .set({ permissions_boundary_arn: policyArn })
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async listByBoundary(accountId: string, policyArn: string): Promise<IamRoleRecord[]> {
    const rows = await this.#db
      .selectFrom('iam_roles')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('permissions_boundary_arn', '=', policyArn)
      .orderBy('name_key')
      .execute();
    return rows.map(toRole);
  }

  async delete(accountId: string, name: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('iam_roles')
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toRole(row: Selectable<IamRolesTable>): IamRoleRecord {
  return {
    name: row.name,
    roleId: row.role_id,
    path: row.path,
    trustPolicy: row.trust_policy,
    ...present('description', row.description),
    maxSessionDuration: row.max_session_duration,
    ...present('permissionsBoundaryArn', row.permissions_boundary_arn),
    createdAt: new Date(row.created_at),
  };
}
