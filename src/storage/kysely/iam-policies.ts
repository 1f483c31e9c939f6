// IAM policies, one SQL code path for both backends: inline policies, managed policies with their
// versions, attachments, and the read that gathers every document applying to a principal.
import type { Kysely, Selectable } from 'kysely';
import type { IamEntityKind, IamEntityRef, IamEntitySummary, IamPolicyRepository, ManagedPolicyRecord, Page, PageRequest, PolicyVersionRecord, PrincipalPolicies } from '../ports.js';
import type { Database } from '../schema.js';
import type { IamPoliciesTable } from '../iam-schema.js';
import { entityColumns, nameKey, pathStartsWith } from './iam-keys.js';
import { pageFetchSize, present, toMillis, toPage } from './rows.js';

export class KyselyIamPolicyRepository implements IamPolicyRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async putInline(accountId: string, entity: IamEntityRef, policyName: string, document: string): Promise<void> {
    await this.#db
      .insertInto('iam_inline_policies')
      .values({ ...entityColumns(accountId, entity), policy_name: policyName, document })
      .onConflict((oc) => oc.columns(['account_id', 'entity_kind', 'entity_key', 'policy_name']).doUpdateSet({ document }))
      .execute();
  }

  async getInline(accountId: string, entity: IamEntityRef, policyName: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('iam_inline_policies')
      .select('document')
      .where((eb) => eb.and({ ...entityColumns(accountId, entity), policy_name: policyName }))
      .executeTakeFirst();
    return row?.document;
  }

  async listInline(accountId: string, entity: IamEntityRef): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('iam_inline_policies')
      .select('policy_name')
      .where((eb) => eb.and(entityColumns(accountId, entity)))
      .orderBy('policy_name')
      .execute();
    return rows.map((row) => row.policy_name);
  }

  async deleteInline(accountId: string, entity: IamEntityRef, policyName: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('iam_inline_policies')
      .where((eb) => eb.and({ ...entityColumns(accountId, entity), policy_name: policyName }))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async createManaged(accountId: string, policy: ManagedPolicyRecord, document: string): Promise<void> {
    const key = nameKey(policy.name);
    await this.#db
      .insertInto('iam_policies')
      .values({
        account_id: accountId,
        name_key: key,
        name: policy.name,
        policy_id: policy.policyId,
        path: policy.path,
        description: policy.description ?? null,
        default_version_id: policy.defaultVersionId,
        created_at: toMillis(policy.createdAt),
        updated_at: toMillis(policy.updatedAt),
      })
      .execute();
    await this.#db
      .insertInto('iam_policy_versions')
      .values({ account_id: accountId, policy_key: key, version_id: policy.defaultVersionId, document, created_at: toMillis(policy.createdAt) })
      .execute();
  }

  async getManaged(accountId: string, name: string): Promise<ManagedPolicyRecord | undefined> {
    const row = await this.#db
      .selectFrom('iam_policies')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return row && toPolicy(row);
  }

  async listManaged(accountId: string, page: PageRequest, pathPrefix?: string): Promise<Page<ManagedPolicyRecord>> {
    let query = this.#db.selectFrom('iam_policies').selectAll().where('account_id', '=', accountId);
    if (pathPrefix !== undefined) query = query.where(pathStartsWith(pathPrefix));
    if (page.after !== undefined) query = query.where('name_key', '>', page.after);
    const rows = await query.orderBy('name_key').limit(pageFetchSize(page)).execute();
    return toPage(rows, page, toPolicy, (policy) => nameKey(policy.name));
  }

  async deleteManaged(accountId: string, name: string): Promise<boolean> {
    const key = nameKey(name);
    await this.#db.deleteFrom('iam_policy_versions').where('account_id', '=', accountId).where('policy_key', '=', key).execute();
    const result = await this.#db.deleteFrom('iam_policies').where('account_id', '=', accountId).where('name_key', '=', key).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async addVersion(accountId: string, policyName: string, version: PolicyVersionRecord, makeDefault: boolean): Promise<void> {
    const key = nameKey(policyName);
    await this.#db
      .insertInto('iam_policy_versions')
      .values({ account_id: accountId, policy_key: key, version_id: version.versionId, document: version.document, created_at: toMillis(version.createdAt) })
      .execute();
    const changes = makeDefault ? { default_version_id: version.versionId, updated_at: toMillis(version.createdAt) } : { updated_at: toMillis(version.createdAt) };
    await this.#db.updateTable('iam_policies').set(changes).where('account_id', '=', accountId).where('name_key', '=', key).execute();
  }

  async getVersion(accountId: string, policyName: string, versionId: string): Promise<PolicyVersionRecord | undefined> {
    const row = await this.#db
      .selectFrom('iam_policy_versions')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('policy_key', '=', nameKey(policyName))
      .where('version_id', '=', versionId)
      .executeTakeFirst();
    return row && { versionId: row.version_id, document: row.document, createdAt: new Date(row.created_at) };
  }

  async listVersions(accountId: string, policyName: string): Promise<PolicyVersionRecord[]> {
    const rows = await this.#db
      .selectFrom('iam_policy_versions')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('policy_key', '=', nameKey(policyName))
      .orderBy('created_at')
      .orderBy('version_id')
      .execute();
    return rows.map((row) => ({ versionId: row.version_id, document: row.document, createdAt: new Date(row.created_at) }));
  }

  async deleteVersion(accountId: string, policyName: string, versionId: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('iam_policy_versions')
      .where('account_id', '=', accountId)
      .where('policy_key', '=', nameKey(policyName))
      .where('version_id', '=', versionId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async setDefaultVersion(accountId: string, policyName: string, versionId: string, now: Date): Promise<void> {
    await this.#db
      .updateTable('iam_policies')
      .set({ default_version_id: versionId, updated_at: toMillis(now) })
      .where('account_id', '=', accountId)
      .where('name_key', '=', nameKey(policyName))
      .execute();
  }

  async attach(accountId: string, entity: IamEntityRef, policyName: string): Promise<boolean> {
    const result = await this.#db
      .insertInto('iam_attachments')
      .values({ ...entityColumns(accountId, entity), policy_key: nameKey(policyName) })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async detach(accountId: string, entity: IamEntityRef, policyName: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('iam_attachments')
      .where((eb) => eb.and({ ...entityColumns(accountId, entity), policy_key: nameKey(policyName) }))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listAttached(accountId: string, entity: IamEntityRef): Promise<ManagedPolicyRecord[]> {
    const { entity_kind, entity_key } = entityColumns(accountId, entity);
    const rows = await this.#db
      .selectFrom('iam_attachments as a')
      .innerJoin('iam_policies as p', (join) => join.onRef('p.account_id', '=', 'a.account_id').onRef('p.name_key', '=', 'a.policy_key'))
      .selectAll('p')
      .where('a.account_id', '=', accountId)
      .where('a.entity_kind', '=', entity_kind)
      .where('a.entity_key', '=', entity_key)
      .orderBy('p.name_key')
      .execute();
    return rows.map(toPolicy);
  }

  async countAttachments(accountId: string, policyName: string): Promise<number> {
    const row = await this.#db
      .selectFrom('iam_attachments')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('account_id', '=', accountId)
      .where('policy_key', '=', nameKey(policyName))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listAttachedEntities(accountId: string, policyName: string): Promise<IamEntitySummary[]> {
    const key = nameKey(policyName);
    const attached = (kind: IamEntityKind) =>
      this.#db
        .selectFrom('iam_attachments')
        .select('entity_key')
        .where('account_id', '=', accountId)
        .where('entity_kind', '=', kind)
        .where('policy_key', '=', key);
    const [users, groups, roles] = await Promise.all([
      this.#db.selectFrom('iam_users').select(['name', 'user_id as id']).where('account_id', '=', accountId).where('name_key', 'in', attached('user')).orderBy('name_key').execute(),
      this.#db.selectFrom('iam_groups').select(['name', 'group_id as id']).where('account_id', '=', accountId).where('name_key', 'in', attached('group')).orderBy('name_key').execute(),
      this.#db.selectFrom('iam_roles').select(['name', 'role_id as id']).where('account_id', '=', accountId).where('name_key', 'in', attached('role')).orderBy('name_key').execute(),
    ]);
    return [
      ...users.map((row) => ({ kind: 'user' as const, ...row })),
      ...groups.map((row) => ({ kind: 'group' as const, ...row })),
      ...roles.map((row) => ({ kind: 'role' as const, ...row })),
    ];
  }

  async principalPolicies(accountId: string, entity: IamEntityRef, boundaryPolicyName: string | undefined): Promise<PrincipalPolicies> {
    const key = nameKey(entity.name);
    const db = this.#db;
    // The entity itself, and for a user each of its groups.
    const holders: Array<[kind: string, key: string]> = [[entity.kind, key]];
    if (entity.kind === 'user') {
      const groups = await db.selectFrom('iam_group_members').select('group_key').where('account_id', '=', accountId).where('user_key', '=', key).execute();
      for (const group of groups) holders.push(['group', group.group_key]);
    }
    const inline = db
      .selectFrom('iam_inline_policies as i')
      .select('i.document')
      .where('i.account_id', '=', accountId)
      .where((eb) => eb.or(holders.map(([kind, holder]) => eb.and([eb('i.entity_kind', '=', kind), eb('i.entity_key', '=', holder)]))));
    const managed = db
      .selectFrom('iam_attachments as a')
      .innerJoin('iam_policies as p', (join) => join.onRef('p.account_id', '=', 'a.account_id').onRef('p.name_key', '=', 'a.policy_key'))
      .innerJoin('iam_policy_versions as v', (join) =>
        join.onRef('v.account_id', '=', 'p.account_id').onRef('v.policy_key', '=', 'p.name_key').onRef('v.version_id', '=', 'p.default_version_id'),
      )
      .select('v.document')
      .where('a.account_id', '=', accountId)
      .where((eb) => eb.or(holders.map(([kind, holder]) => eb.and([eb('a.entity_kind', '=', kind), eb('a.entity_key', '=', holder)]))));
    const rows = await inline.unionAll(managed).execute();
    const identity = rows.map((row) => row.document);
    if (boundaryPolicyName === undefined) return { identity };
    const boundary = await db
      .selectFrom('iam_policies as p')
      .innerJoin('iam_policy_versions as v', (join) =>
        join.onRef('v.account_id', '=', 'p.account_id').onRef('v.policy_key', '=', 'p.name_key').onRef('v.version_id', '=', 'p.default_version_id'),
      )
      .select('v.document')
      .where('p.account_id', '=', accountId)
      .where('p.name_key', '=', nameKey(boundaryPolicyName))
      .executeTakeFirst();
    return { identity, ...present('permissionsBoundary', boundary?.document) };
  }
}

function toPolicy(row: Selectable<IamPoliciesTable>): ManagedPolicyRecord {
  return {
    name: row.name,
    policyId: row.policy_id,
    path: row.path,
    ...present('description', row.description),
    defaultVersionId: row.default_version_id,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
