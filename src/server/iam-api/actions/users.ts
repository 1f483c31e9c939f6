// IAM user actions: CreateUser, GetUser, ListUsers, DeleteUser, TagUser, UntagUser, ListUserTags, Put/DeleteUserPermissionsBoundary.
import type { OperationTypes } from '../../../generated/iam/operations.js';
import type { IamUserRecord, Tags } from '../../../storage/ports.js';
import { userArn } from '../../../domain/iam/names.js';
import { tagList, tagMap, type ActionHandler } from './types.js';
import { userNameOr, userTarget } from './targets.js';
import { pageOf, pageOfList } from './paging.js';

type Handler<N extends keyof OperationTypes> = ActionHandler<OperationTypes[N]['input'], OperationTypes[N]['output']>;

export function userOutput(accountId: string, user: IamUserRecord, tags?: Tags) {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.userId,
    Arn: userArn(accountId, user.path, user.name),
    CreateDate: user.createdAt,
    ...(user.permissionsBoundaryArn
      ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const, PermissionsBoundaryArn: user.permissionsBoundaryArn } }
      : {}),
    ...(tags && Object.keys(tags).length > 0 ? { Tags: tagList(tags) } : {}),
  };
}

export const createUser: Handler<'CreateUser'> = {
  target: async (ctx, input) => ({ ...(await userTarget(ctx, input.UserName, input.Path ?? '/')), requestTags: tagMap(input.Tags) }),
  run: async (ctx, input) => {
    const tags = tagMap(input.Tags);
    const user = await ctx.services.users.create(ctx, input.UserName, input.Path ?? '/', tags, input.PermissionsBoundary);
    return { User: userOutput(ctx.accountId, user, tags) };
  },
};

export const getUser: Handler<'GetUser'> = {
  target: (ctx, input) => userTarget(ctx, userNameOr(ctx, input.UserName)),
  run: async (ctx, input) => {
    const user = await ctx.services.users.get(ctx.accountId, userNameOr(ctx, input.UserName));
    return { User: userOutput(ctx.accountId, user, await ctx.services.users.tags(ctx.accountId, user.name)) };
  },
};

export const listUsers: Handler<'ListUsers'> = {
  target: async () => ({ arn: '*' }),
  run: async (ctx, input) => {
    const page = await pageOf(input, (limit, after) => ctx.services.users.list(ctx.accountId, limit, after, input.PathPrefix));
    return { Users: page.items.map((user) => userOutput(ctx.accountId, user)), IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const deleteUser: Handler<'DeleteUser'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    await ctx.services.users.delete(ctx, input.UserName);
    return {};
  },
};

export const tagUser: Handler<'TagUser'> = {
  target: async (ctx, input) => ({ ...(await userTarget(ctx, input.UserName)), requestTags: tagMap(input.Tags) }),
  run: async (ctx, input) => {
    await ctx.services.users.tag(ctx.accountId, input.UserName, tagMap(input.Tags));
    return {};
  },
};

export const untagUser: Handler<'UntagUser'> = {
  target: async (ctx, input) => ({ ...(await userTarget(ctx, input.UserName)), tagKeys: input.TagKeys }),
  run: async (ctx, input) => {
    await ctx.services.users.untag(ctx.accountId, input.UserName, input.TagKeys);
    return {};
  },
};

export const listUserTags: Handler<'ListUserTags'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    const page = pageOfList(input, tagList(await ctx.services.users.tags(ctx.accountId, input.UserName)), (tag) => tag.Key);
    return { Tags: page.items, IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const putUserPermissionsBoundary: Handler<'PutUserPermissionsBoundary'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    await ctx.services.users.setPermissionsBoundary(ctx.accountId, input.UserName, input.PermissionsBoundary);
    return {};
  },
};

export const deleteUserPermissionsBoundary: Handler<'DeleteUserPermissionsBoundary'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    await ctx.services.users.setPermissionsBoundary(ctx.accountId, input.UserName, null);
    return {};
  },
};

export const updateUser: Handler<'UpdateUser'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    await ctx.services.users.update(ctx.accountId, input.UserName, {
      ...(input.NewUserName === undefined ? {} : { newName: input.NewUserName }),
      ...(input.NewPath === undefined ? {} : { newPath: input.NewPath }),
    });
    return {};
  },
};
