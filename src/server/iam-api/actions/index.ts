// The registries of IAM and STS actions: every operation of the generated awsQuery tables has a handler.
import type { OperationName as IamOperation, OperationTypes as IamTypes } from '../../../generated/iam/operations.js';
import type { OperationName as StsOperation, OperationTypes as StsTypes } from '../../../generated/sts/operations.js';
import type { ActionHandler } from './types.js';
import { createAccessKey, deleteAccessKey, listAccessKeys, updateAccessKey } from './access-keys.js';
import { addUserToGroup, createGroup, deleteGroup, listGroupsForUser, removeUserFromGroup } from './groups.js';
import * as policies from './policies.js';
import { createRole, deleteRole, getRole } from './roles.js';
import { assumeRole, getCallerIdentity } from './sts.js';
import { createUser, deleteUser, getUser, listUserTags, listUsers, putUserPermissionsBoundary, tagUser, untagUser } from './users.js';

export type IamActions = { readonly [N in IamOperation]: ActionHandler<IamTypes[N]['input'], IamTypes[N]['output']> };
export type StsActions = { readonly [N in StsOperation]: ActionHandler<StsTypes[N]['input'], StsTypes[N]['output']> };

export const iamActions: IamActions = {
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  DeleteUser: deleteUser,
  TagUser: tagUser,
  UntagUser: untagUser,
  ListUserTags: listUserTags,
  PutUserPermissionsBoundary: putUserPermissionsBoundary,
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  CreateGroup: createGroup,
  DeleteGroup: deleteGroup,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  ListGroupsForUser: listGroupsForUser,
  PutUserPolicy: policies.putUserPolicy,
  GetUserPolicy: policies.getUserPolicy,
  ListUserPolicies: policies.listUserPolicies,
  DeleteUserPolicy: policies.deleteUserPolicy,
  PutGroupPolicy: policies.putGroupPolicy,
  PutRolePolicy: policies.putRolePolicy,
  CreatePolicy: policies.createPolicy,
  GetPolicy: policies.getPolicy,
  GetPolicyVersion: policies.getPolicyVersion,
  CreatePolicyVersion: policies.createPolicyVersion,
  ListPolicies: policies.listPolicies,
  DeletePolicy: policies.deletePolicy,
  AttachUserPolicy: policies.attachUserPolicy,
  DetachUserPolicy: policies.detachUserPolicy,
  ListAttachedUserPolicies: policies.listAttachedUserPolicies,
  AttachGroupPolicy: policies.attachGroupPolicy,
  AttachRolePolicy: policies.attachRolePolicy,
  CreateRole: createRole,
  GetRole: getRole,
  DeleteRole: deleteRole,
};

export const stsActions: StsActions = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
};
