// The awsQuery services served beside Customer Profiles (issue 5): which vendored botocore model, and
// which of its operations we implement. Code is generated for exactly these.
export interface QueryServiceConfig {
  /** Folder under src/generated/ and under model/. */
  readonly name: 'iam' | 'sts';
  readonly source: string;
  readonly namespace: string;
  readonly operations: readonly string[];
}

export const QUERY_SERVICES: readonly QueryServiceConfig[] = [
  {
    name: 'iam',
    source: 'model/iam/iam-2010-05-08.json',
    namespace: 'com.amazonaws.iam#',
    operations: [
      'CreateUser', 'GetUser', 'ListUsers', 'DeleteUser', 'TagUser', 'UntagUser', 'ListUserTags',
      'CreateAccessKey', 'ListAccessKeys', 'UpdateAccessKey', 'DeleteAccessKey',
      'CreateGroup', 'DeleteGroup', 'AddUserToGroup', 'RemoveUserFromGroup', 'ListGroupsForUser',
      'PutUserPolicy', 'GetUserPolicy', 'ListUserPolicies', 'DeleteUserPolicy', 'PutGroupPolicy',
      'CreatePolicy', 'GetPolicy', 'GetPolicyVersion', 'CreatePolicyVersion', 'ListPolicies', 'DeletePolicy',
      'AttachUserPolicy', 'DetachUserPolicy', 'ListAttachedUserPolicies', 'AttachGroupPolicy',
      'CreateRole', 'GetRole', 'DeleteRole', 'AttachRolePolicy', 'PutRolePolicy', 'PutUserPermissionsBoundary',
      'DeleteRolePolicy', 'GetRolePolicy', 'ListRolePolicies', 'DetachRolePolicy', 'ListAttachedRolePolicies', 'ListRoles',
      'UpdateAssumeRolePolicy', 'TagRole', 'UntagRole', 'ListRoleTags',
      'GetGroup', 'ListGroups', 'DeleteGroupPolicy', 'GetGroupPolicy', 'ListGroupPolicies', 'DetachGroupPolicy', 'ListAttachedGroupPolicies',
      'ListPolicyVersions', 'SetDefaultPolicyVersion', 'DeletePolicyVersion', 'ListEntitiesForPolicy',
      'PutRolePermissionsBoundary', 'DeleteRolePermissionsBoundary', 'DeleteUserPermissionsBoundary', 'GetAccessKeyLastUsed',
      'SimulatePrincipalPolicy', 'SimulateCustomPolicy', 'UpdateUser', 'UpdateGroup', 'UpdateRole',
    ],
  },
  {
    name: 'sts',
    source: 'model/sts/sts-2011-06-15.json',
    namespace: 'com.amazonaws.sts#',
    operations: ['GetCallerIdentity', 'AssumeRole', 'GetSessionToken'],
  },
];
