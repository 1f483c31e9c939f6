// IAM access key actions: CreateAccessKey (the only time the secret is returned), ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed.
import type { OperationTypes } from '../../../generated/iam/operations.js';
import type { ActionHandler } from './types.js';
import { pageOfList } from './paging.js';
import { userNameOr, userTarget } from './targets.js';

type Handler<N extends keyof OperationTypes> = ActionHandler<OperationTypes[N]['input'], OperationTypes[N]['output']>;

export const createAccessKey: Handler<'CreateAccessKey'> = {
  target: (ctx, input) => userTarget(ctx, userNameOr(ctx, input.UserName)),
  run: async (ctx, input) => {
    const { record, secretAccessKey } = await ctx.services.accessKeys.create(ctx, userNameOr(ctx, input.UserName));
    return {
      AccessKey: { UserName: record.principalName, AccessKeyId: record.accessKeyId, Status: record.status, SecretAccessKey: secretAccessKey, CreateDate: record.createdAt },
    };
  },
};

export const listAccessKeys: Handler<'ListAccessKeys'> = {
  target: (ctx, input) => userTarget(ctx, userNameOr(ctx, input.UserName)),
  run: async (ctx, input) => {
    const page = pageOfList(input, await ctx.services.accessKeys.list(ctx.accountId, userNameOr(ctx, input.UserName)), (key) => key.accessKeyId);
    return {
      AccessKeyMetadata: page.items.map((key) => ({ UserName: key.principalName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: key.createdAt })),
      IsTruncated: page.isTruncated,
      ...page.marker,
    };
  },
};

export const updateAccessKey: Handler<'UpdateAccessKey'> = {
  target: (ctx, input) => userTarget(ctx, userNameOr(ctx, input.UserName)),
  run: async (ctx, input) => {
    const status = input.Status === 'Active' ? 'Active' : 'Inactive';
    await ctx.services.accessKeys.setStatus(ctx.accountId, userNameOr(ctx, input.UserName), input.AccessKeyId, status);
    return {};
  },
};

export const deleteAccessKey: Handler<'DeleteAccessKey'> = {
  target: (ctx, input) => userTarget(ctx, userNameOr(ctx, input.UserName)),
  run: async (ctx, input) => {
    await ctx.services.accessKeys.delete(ctx.accountId, userNameOr(ctx, input.UserName), input.AccessKeyId);
    return {};
  },
};

export const getAccessKeyLastUsed: Handler<'GetAccessKeyLastUsed'> = {
  // Authorized on the user who owns the key; a key not of this account's users on `*`, then not found.
  target: async (ctx, input) => {
    const owner = await ctx.services.accessKeys.ownerOf(ctx.accountId, input.AccessKeyId);
    return owner === undefined ? { arn: '*' } : userTarget(ctx, owner);
  },
  run: async (ctx, input) => {
    const key = await ctx.services.accessKeys.lastUsed(ctx.accountId, input.AccessKeyId);
    const use = key.lastUsed;
    return {
      UserName: key.principalName,
      // IAM's answer for a key never used: no date, and N/A for service and region.
      AccessKeyLastUsed: use ? { LastUsedDate: use.at, ServiceName: use.service, Region: use.region } : { ServiceName: 'N/A', Region: 'N/A' },
    };
  },
};
