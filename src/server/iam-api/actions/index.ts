// The registries of IAM and STS actions: every operation of the generated awsQuery tables has a handler.
import type { OperationName as IamOperation, OperationTypes as IamTypes } from '../../../generated/iam/operations.js';
import type { OperationName as StsOperation, OperationTypes as StsTypes } from '../../../generated/sts/operations.js';
import type { ActionHandler } from './types.js';
import { createAccessKey, deleteAccessKey, getAccessKeyLastUsed, listAccessKeys, updateAccessKey } from './access-keys.js';
import { addUserToGroup, createGroup, deleteGroup, getGroup, listGroups, listGroupsForUser, removeUserFromGroup, updateGroup } from './groups.js';
import * as policies from './policies.js';
import * as roles from './roles.js';
import { simulateCustomPolicy, simulatePrincipalPolicy } from './simulation.js';
import { assumeRole, getCallerIdentity, getSessionToken } from './sts.js';
import * as users from './users.js';

export type IamActions = { readonly [N in IamOperation]: ActionHandler<IamTypes[N]['input'], IamTypes[N]['output']> };
export type StsActions = { readonly [N in StsOperation]: ActionHandler<StsTypes[N]['input'], StsTypes[N]['output']> };

export const iamActions: IamActions = {
  CreateUser: users.createUser,
  GetUser: users.getUser,
  ListUsers: users.listUsers,
  UpdateUser: users.updateUser,
  DeleteUser: users.deleteUser,
  TagUser: users.tagUser,
  UntagUser: users.untagUser,
  ListUserTags: users.listUserTags,
  PutUserPermissionsBoundary: users.putUserPermissionsBoundary,
  DeleteUserPermissionsBoundary: users.deleteUserPermissionsBoundary,
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  DeleteGroup: deleteGroup,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  ListGroupsForUser: listGroupsForUser,
  UpdateGroup: updateGroup,
  PutUserPolicy: policies.putUserPolicy,
  GetUserPolicy: policies.getUserPolicy,
  ListUserPolicies: policies.listUserPolicies,
  DeleteUserPolicy: policies.deleteUserPolicy,
  PutGroupPolicy: policies.putGroupPolicy,
  GetGroupPolicy: policies.getGroupPolicy,
  ListGroupPolicies: policies.listGroupPolicies,
  DeleteGroupPolicy: policies.deleteGroupPolicy,
  PutRolePolicy: policies.putRolePolicy,
  GetRolePolicy: policies.getRolePolicy,
  ListRolePolicies: policies.listRolePolicies,
  DeleteRolePolicy: policies.deleteRolePolicy,
  CreatePolicy: policies.createPolicy,
  GetPolicy: policies.getPolicy,
  GetPolicyVersion: policies.getPolicyVersion,
  CreatePolicyVersion: policies.createPolicyVersion,
  ListPolicyVersions: policies.listPolicyVersions,
  SetDefaultPolicyVersion: policies.setDefaultPolicyVersion,
  DeletePolicyVersion: policies.deletePolicyVersion,
  ListPolicies: policies.listPolicies,
  ListEntitiesForPolicy: policies.listEntitiesForPolicy,
  DeletePolicy: policies.deletePolicy,
  AttachUserPolicy: policies.attachUserPolicy,
  DetachUserPolicy: policies.detachUserPolicy,
  ListAttachedUserPolicies: policies.listAttachedUserPolicies,
  AttachGroupPolicy: policies.attachGroupPolicy,
  DetachGroupPolicy: policies.detachGroupPolicy,
  ListAttachedGroupPolicies: policies.listAttachedGroupPolicies,
  AttachRolePolicy: policies.attachRolePolicy,
  DetachRolePolicy: policies.detachRolePolicy,
  ListAttachedRolePolicies: policies.listAttachedRolePolicies,
  CreateRole: roles.createRole,
  GetRole: roles.getRole,
  ListRoles: roles.listRoles,
  UpdateRole: roles.updateRole,
  DeleteRole: roles.deleteRole,
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  SimulateCustomPolicy: simulateCustomPolicy,
  UpdateAssumeRolePolicy: roles.updateAssumeRolePolicy,
  TagRole: roles.tagRole,
  UntagRole: roles.untagRole,
  ListRoleTags: roles.listRoleTags,
  PutRolePermissionsBoundary: roles.putRolePermissionsBoundary,
  DeleteRolePermissionsBoundary: roles.deleteRolePermissionsBoundary,
};

export const stsActions: StsActions = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
  GetSessionToken: getSessionToken,
};
