// IAM policy actions: inline policies of users, groups and roles; managed policies, their versions and attachments.
import type { OperationTypes } from '../../../generated/iam/operations.js';
import type { IamEntityKind, IamEntitySummary, ManagedPolicyRecord, PolicyVersionRecord } from '../../../storage/ports.js';
import { policyArn } from '../../../domain/iam/names.js';
import { encodePolicyDocument } from '../../../domain/iam/policy-text.js';
import type { ActionHandler } from './types.js';
import { groupTarget, policyTarget, roleTarget, userTarget } from './targets.js';
import { pageOf, pageOfList, pathOfArn } from './paging.js';

type Handler<N extends keyof OperationTypes> = ActionHandler<OperationTypes[N]['input'], OperationTypes[N]['output']>;

const user = (name: string) => ({ kind: 'user', name }) as const;
const group = (name: string) => ({ kind: 'group', name }) as const;
const role = (name: string) => ({ kind: 'role', name }) as const;

function policyOutput(accountId: string, policy: ManagedPolicyRecord, attachmentCount?: number, boundaryCount?: number) {
  return {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policyArn(accountId, policy.path, policy.name),
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    ...(attachmentCount === undefined ? {} : { AttachmentCount: attachmentCount }),
    PermissionsBoundaryUsageCount: boundaryCount ?? 0,
    IsAttachable: true,
    ...(policy.description === undefined ? {} : { Description: policy.description }),
    CreateDate: policy.createdAt,
    UpdateDate: policy.updatedAt,
  };
}

const nameKey = (name: string) => name.toLowerCase();

/** ListAttached*Policies: PathPrefix on the policy's path, then Marker/MaxItems. */
function attachedPolicies(input: { PathPrefix?: string; Marker?: string; MaxItems?: number }, attached: ReadonlyArray<{ name: string; arn: string }>) {
  const prefix = input.PathPrefix;
  const matching = prefix === undefined ? attached : attached.filter((p) => pathOfArn(p.arn).startsWith(prefix));
  const page = pageOfList(input, matching, (p) => nameKey(p.name));
  return { AttachedPolicies: page.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), IsTruncated: page.isTruncated, ...page.marker };
}

function versionOutput(version: PolicyVersionRecord, defaultVersionId: string) {
  return { Document: encodePolicyDocument(version.document), VersionId: version.versionId, IsDefaultVersion: version.versionId === defaultVersionId, CreateDate: version.createdAt };
}

export const putUserPolicy: Handler<'PutUserPolicy'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    await ctx.services.policies.putInline(ctx.accountId, user(input.UserName), input.PolicyName, input.PolicyDocument);
    return {};
  },
};

export const getUserPolicy: Handler<'GetUserPolicy'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    const document = await ctx.services.policies.getInline(ctx.accountId, user(input.UserName), input.PolicyName);
    return { UserName: input.UserName, PolicyName: input.PolicyName, PolicyDocument: encodePolicyDocument(document) };
  },
};

export const listUserPolicies: Handler<'ListUserPolicies'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    const page = pageOfList(input, await ctx.services.policies.listInline(ctx.accountId, user(input.UserName)), nameKey);
    return { PolicyNames: page.items, IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const deleteUserPolicy: Handler<'DeleteUserPolicy'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    await ctx.services.policies.deleteInline(ctx.accountId, user(input.UserName), input.PolicyName);
    return {};
  },
};

export const putGroupPolicy: Handler<'PutGroupPolicy'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    await ctx.services.policies.putInline(ctx.accountId, group(input.GroupName), input.PolicyName, input.PolicyDocument);
    return {};
  },
};

export const getGroupPolicy: Handler<'GetGroupPolicy'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    const document = await ctx.services.policies.getInline(ctx.accountId, group(input.GroupName), input.PolicyName);
    return { GroupName: input.GroupName, PolicyName: input.PolicyName, PolicyDocument: encodePolicyDocument(document) };
  },
};

export const listGroupPolicies: Handler<'ListGroupPolicies'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    const page = pageOfList(input, await ctx.services.policies.listInline(ctx.accountId, group(input.GroupName)), nameKey);
    return { PolicyNames: page.items, IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const deleteGroupPolicy: Handler<'DeleteGroupPolicy'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    await ctx.services.policies.deleteInline(ctx.accountId, group(input.GroupName), input.PolicyName);
    return {};
  },
};

export const putRolePolicy: Handler<'PutRolePolicy'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    await ctx.services.policies.putInline(ctx.accountId, role(input.RoleName), input.PolicyName, input.PolicyDocument);
    return {};
  },
};

export const getRolePolicy: Handler<'GetRolePolicy'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    const document = await ctx.services.policies.getInline(ctx.accountId, role(input.RoleName), input.PolicyName);
    return { RoleName: input.RoleName, PolicyName: input.PolicyName, PolicyDocument: encodePolicyDocument(document) };
  },
};

export const listRolePolicies: Handler<'ListRolePolicies'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    const page = pageOfList(input, await ctx.services.policies.listInline(ctx.accountId, role(input.RoleName)), nameKey);
    return { PolicyNames: page.items, IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const deleteRolePolicy: Handler<'DeleteRolePolicy'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    await ctx.services.policies.deleteInline(ctx.accountId, role(input.RoleName), input.PolicyName);
    return {};
  },
};

export const createPolicy: Handler<'CreatePolicy'> = {
  target: async (ctx, input) => policyTarget(policyArn(ctx.accountId, input.Path ?? '/', input.PolicyName)),
  run: async (ctx, input) => {
    const policy = await ctx.services.policies.create(ctx, input.PolicyName, input.Path ?? '/', input.PolicyDocument, input.Description);
    return { Policy: policyOutput(ctx.accountId, policy, 0) };
  },
};

export const getPolicy: Handler<'GetPolicy'> = {
  target: (_ctx, input) => policyTarget(input.PolicyArn),
  run: async (ctx, input) => {
    const policy = await ctx.services.policies.get(ctx.accountId, input.PolicyArn);
    const { attached, bounded } = await ctx.services.policies.entities(ctx.accountId, input.PolicyArn);
    return { Policy: policyOutput(ctx.accountId, policy, attached.length, bounded.length) };
  },
};

export const getPolicyVersion: Handler<'GetPolicyVersion'> = {
  target: (_ctx, input) => policyTarget(input.PolicyArn),
  run: async (ctx, input) => {
    const policy = await ctx.services.policies.get(ctx.accountId, input.PolicyArn);
    const version = await ctx.services.policies.getVersion(ctx.accountId, input.PolicyArn, input.VersionId);
    return { PolicyVersion: versionOutput(version, policy.defaultVersionId) };
  },
};

export const createPolicyVersion: Handler<'CreatePolicyVersion'> = {
  target: (_ctx, input) => policyTarget(input.PolicyArn),
  run: async (ctx, input) => {
    const version = await ctx.services.policies.createVersion(ctx, input.PolicyArn, input.PolicyDocument, input.SetAsDefault === true);
    return { PolicyVersion: { ...versionOutput(version, input.SetAsDefault ? version.versionId : ''), Document: undefined } };
  },
};

export const listPolicies: Handler<'ListPolicies'> = {
  target: async () => ({ arn: '*' }),
  run: async (ctx, input) => {
    // Only customer managed policies exist here: Scope=AWS lists nothing.
    if (input.Scope === 'AWS') return { Policies: [], IsTruncated: false };
    const page = await pageOf(input, (limit, after) => ctx.services.policies.list(ctx.accountId, limit, after, input.PathPrefix));
    return { Policies: page.items.map((policy) => policyOutput(ctx.accountId, policy)), IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const listPolicyVersions: Handler<'ListPolicyVersions'> = {
  target: (_ctx, input) => policyTarget(input.PolicyArn),
  run: async (ctx, input) => {
    const { policy, versions } = await ctx.services.policies.listVersions(ctx.accountId, input.PolicyArn);
    // As in IAM, the listing carries no documents (GetPolicyVersion does).
    // Versions in creation order: v2 before v10.
    const page = pageOfList(input, versions, (version) => version.versionId.slice(1).padStart(10, '0'));
    return { Versions: page.items.map((version) => ({ ...versionOutput(version, policy.defaultVersionId), Document: undefined })), IsTruncated: page.isTruncated, ...page.marker };
  },
};

export const setDefaultPolicyVersion: Handler<'SetDefaultPolicyVersion'> = {
  target: (_ctx, input) => policyTarget(input.PolicyArn),
  run: async (ctx, input) => {
    await ctx.services.policies.setDefaultVersion(ctx, input.PolicyArn, input.VersionId);
    return {};
  },
};

export const deletePolicyVersion: Handler<'DeletePolicyVersion'> = {
  target: (_ctx, input) => policyTarget(input.PolicyArn),
  run: async (ctx, input) => {
    await ctx.services.policies.deleteVersion(ctx.accountId, input.PolicyArn, input.VersionId);
    return {};
  },
};

/** The entities whose path starts with the prefix (each entity read for its path: a policy has few). */
async function withPathPrefix(ctx: Parameters<Handler<'ListEntitiesForPolicy'>['run']>[0], entities: readonly IamEntitySummary[], prefix: string): Promise<IamEntitySummary[]> {
  const kept: IamEntitySummary[] = [];
  for (const entity of entities) {
    const { path } = await (entity.kind === 'user' ? ctx.services.users : entity.kind === 'group' ? ctx.services.groups : ctx.services.roles).get(ctx.accountId, entity.name);
    if (path.startsWith(prefix)) kept.push(entity);
  }
  return kept;
}

const ENTITY_ORDER: Readonly<Record<IamEntityKind, number>> = { user: 0, group: 1, role: 2 };

export const listEntitiesForPolicy: Handler<'ListEntitiesForPolicy'> = {
  target: (_ctx, input) => policyTarget(input.PolicyArn),
  run: async (ctx, input) => {
    const { attached, bounded } = await ctx.services.policies.entities(ctx.accountId, input.PolicyArn);
    const usage = input.PolicyUsageFilter;
    const used = [...(usage === 'PermissionsBoundary' ? [] : attached), ...(usage === 'PermissionsPolicy' ? [] : bounded)];
    // An entity the policy both is attached to and bounds is named once.
    const entities = [...new Map(used.map((entity) => [`${entity.kind}/${entity.name}`, entity])).values()];
    const filter = input.EntityFilter?.toLowerCase();
    const ofKind = entities.filter((entity) => filter === undefined || filter === entity.kind);
    const prefix = input.PathPrefix;
    const wanted = prefix === undefined ? ofKind : await withPathPrefix(ctx, ofKind, prefix);
    // One listing over users, then groups, then roles, each by name: a page may end inside any of them.
    const page = pageOfList(input, wanted, (entity) => `${ENTITY_ORDER[entity.kind]}/${nameKey(entity.name)}`);
    const of = (kind: IamEntityKind) => page.items.filter((entity) => entity.kind === kind);
    return {
      PolicyUsers: of('user').map((entity) => ({ UserName: entity.name, UserId: entity.id })),
      PolicyGroups: of('group').map((entity) => ({ GroupName: entity.name, GroupId: entity.id })),
      PolicyRoles: of('role').map((entity) => ({ RoleName: entity.name, RoleId: entity.id })),
      IsTruncated: page.isTruncated,
      ...page.marker,
    };
  },
};

export const deletePolicy: Handler<'DeletePolicy'> = {
  target: (_ctx, input) => policyTarget(input.PolicyArn),
  run: async (ctx, input) => {
    await ctx.services.policies.delete(ctx.accountId, input.PolicyArn);
    return {};
  },
};

export const attachUserPolicy: Handler<'AttachUserPolicy'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    await ctx.services.policies.attach(ctx.accountId, user(input.UserName), input.PolicyArn);
    return {};
  },
};

export const detachUserPolicy: Handler<'DetachUserPolicy'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    await ctx.services.policies.detach(ctx.accountId, user(input.UserName), input.PolicyArn);
    return {};
  },
};

export const listAttachedUserPolicies: Handler<'ListAttachedUserPolicies'> = {
  target: (ctx, input) => userTarget(ctx, input.UserName),
  run: async (ctx, input) => {
    return attachedPolicies(input, await ctx.services.policies.listAttached(ctx.accountId, user(input.UserName)));
  },
};

export const attachGroupPolicy: Handler<'AttachGroupPolicy'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    await ctx.services.policies.attach(ctx.accountId, group(input.GroupName), input.PolicyArn);
    return {};
  },
};

export const detachGroupPolicy: Handler<'DetachGroupPolicy'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    await ctx.services.policies.detach(ctx.accountId, group(input.GroupName), input.PolicyArn);
    return {};
  },
};

export const listAttachedGroupPolicies: Handler<'ListAttachedGroupPolicies'> = {
  target: (ctx, input) => groupTarget(ctx, input.GroupName),
  run: async (ctx, input) => {
    return attachedPolicies(input, await ctx.services.policies.listAttached(ctx.accountId, group(input.GroupName)));
  },
};

export const attachRolePolicy: Handler<'AttachRolePolicy'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    await ctx.services.policies.attach(ctx.accountId, role(input.RoleName), input.PolicyArn);
    return {};
  },
};

export const detachRolePolicy: Handler<'DetachRolePolicy'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    await ctx.services.policies.detach(ctx.accountId, role(input.RoleName), input.PolicyArn);
    return {};
  },
};

export const listAttachedRolePolicies: Handler<'ListAttachedRolePolicies'> = {
  target: (ctx, input) => roleTarget(ctx, input.RoleName),
  run: async (ctx, input) => {
    return attachedPolicies(input, await ctx.services.policies.listAttached(ctx.accountId, role(input.RoleName)));
  },
};
