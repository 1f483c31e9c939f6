// The IAM evaluation cases (test/fixtures/iam-evaluation-cases.json) made real: for one case, the
// principal it describes (user alice with its policies, tags and boundary, or a session of role Ops,
// or the account root), the real Customer Profiles request as that principal, and what the policy
// simulator must be asked to answer for the same request.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  DeleteProfileObjectTypeCommand,
  GetDomainCommand,
  GetIntegrationCommand,
  GetProfileObjectTypeCommand,
  ListDomainsCommand,
  PutProfileObjectTypeCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type CustomerProfilesClient,
} from '@aws-sdk/client-customer-profiles';
import { resourceArnsOf } from '../../src/auth/profile-authorizer.js';
import type { OperationName } from '../../src/generated/operations.js';
import type { RunningServer, Credentials } from './server.js';
import { stsClient } from './iam.js';

/** The account the test server's root belongs to; the fixture's 111122223333 is rewritten to it. */
export const ACCOUNT = '000000000000';
const FIXTURE_ACCOUNT = '111122223333';

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
export type ContextValue = string | string[];

export interface EvaluationCase {
  readonly id: string;
  readonly request: { principal: string; action: string; resources: string[]; context: Record<string, ContextValue> };
  readonly identityPolicies: unknown[];
  readonly permissionsBoundary?: unknown[];
  readonly expected: Decision;
}

/** Cases whose real request differs from the case as written, and why; every other case must match it exactly. */
export const NOT_EXPRESSIBLE: Readonly<Record<string, string>> = {
  R05: 'GetIntegration is authorized on the domain as well as on the integration, and the policy allows only the integration',
  T02: 'aws:SourceIp: requests here come from the loopback address, not from 2001:db8:1::5',
  T11: 'aws:CurrentTime: the request cannot be made at exactly 2026-06-01T12:00:00Z',
  T12: 'aws:MultiFactorAuthAge: no sign-in here carries MFA',
  P01: 'the account root is not a policy source: IAM accepts only users, groups and roles as PolicySourceArn',
};

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, 'package.json')) && (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'openprofiles')) {
    if (dirname(dir) === dir) throw new Error('no openprofiles package.json above this module');
    dir = dirname(dir);
  }
  return dir;
}

/** The fixture's cases, with their account rewritten to the test server's. */
export function loadCases(): EvaluationCase[] {
  const text = readFileSync(resolve(repoRoot(), 'test', 'fixtures', 'iam-evaluation-cases.json'), 'utf8');
  return (JSON.parse(text.replaceAll(FIXTURE_ACCOUNT, ACCOUNT)) as { cases: EvaluationCase[] }).cases;
}

/** Any ExplicitDeny wins; Allow only when every resource is allowed (spec §8). */
export function combine(decisions: readonly string[]): Decision {
  if (decisions.some((d) => d === 'explicitDeny' || d === 'ExplicitDeny')) return 'ExplicitDeny';
  return decisions.length > 0 && decisions.every((d) => d === 'allowed' || d === 'Allow') ? 'Allow' : 'ImplicitDeny';
}

const REQUEST_KEYS = /^aws:(RequestTag\/|TagKeys$|ResourceTag\/)/i;

/** The case's keys a request carries (tags it sends, tags its resource has): the rest the server knows itself. */
export function requestContextOf(c: EvaluationCase): Record<string, ContextValue> {
  return Object.fromEntries(Object.entries(c.request.context).filter(([key]) => REQUEST_KEYS.test(key)));
}

function tagsWithPrefix(c: EvaluationCase, prefix: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(c.request.context)) {
    if (key.toLowerCase().startsWith(prefix.toLowerCase()) && typeof value === 'string') tags[key.slice(prefix.length)] = value;
  }
  return tags;
}

const DOMAIN_ARN = /^arn:aws:profile:[^:]+:\d{12}:domains\/([^/]+)(?:\/(object-types|integrations)\/(.+))?$/;

/** The Customer Profiles operation and input of a case's request. */
function operationOf(c: EvaluationCase): { name: OperationName; input: Record<string, unknown> } {
  const name = c.request.action.replace(/^profile:/, '') as OperationName;
  const last = c.request.resources.at(-1)!;
  const [, domain, kind, child] = DOMAIN_ARN.exec(last) ?? [];
  const requestTags = tagsWithPrefix(c, 'aws:RequestTag/');
  switch (name) {
    case 'ListDomains':
      return { name, input: {} };
    case 'GetDomain':
    case 'DeleteDomain':
      return { name, input: { DomainName: domain } };
    case 'CreateDomain':
      return { name, input: { DomainName: domain, DefaultExpirationDays: 1, ...(Object.keys(requestTags).length > 0 ? { Tags: requestTags } : {}) } };
    case 'GetProfileObjectType':
    case 'DeleteProfileObjectType':
      return { name, input: { DomainName: domain, ObjectTypeName: child } };
    case 'PutProfileObjectType':
      return { name, input: { DomainName: domain, ObjectTypeName: child, Description: 'evaluation case' } };
    case 'GetIntegration':
      if (kind !== 'integrations') throw new Error(`${c.id}: GetIntegration needs an integration ARN`);
      return { name, input: { DomainName: domain, Uri: child } };
    case 'TagResource':
      return { name, input: { resourceArn: last, tags: requestTags } };
    case 'UntagResource': {
      const keys = c.request.context['aws:TagKeys'];
      return { name, input: { resourceArn: last, tagKeys: Array.isArray(keys) ? keys : [] } };
    }
    default:
      throw new Error(`${c.id}: no real request is written for ${name}`);
  }
}

/** The ARNs the server authorizes for the case's real request (a simulation must be asked about the same). */
export function realResourcesOf(c: EvaluationCase): string[] {
  const { name, input } = operationOf(c);
  return resourceArnsOf(name, { accountId: ACCOUNT, region: 'us-east-1' }, input);
}

function send(client: CustomerProfilesClient, name: OperationName, input: Record<string, unknown>): Promise<unknown> {
  const commands: Partial<Record<OperationName, new (input: never) => never>> = {
    ListDomains: ListDomainsCommand as never,
    GetDomain: GetDomainCommand as never,
    DeleteDomain: DeleteDomainCommand as never,
    CreateDomain: CreateDomainCommand as never,
    GetProfileObjectType: GetProfileObjectTypeCommand as never,
    DeleteProfileObjectType: DeleteProfileObjectTypeCommand as never,
    PutProfileObjectType: PutProfileObjectTypeCommand as never,
    GetIntegration: GetIntegrationCommand as never,
    TagResource: TagResourceCommand as never,
    UntagResource: UntagResourceCommand as never,
  };
  const Command = commands[name]!;
  return client.send(new Command(input as never));
}

/** The real outcome: any answer but AccessDenied is an allowed request; the message tells the two denials apart (§9). */
export async function realDecision(server: RunningServer, credentials: Credentials, c: EvaluationCase): Promise<Decision> {
  const client = server.client({ credentials, maxAttempts: 1 });
  try {
    const { name, input } = operationOf(c);
    return await send(client, name, input).then(
      () => 'Allow' as const,
      (error: { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }) => {
        // Past authorization, the request may still fail (no such domain, bad input): it was allowed.
        const status = error.$metadata?.httpStatusCode;
        if (status === undefined || status >= 500) throw error;
        if (error.name !== 'AccessDeniedException') return 'Allow' as const;
        if (/with an explicit deny in/.test(error.message ?? '')) return 'ExplicitDeny' as const;
        if (/because no .* allows the/.test(error.message ?? '')) return 'ImplicitDeny' as const;
        throw new Error(`${c.id}: unexpected AccessDenied message: ${error.message}`);
      },
    );
  } finally {
    client.destroy();
  }
}

export interface ArrangedPrincipal {
  readonly credentials: Credentials;
  /** The user or role to simulate; undefined for the account root. */
  readonly policySourceArn: string | undefined;
  /** Deletes every IAM entity made for the case. */
  cleanUp(): Promise<void>;
}

/** Whether the case tests the user's name (aws:username, or `alice` in its resources or policies). */
export function dependsOnUserName(c: EvaluationCase): boolean {
  return /alice|aws:username/i.test(JSON.stringify([c.identityPolicies, c.permissionsBoundary, c.request.resources, requestContextOf(c)]));
}

/** The names of a case's entities: the fixture's, or (when `unique`) suffixed by the case id where no policy tests them. */
function namesOf(c: EvaluationCase, unique: boolean) {
  const suffix = unique ? `-${c.id.toLowerCase()}` : '';
  return {
    user: unique && !dependsOnUserName(c) ? `alice${suffix}` : 'alice',
    group: `alice-team${suffix}`,
    role: `Ops${suffix}`,
    assumer: `ops-assumer${suffix}`,
    policy: (name: string) => `case${suffix}-${name}`,
  };
}

/**
 * Makes the case's principal (and the tagged domain a case on aws:ResourceTag needs). Its policies
 * go where `placement` says (0: inline on the user or role, 1: managed and attached, 2: inline on a
 * group of the user; a role has no group, so inline), so the cases exercise every way a policy
 * reaches a caller. `unique` names the entities after the case, so that cases can exist side by side.
 */
export async function arrangePrincipal(server: RunningServer, iam: IAMClient, c: EvaluationCase, placement: 0 | 1 | 2, unique = false): Promise<ArrangedPrincipal> {
  const names = namesOf(c, unique);
  const documents = c.identityPolicies.map((p) => JSON.stringify(p));
  const undo: Array<() => Promise<unknown>> = [];
  const cleanUp = async () => {
    for (const step of undo.reverse()) await step();
  };
  await arrangeResource(server, c);
  if (/:root$/.test(c.request.principal)) return { credentials: server.root, policySourceArn: undefined, cleanUp };

  const managed: string[] = [];
  const createManaged = async (name: string, document: string) => {
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: names.policy(name), PolicyDocument: document }))).Policy!.Arn!;
    undo.push(() => iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
    return arn;
  };
  if (placement === 1) for (const [i, document] of documents.entries()) managed.push(await createManaged(`p${i}`, document));

  if (c.request.principal.includes(':assumed-role/')) {
    const role = names.role;
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    await iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trust }));
    undo.push(() => iam.send(new DeleteRoleCommand({ RoleName: role })));
    for (const arn of managed) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: arn }));
      undo.push(() => iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: arn })));
    }
    if (placement !== 1) {
      for (const [i, document] of documents.entries()) {
        await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: `p${i}`, PolicyDocument: document }));
        undo.push(() => iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: `p${i}` })));
      }
    }
    const assumer = await userWithKey(iam, names.assumer, undo);
    await iam.send(new PutUserPolicyCommand({ UserName: names.assumer, PolicyName: 'assume', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }) }));
    undo.push(() => iam.send(new DeleteUserPolicyCommand({ UserName: names.assumer, PolicyName: 'assume' })));
    const sessionName = c.request.principal.split('/').at(-1)!;
    const sts = stsClient(server, assumer);
    const issued = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`, RoleSessionName: sessionName }))).Credentials!;
    sts.destroy();
    const credentials = { accessKeyId: issued.AccessKeyId!, secretAccessKey: issued.SecretAccessKey!, sessionToken: issued.SessionToken! } as Credentials;
    return { credentials, policySourceArn: `arn:aws:iam::${ACCOUNT}:role/${role}`, cleanUp };
  }

  const user = names.user;
  const tags = Object.entries(tagsWithPrefix(c, 'aws:PrincipalTag/')).map(([Key, Value]) => ({ Key, Value }));
  await iam.send(new CreateUserCommand({ UserName: user, ...(tags.length > 0 ? { Tags: tags } : {}) }));
  undo.push(() => iam.send(new DeleteUserCommand({ UserName: user })));
  for (const arn of managed) {
    await iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: arn }));
    undo.push(() => iam.send(new DetachUserPolicyCommand({ UserName: user, PolicyArn: arn })));
  }
  if (placement === 0) {
    for (const [i, document] of documents.entries()) {
      await iam.send(new PutUserPolicyCommand({ UserName: user, PolicyName: `p${i}`, PolicyDocument: document }));
      undo.push(() => iam.send(new DeleteUserPolicyCommand({ UserName: user, PolicyName: `p${i}` })));
    }
  }
  if (placement === 2) {
    const group = names.group;
    await iam.send(new CreateGroupCommand({ GroupName: group }));
    undo.push(() => iam.send(new DeleteGroupCommand({ GroupName: group })));
    await iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user }));
    undo.push(() => iam.send(new RemoveUserFromGroupCommand({ GroupName: group, UserName: user })));
    for (const [i, document] of documents.entries()) {
      await iam.send(new PutGroupPolicyCommand({ GroupName: group, PolicyName: `p${i}`, PolicyDocument: document }));
      undo.push(() => iam.send(new DeleteGroupPolicyCommand({ GroupName: group, PolicyName: `p${i}` })));
    }
  }
  if (c.permissionsBoundary) {
    const arn = await createManaged('boundary', JSON.stringify(c.permissionsBoundary[0]));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: user, PermissionsBoundary: arn }));
    undo.push(() => iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: user })));
  }
  const credentials = await userWithKey(iam, user, undo, false);
  return { credentials, policySourceArn: `arn:aws:iam::${ACCOUNT}:user/${user}`, cleanUp };
}

async function userWithKey(iam: IAMClient, name: string, undo: Array<() => Promise<unknown>>, create = true): Promise<Credentials> {
  if (create) {
    await iam.send(new CreateUserCommand({ UserName: name }));
    undo.push(() => iam.send(new DeleteUserCommand({ UserName: name })));
  }
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  undo.push(() => iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: key.AccessKeyId })));
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

/** A case that tests aws:ResourceTag/* needs its domain to exist with those tags. */
async function arrangeResource(server: RunningServer, c: EvaluationCase): Promise<void> {
  const tags = tagsWithPrefix(c, 'aws:ResourceTag/');
  if (Object.keys(tags).length === 0) return;
  const [, domain] = DOMAIN_ARN.exec(c.request.resources[0]!) ?? [];
  const root = server.client();
  await root.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 1, Tags: tags }));
  root.destroy();
}

/** Deletes every domain of the account: what a case made, and what its allowed request created. */
export async function deleteAllDomains(server: RunningServer): Promise<void> {
  const root = server.client();
  for (const item of (await root.send(new ListDomainsCommand({}))).Items ?? []) {
    await root.send(new DeleteDomainCommand({ DomainName: item.DomainName }));
  }
  root.destroy();
}
