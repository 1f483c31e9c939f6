// IAM role actions: create, read, list, delete, trust policy, tags, permissions boundary (attach and inline policies of roles are in policies.ts).
import type { OperationTypes } from '../../../generated/iam/operations.js';
import type { IamRoleRecord, Tags } from '../../../storage/ports.js';
import { roleArn } from '../../../domain/iam/names.js';
import { encodePolicyDocument } from '../../../domain/iam/policy-text.js';
import { tagList, tagMap, type ActionHandler } from './types.js';
import { roleTarget } from './targets.js';
import { pageOf, pageOfList } from './paging.js';

type Handler<N extends keyof OperationTypes> = ActionHandler<OperationTypes[N]['input'], OperationTypes[N]['output']>;

export function roleOutput(accountId: string, role: IamRoleRecord, tags?: Tags) {
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
    ...(tags && Object.keys(tags).length > 0 ? { Tags: tagList(tags) } : {}),
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

export const listRoles: Handler<'ListRoles'> = {
  target: async () => ({ arn: '*' }),
  run: async (ctx, input) => {
    const page = await pageOf(input, (limit, after) => ctx.services.roles.list(ctx.accountId, limit, after, input.PathPrefix));
    return { Roles: page.items.map((role) => roleOutput(ctx.accountId, role)), IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const updateAssumeRolePolicy: Handler<'UpdateAssumeRolePolicy'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    await ctx.services.roles.updateTrustPolicy(ctx.accountId, input.RoleName, input.PolicyDocument);
    return {};
  },
};

export const tagRole: Handler<'TagRole'> = {
  target: async (ctx, input) => ({ ...(await roleTarget(ctx, input.RoleName)), requestTags: tagMap(input.Tags) }),
  run: async (ctx, input) => {
    await ctx.services.roles.tag(ctx.accountId, input.RoleName, tagMap(input.Tags));
    return {};
  },
};

export const untagRole: Handler<'UntagRole'> = {
  target: async (ctx, input) => ({ ...(await roleTarget(ctx, input.RoleName)), tagKeys: input.TagKeys }),
  run: async (ctx, input) => {
    await ctx.services.roles.untag(ctx.accountId, input.RoleName, input.TagKeys);
    return {};
  },
};

export const listRoleTags: Handler<'ListRoleTags'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    const role = await ctx.services.roles.get(ctx.accountId, input.RoleName);
    const page = pageOfList(input, tagList(await ctx.services.roles.tags(ctx.accountId, role)), (tag) => tag.Key);
    return { Tags: page.items, IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const putRolePermissionsBoundary: Handler<'PutRolePermissionsBoundary'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    await ctx.services.roles.setPermissionsBoundary(ctx.accountId, input.RoleName, input.PermissionsBoundary);
    return {};
  },
};

export const deleteRolePermissionsBoundary: Handler<'DeleteRolePermissionsBoundary'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    await ctx.services.roles.setPermissionsBoundary(ctx.accountId, input.RoleName, null);
    return {};
  },
};

export const updateRole: Handler<'UpdateRole'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    await ctx.services.roles.update(ctx.accountId, input.RoleName, {
      ...(input.Description === undefined ? {} : { description: input.Description }),
      ...(input.MaxSessionDuration === undefined ? {} : { maxSessionDuration: input.MaxSessionDuration }),
    });
    return {};
  },
};
