// IAM group actions: CreateGroup, GetGroup (with its members), ListGroups, DeleteGroup, AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser.
import type { OperationTypes } from '../../../generated/iam/operations.js';
import type { IamGroupRecord } from '../../../storage/ports.js';
import { groupArn } from '../../../domain/iam/names.js';
import type { ActionHandler } from './types.js';
import { groupTarget, userTarget } from './targets.js';
import { pageOf, pageOfList } from './paging.js';
import { userOutput } from './users.js';

type Handler<N extends keyof OperationTypes> = ActionHandler<OperationTypes[N]['input'], OperationTypes[N]['output']>;

function groupOutput(accountId: string, group: IamGroupRecord) {
  return { Path: group.path, GroupName: group.name, GroupId: group.groupId, Arn: groupArn(accountId, group.path, group.name), CreateDate: group.createdAt };
}

export const createGroup: Handler<'CreateGroup'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName, input.Path ?? '/'),
  run: async (ctx, input) => ({ Group: groupOutput(ctx.accountId, await ctx.services.groups.create(ctx, input.GroupName, input.Path ?? '/')) }),
};

export const deleteGroup: Handler<'DeleteGroup'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    await ctx.services.groups.delete(ctx.accountId, input.GroupName);
    return {};
  },
};

export const addUserToGroup: Handler<'AddUserToGroup'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    await ctx.services.groups.addUser(ctx.accountId, input.GroupName, input.UserName);
    return {};
  },
};

export const removeUserFromGroup: Handler<'RemoveUserFromGroup'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    await ctx.services.groups.removeUser(ctx.accountId, input.GroupName, input.UserName);
    return {};
  },
};

export const listGroupsForUser: Handler<'ListGroupsForUser'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    const page = pageOfList(input, await ctx.services.groups.listForUser(ctx.accountId, input.UserName), (group) => group.name.toLowerCase());
    return { Groups: page.items.map((group) => groupOutput(ctx.accountId, group)), IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const getGroup: Handler<'GetGroup'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    const group = await ctx.services.groups.get(ctx.accountId, input.GroupName);
    const page = await pageOf(input, (limit, after) => ctx.services.groups.members(ctx.accountId, group, limit, after));
    return {
      Group: groupOutput(ctx.accountId, group),
      Users: page.items.map((user) => userOutput(ctx.accountId, user)),
      IsTruncated: page.isTruncated,
      ...page.marker,
    };
  },
};

export const listGroups: Handler<'ListGroups'> = {
  target: async () => ({ arn: '*' }),
  run: async (ctx, input) => {
    const page = await pageOf(input, (limit, after) => ctx.services.groups.list(ctx.accountId, limit, after, input.PathPrefix));
    return { Groups: page.items.map((group) => groupOutput(ctx.accountId, group)), IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const updateGroup: Handler<'UpdateGroup'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    await ctx.services.groups.update(ctx.accountId, input.GroupName, {
      ...(input.NewGroupName === undefined ? {} : { newName: input.NewGroupName }),
      ...(input.NewPath === undefined ? {} : { newPath: input.NewPath }),
    });
    return {};
  },
};
