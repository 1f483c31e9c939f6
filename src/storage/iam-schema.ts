// The Kysely table types of the IAM tables (migration 0010): keyed by account and lower-cased name.

export interface IamUsersTable {
  account_id: string;
  name_key: string;
  name: string;
  user_id: string;
  path: string;
  permissions_boundary_arn: string | null;
  created_at: number;
}

export interface IamGroupsTable {
  account_id: string;
  name_key: string;
  name: string;
  group_id: string;
  path: string;
  created_at: number;
}

export interface IamGroupMembersTable {
  account_id: string;
  group_key: string;
  user_key: string;
}

export interface IamRolesTable {
  account_id: string;
  name_key: string;
  name: string;
  role_id: string;
  path: string;
  trust_policy: string;
  description: string | null;
  max_session_duration: number;
  permissions_boundary_arn: string | null;
  created_at: number;
}

export interface IamTagsTable {
  account_id: string;
  entity_kind: string;
  entity_key: string;
  tag_key: string;
  tag_value: string;
}

export interface IamInlinePoliciesTable {
  account_id: string;
  entity_kind: string;
  entity_key: string;
  policy_name: string;
  document: string;
}

export interface IamPoliciesTable {
  account_id: string;
  name_key: string;
  name: string;
  policy_id: string;
  path: string;
  description: string | null;
  default_version_id: string;
  created_at: number;
  updated_at: number;
}

export interface IamPolicyVersionsTable {
  account_id: string;
  policy_key: string;
  version_id: string;
  document: string;
  created_at: number;
}

export interface IamAttachmentsTable {
  account_id: string;
  entity_kind: string;
  entity_key: string;
  policy_key: string;
}

export interface IamTables {
  iam_users: IamUsersTable;
  iam_groups: IamGroupsTable;
  iam_group_members: IamGroupMembersTable;
  iam_roles: IamRolesTable;
  iam_tags: IamTagsTable;
  iam_inline_policies: IamInlinePoliciesTable;
  iam_policies: IamPoliciesTable;
  iam_policy_versions: IamPolicyVersionsTable;
  iam_attachments: IamAttachmentsTable;
}
