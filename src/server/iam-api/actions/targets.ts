// The ARNs IAM actions are authorized on: the user, group, role or managed policy they name.
import { groupArn, roleArn, userArn } from '../../../domain/iam/names.js';
import { invalidInput } from '../../../domain/iam/errors.js';
import type { ActionContext, ActionTarget } from './types.js';

/** The user an action names, or the calling user when the name is omitted (IAM's default). */
export function userNameOr(ctx: ActionContext, name: string | undefined): string {
  if (name !== undefined) return name;
  if (ctx.principal.kind === 'user') return ctx.principal.name;
  throw invalidInput('UserName is required when the caller is not an IAM user.');
}

export async function userTarget(ctx: ActionContext, name: string, path?: string): Promise<ActionTarget> {
  const user = path === undefined ? await ctx.store.iam.users.get(ctx.accountId, name) : undefined;
  return { arn: userArn(ctx.accountId, path ?? user?.path ?? '/', user?.name ?? name), entity: { kind: 'user', name } };
}

export async function groupTarget(ctx: ActionContext, name: string, path?: string): Promise<ActionTarget> {
  const group = path === undefined ? await ctx.store.iam.groups.get(ctx.accountId, name) : undefined;
  return { arn: groupArn(ctx.accountId, path ?? group?.path ?? '/', group?.name ?? name) };
}

export async function roleTarget(ctx: ActionContext, name: string, path?: string): Promise<ActionTarget> {
  const role = path === undefined ? await ctx.store.iam.roles.get(ctx.accountId, name) : undefined;
  return { arn: roleArn(ctx.accountId, path ?? role?.path ?? '/', role?.name ?? name), entity: { kind: 'role', name } };
}

/** A policy ARN as given; one that does not parse is authorized as written, then not found. */
export async function policyTarget(arn: string): Promise<ActionTarget> {
  return { arn };
}
