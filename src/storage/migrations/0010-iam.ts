// Migration 0010: IAM users, groups, roles, policies and attachments; session data on access keys.
//
// IAM is global, so these tables key on the account alone. Names are unique per account without
// regard to case (IAM: "you cannot create resources named both MyResource and myresource"), so
// each entity keys on `name_key`, the lower-cased name, and keeps its spelling in `name`.
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('iam_users')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('name_key', types.key, (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('permissions_boundary_arn', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('iam_users_pk', ['account_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('iam_groups')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('name_key', types.key, (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('group_id', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('iam_groups_pk', ['account_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('iam_group_members')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('group_key', types.key, (col) => col.notNull())
    .addColumn('user_key', types.key, (col) => col.notNull())
    .addPrimaryKeyConstraint('iam_group_members_pk', ['account_id', 'user_key', 'group_key'])
    .execute();

  await db.schema
    .createTable('iam_roles')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('name_key', types.key, (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role_id', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('trust_policy', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('max_session_duration', 'integer', (col) => col.notNull())
    .addColumn('permissions_boundary_arn', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('iam_roles_pk', ['account_id', 'name_key'])
    .execute();

  // Tags of users and roles (entity_kind 'user' | 'role').
  await db.schema
    .createTable('iam_tags')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('entity_kind', types.key, (col) => col.notNull())
    .addColumn('entity_key', types.key, (col) => col.notNull())
    .addColumn('tag_key', types.key, (col) => col.notNull())
    .addColumn('tag_value', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('iam_tags_pk', ['account_id', 'entity_kind', 'entity_key', 'tag_key'])
    .execute();

  // Inline policies of users, groups and roles.
  await db.schema
    .createTable('iam_inline_policies')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('entity_kind', types.key, (col) => col.notNull())
    .addColumn('entity_key', types.key, (col) => col.notNull())
    .addColumn('policy_name', types.key, (col) => col.notNull())
    .addColumn('document', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('iam_inline_policies_pk', ['account_id', 'entity_kind', 'entity_key', 'policy_name'])
    .execute();

  await db.schema
    .createTable('iam_policies')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('name_key', types.key, (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('policy_id', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('default_version_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('iam_policies_pk', ['account_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('iam_policy_versions')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('policy_key', types.key, (col) => col.notNull())
    .addColumn('version_id', types.key, (col) => col.notNull())
    .addColumn('document', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('iam_policy_versions_pk', ['account_id', 'policy_key', 'version_id'])
    .execute();

  // Managed policies attached to users, groups and roles; `policy_key` names an iam_policies row.
  await db.schema
    .createTable('iam_attachments')
    .addColumn('account_id', types.key, (col) => col.notNull())
    .addColumn('entity_kind', types.key, (col) => col.notNull())
    .addColumn('entity_key', types.key, (col) => col.notNull())
    .addColumn('policy_key', types.key, (col) => col.notNull())
    .addPrimaryKeyConstraint('iam_attachments_pk', ['account_id', 'entity_kind', 'entity_key', 'policy_key'])
    .execute();
  await db.schema.createIndex('iam_attachments_policy_idx').on('iam_attachments').columns(['account_id', 'policy_key']).execute();

  // Role sessions: the tags and the session policy given to AssumeRole.
  await db.schema.alterTable('access_keys').addColumn('session_tags_json', 'text').execute();
  await db.schema.alterTable('access_keys').addColumn('session_policy', 'text').execute();
}
