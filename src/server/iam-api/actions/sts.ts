// STS actions: GetCallerIdentity and GetSessionToken (always allowed, as in AWS) and AssumeRole (authorized by the role's trust policy).
import type { OperationTypes } from '../../../generated/sts/operations.js';
import { tagMap, type ActionHandler } from './types.js';

type Handler<N extends keyof OperationTypes> = ActionHandler<OperationTypes[N]['input'], OperationTypes[N]['output']>;

export const getCallerIdentity: Handler<'GetCallerIdentity'> = {
  run: async (ctx) => {
    const identity = await ctx.services.sts.callerIdentity(ctx);
    return { UserId: identity.userId, Account: identity.account, Arn: identity.arn };
  },
};

export const assumeRole: Handler<'AssumeRole'> = {
  run: async (ctx, input) => {
    const session = await ctx.services.sts.assumeRole(ctx, ctx.origin, {
      roleArn: input.RoleArn,
      sessionName: input.RoleSessionName,
      tags: tagMap(input.Tags),
      ...(input.DurationSeconds === undefined ? {} : { durationSeconds: input.DurationSeconds }),
      ...(input.Policy === undefined ? {} : { policy: input.Policy }),
    });
    return {
      Credentials: { AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken, Expiration: session.expiration },
      AssumedRoleUser: { AssumedRoleId: session.assumedRoleId, Arn: session.arn },
    };
  },
};

export const getSessionToken: Handler<'GetSessionToken'> = {
  run: async (ctx, input) => {
    const issued = await ctx.services.sts.sessionToken(ctx, input.DurationSeconds);
    return {
      Credentials: { AccessKeyId: issued.accessKeyId, SecretAccessKey: issued.secretAccessKey, SessionToken: issued.sessionToken, Expiration: issued.expiration },
    };
  },
};
