// IAM role actions: CreateRole, GetRole, DeleteRole (attach and inline policies of roles are in policies.ts).
import type { OperationTypes } from '../../../generated/iam/operations.js';
import type { IamRoleRecord, Tags } from '../../../storage/ports.js';
import { roleArn } from '../../../domain/iam/names.js';
import { encodePolicyDocument } from '../../../domain/iam/policy-text.js';
import { tagList, tagMap, type ActionHandler } from './types.js';
import { roleTarget } from './targets.js';

type Handler<N extends keyof OperationTypes> = ActionHandler<OperationTypes[N]['input'], OperationTypes[N]['output']>;

function roleOutput(accountId: string, role: IamRoleRecord, tags: Tags) {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.roleId,
    Arn: roleArn(accountId, role.path, role.name),
    CreateDate: role.createdAt,
    AssumeRolePolicyDocument: encodePolicyDocument(role.trustPolicy),
    MaxSessionDuration: role.maxSessionDuration,
    ...(role.description === undefined ? {} : { Description: role.description }),
    ...(role.permissionsBoundaryArn
      ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const, PermissionsBoundaryArn: role.permissionsBoundaryArn } }
      : {}),
    ...(Object.keys(tags).length > 0 ? { Tags: tagList(tags) } : {}),
  };
}

export const createRole: Handler<'CreateRole'> = {
  target: async (ctx, input) => ({ ...(await roleTarget(ctx, input.RoleName, input.Path ?? '/')), requestTags: tagMap(input.Tags) }),
  run: async (ctx, input) => {
    const tags = tagMap(input.Tags);
    const role = await ctx.services.roles.create(ctx, {
      name: input.RoleName,
      path: input.Path ?? '/',
      trustPolicy: input.AssumeRolePolicyDocument,
      tags,
      ...(input.Description === undefined ? {} : { description: input.Description }),
      ...(input.MaxSessionDuration === undefined ? {} : { maxSessionDuration: input.MaxSessionDuration }),
      ...(input.PermissionsBoundary === undefined ? {} : { permissionsBoundaryArn: input.PermissionsBoundary }),
    });
    return { Role: roleOutput(ctx.accountId, role, tags) };
  },
};

export const getRole: Handler<'GetRole'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    const role = await ctx.services.roles.get(ctx.accountId, input.RoleName);
    return { Role: roleOutput(ctx.accountId, role, await ctx.services.roles.tags(ctx.accountId, role)) };
  },
};

export const deleteRole: Handler<'DeleteRole'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    await ctx.services.roles.delete(ctx.accountId, input.RoleName);
    return {};
  },
};
