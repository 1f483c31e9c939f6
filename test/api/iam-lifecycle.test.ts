// Every IAM entity managed to the end of its life through the official @aws-sdk/client-iam and client-sts,
// on every backend: role and group policies, role tags and trust, policy versions and their users,
// permissions boundaries (enforced), access keys' last use, STS GetSessionToken, and the policy simulator.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetAccessKeyLastUsedCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  ListRolesCommand,
  PutGroupPolicyCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  SetDefaultPolicyVersionCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { GetDomainCommand } from '@aws-sdk/client-customer-profiles';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backends, useServer } from '../support/backends.js';
import { rejectsWith } from '../support/errors.js';
import { iamClient, policyDocument, stsClient, userWithPolicies, useIam } from '../support/iam.js';

const ACCOUNT = '000000000000';
const READ = policyDocument({ Effect: 'Allow', Action: 'profile:Get*', Resource: '*' });
const ALL = policyDocument({ Effect: 'Allow', Action: '*', Resource: '*' });
/** The repository root (nearest package.json named openprofiles, from test/ or dist/test/). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, 'package.json')) && (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'openprofiles')) {
    if (dirname(dir) === dir) throw new Error('no openprofiles package.json above this test');
    dir = dirname(dir);
  }
  return dir;
}

/** The evaluation cases of spec §11, found where the evaluator's own test (src/auth/iam/cases.test.ts) finds them. */
const CASES = JSON.parse(readFileSync(resolve(repoRoot(), 'test', 'fixtures', 'iam-evaluation-cases.json'), 'utf8')) as {
  cases: Array<{ id: string; request: { principal: string; action: string; resources: string[]; context: Record<string, string | string[]> }; identityPolicies: unknown[]; permissionsBoundary?: unknown[]; expected: string }>;
};
const trustAccount = (action = 'sts:AssumeRole') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: action }] });

for (const backend of backends()) {
  describe(`IAM entity lifecycles on ${backend.name}`, { skip: backend.skip }, () => {
    const server = useServer(backend);
    const iam = useIam(server);

    test('a role with inline and attached policies, tags and a boundary is taken apart and deleted', async () => {
      await iam().send(new CreateRoleCommand({ RoleName: 'Worker', Path: '/svc/', AssumeRolePolicyDocument: trustAccount() }));
      await iam().send(new PutRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'read', PolicyDocument: READ }));
      const got = await iam().send(new GetRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'read' }));
      assert.deepEqual([got.RoleName, got.PolicyName, decodeURIComponent(got.PolicyDocument ?? '')], ['Worker', 'read', READ]);
      assert.deepEqual((await iam().send(new ListRolePoliciesCommand({ RoleName: 'worker' }))).PolicyNames, ['read']);
      await rejectsWith(iam().send(new DeleteRoleCommand({ RoleName: 'Worker' })), 'DeleteConflictException', 409, /must delete policies first/);
      await iam().send(new DeleteRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'read' }));
      await rejectsWith(iam().send(new GetRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'read' })), 'NoSuchEntityException', 404, /^The role policy with name read cannot be found\.$/);
      await rejectsWith(iam().send(new DeleteRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'read' })), 'NoSuchEntityException', 404);

      const policy = (await iam().send(new CreatePolicyCommand({ PolicyName: 'WorkerPolicy', PolicyDocument: READ }))).Policy!;
      await iam().send(new AttachRolePolicyCommand({ RoleName: 'Worker', PolicyArn: policy.Arn }));
      assert.deepEqual((await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'Worker' }))).AttachedPolicies, [{ PolicyName: 'WorkerPolicy', PolicyArn: policy.Arn }]);
      await rejectsWith(iam().send(new DeleteRoleCommand({ RoleName: 'Worker' })), 'DeleteConflictException', 409, /detach all policies/);
      await iam().send(new DetachRolePolicyCommand({ RoleName: 'Worker', PolicyArn: policy.Arn }));
      await rejectsWith(iam().send(new DetachRolePolicyCommand({ RoleName: 'Worker', PolicyArn: policy.Arn })), 'NoSuchEntityException', 404);
      assert.deepEqual((await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'Worker' }))).AttachedPolicies, []);

      await iam().send(new TagRoleCommand({ RoleName: 'Worker', Tags: [{ Key: 'team', Value: 'ops' }, { Key: 'tier', Value: '1' }] }));
      await iam().send(new UntagRoleCommand({ RoleName: 'Worker', TagKeys: ['tier'] }));
      assert.deepEqual((await iam().send(new ListRoleTagsCommand({ RoleName: 'Worker' }))).Tags, [{ Key: 'team', Value: 'ops' }]);

      const newTrust = trustAccount('sts:*');
      await iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Worker', PolicyDocument: newTrust }));
      assert.equal(decodeURIComponent((await iam().send(new GetRoleCommand({ RoleName: 'Worker' }))).Role?.AssumeRolePolicyDocument ?? ''), newTrust);
      await rejectsWith(iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Worker', PolicyDocument: READ })), 'MalformedPolicyDocumentException', 400);

      await iam().send(new PutRolePermissionsBoundaryCommand({ RoleName: 'Worker', PermissionsBoundary: policy.Arn }));
      assert.equal((await iam().send(new GetRoleCommand({ RoleName: 'Worker' }))).Role?.PermissionsBoundary?.PermissionsBoundaryArn, policy.Arn);
      await iam().send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'Worker' }));
      assert.equal((await iam().send(new GetRoleCommand({ RoleName: 'Worker' }))).Role?.PermissionsBoundary, undefined);

      await iam().send(new CreateRoleCommand({ RoleName: 'Other', AssumeRolePolicyDocument: trustAccount() }));
      const first = await iam().send(new ListRolesCommand({ MaxItems: 1 }));
      assert.deepEqual([first.Roles?.map((r) => r.RoleName), first.IsTruncated], [['Other'], true]);
      const rest = await iam().send(new ListRolesCommand({ Marker: first.Marker }));
      assert.deepEqual([rest.Roles?.map((r) => r.Arn), rest.IsTruncated], [[`arn:aws:iam::${ACCOUNT}:role/svc/Worker`], false]);
      assert.deepEqual((await iam().send(new ListRolesCommand({ PathPrefix: '/svc/' }))).Roles?.map((r) => r.RoleName), ['Worker']);

      await iam().send(new DeleteRoleCommand({ RoleName: 'Worker' }));
      await iam().send(new DeleteRoleCommand({ RoleName: 'Other' }));
      await iam().send(new DeletePolicyCommand({ PolicyArn: policy.Arn }));
      assert.deepEqual((await iam().send(new ListRolesCommand({}))).Roles, []);
    });

    test('a group with members, inline and attached policies is read, listed, taken apart and deleted', async () => {
      await iam().send(new CreateGroupCommand({ GroupName: 'Readers', Path: '/teams/' }));
      await iam().send(new CreateGroupCommand({ GroupName: 'writers' }));
      for (const name of ['gus', 'Ann']) {
        await iam().send(new CreateUserCommand({ UserName: name }));
        await iam().send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: name }));
      }
      const group = await iam().send(new GetGroupCommand({ GroupName: 'READERS', MaxItems: 1 }));
      assert.equal(group.Group?.Arn, `arn:aws:iam::${ACCOUNT}:group/teams/Readers`);
      assert.deepEqual([group.Users?.map((u) => u.UserName), group.IsTruncated], [['Ann'], true]);
      const more = await iam().send(new GetGroupCommand({ GroupName: 'Readers', Marker: group.Marker }));
      assert.deepEqual([more.Users?.map((u) => u.UserName), more.IsTruncated], [['gus'], false]);
      assert.deepEqual((await iam().send(new ListGroupsCommand({}))).Groups?.map((g) => g.GroupName), ['Readers', 'writers']);
      assert.deepEqual((await iam().send(new ListGroupsCommand({ PathPrefix: '/teams' }))).Groups?.map((g) => g.GroupName), ['Readers']);
      await rejectsWith(iam().send(new GetGroupCommand({ GroupName: 'nobody' })), 'NoSuchEntityException', 404, /group with name nobody/);

      await iam().send(new PutGroupPolicyCommand({ GroupName: 'Readers', PolicyName: 'read', PolicyDocument: READ }));
      const got = await iam().send(new GetGroupPolicyCommand({ GroupName: 'Readers', PolicyName: 'read' }));
      assert.deepEqual([got.GroupName, decodeURIComponent(got.PolicyDocument ?? '')], ['Readers', READ]);
      assert.deepEqual((await iam().send(new ListGroupPoliciesCommand({ GroupName: 'Readers' }))).PolicyNames, ['read']);
      const policy = (await iam().send(new CreatePolicyCommand({ PolicyName: 'GroupPolicy', PolicyDocument: READ }))).Policy!;
      await iam().send(new AttachGroupPolicyCommand({ GroupName: 'Readers', PolicyArn: policy.Arn }));
      assert.deepEqual((await iam().send(new ListAttachedGroupPoliciesCommand({ GroupName: 'Readers' }))).AttachedPolicies, [{ PolicyName: 'GroupPolicy', PolicyArn: policy.Arn }]);

      for (const name of ['gus', 'Ann']) await iam().send(new RemoveUserFromGroupCommand({ GroupName: 'Readers', UserName: name }));
      await rejectsWith(iam().send(new DeleteGroupCommand({ GroupName: 'Readers' })), 'DeleteConflictException', 409, /delete policies/);
      await iam().send(new DeleteGroupPolicyCommand({ GroupName: 'Readers', PolicyName: 'read' }));
      await rejectsWith(iam().send(new GetGroupPolicyCommand({ GroupName: 'Readers', PolicyName: 'read' })), 'NoSuchEntityException', 404, /group policy with name read/);
      await rejectsWith(iam().send(new DeleteGroupCommand({ GroupName: 'Readers' })), 'DeleteConflictException', 409, /detach all policies/);
      await iam().send(new DetachGroupPolicyCommand({ GroupName: 'Readers', PolicyArn: policy.Arn }));
      await iam().send(new DeleteGroupCommand({ GroupName: 'Readers' }));
      await iam().send(new DeleteGroupCommand({ GroupName: 'writers' }));
      await iam().send(new DeletePolicyCommand({ PolicyArn: policy.Arn }));
      for (const name of ['gus', 'Ann']) await iam().send(new DeleteUserCommand({ UserName: name }));
      assert.deepEqual((await iam().send(new ListGroupsCommand({}))).Groups, []);
    });

    test('policy versions are listed, made default and deleted; the entities a policy applies to are listed', async () => {
      const policy = (await iam().send(new CreatePolicyCommand({ PolicyName: 'Versioned', PolicyDocument: READ }))).Policy!;
      const arn = policy.Arn!;
      await iam().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: ALL }));
      const versions = (await iam().send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? [];
      assert.deepEqual(versions.map((v) => [v.VersionId, v.IsDefaultVersion, v.Document]), [['v1', true, undefined], ['v2', false, undefined]]);
      await iam().send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
      assert.equal((await iam().send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId, 'v2');
      await rejectsWith(iam().send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' })), 'NoSuchEntityException', 404, /version v9 does not exist/);
      await rejectsWith(iam().send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' })), 'DeleteConflictException', 409, /^Cannot delete the default version of a policy\.$/);
      await iam().send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
      await rejectsWith(iam().send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' })), 'NoSuchEntityException', 404);
      assert.deepEqual((await iam().send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions?.map((v) => v.VersionId), ['v2']);
      // Version ids are not reused.
      assert.equal((await iam().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: READ }))).PolicyVersion?.VersionId, 'v3');

      const user = (await iam().send(new CreateUserCommand({ UserName: 'ent-user' }))).User!;
      const group = (await iam().send(new CreateGroupCommand({ GroupName: 'ent-group' }))).Group!;
      const role = (await iam().send(new CreateRoleCommand({ RoleName: 'ent-role', AssumeRolePolicyDocument: trustAccount() }))).Role!;
      await iam().send(new AttachUserPolicyCommand({ UserName: 'ent-user', PolicyArn: arn }));
      await iam().send(new AttachGroupPolicyCommand({ GroupName: 'ent-group', PolicyArn: arn }));
      await iam().send(new PutRolePermissionsBoundaryCommand({ RoleName: 'ent-role', PermissionsBoundary: arn }));
      const all = await iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
      assert.deepEqual(all.PolicyUsers, [{ UserName: 'ent-user', UserId: user.UserId }]);
      assert.deepEqual(all.PolicyGroups, [{ GroupName: 'ent-group', GroupId: group.GroupId }]);
      assert.deepEqual(all.PolicyRoles, [{ RoleName: 'ent-role', RoleId: role.RoleId }]);
      const attachedOnly = await iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, PolicyUsageFilter: 'PermissionsPolicy' }));
      assert.deepEqual(attachedOnly.PolicyRoles, []);
      const usersOnly = await iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, EntityFilter: 'User' }));
      assert.deepEqual([usersOnly.PolicyUsers?.length, usersOnly.PolicyGroups?.length, usersOnly.PolicyRoles?.length], [1, 0, 0]);
      const counted = (await iam().send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!;
      assert.deepEqual([counted.AttachmentCount, counted.PermissionsBoundaryUsageCount], [2, 1]);

      await iam().send(new DetachUserPolicyCommand({ UserName: 'ent-user', PolicyArn: arn }));
      await iam().send(new DetachGroupPolicyCommand({ GroupName: 'ent-group', PolicyArn: arn }));
      await rejectsWith(iam().send(new DeletePolicyCommand({ PolicyArn: arn })), 'DeleteConflictException', 409);
      await iam().send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'ent-role' }));
      await iam().send(new DeletePolicyCommand({ PolicyArn: arn }));
      await iam().send(new DeleteUserCommand({ UserName: 'ent-user' }));
      await iam().send(new DeleteGroupCommand({ GroupName: 'ent-group' }));
      await iam().send(new DeleteRoleCommand({ RoleName: 'ent-role' }));
    });

    test('a permissions boundary limits what a user and a role session may do, until it is removed', async () => {
      const admin = await userWithPolicies(iam(), 'bounded', [ALL]);
      const boundary = (await iam().send(new CreatePolicyCommand({ PolicyName: 'OnlyRead', PolicyDocument: READ }))).Policy!.Arn!;
      const asUser = iamClient(server(), admin);
      await asUser.send(new CreateUserCommand({ UserName: 'before-boundary' }));
      await iam().send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: boundary }));
      await rejectsWith(asUser.send(new CreateUserCommand({ UserName: 'blocked' })), 'AccessDenied', 403, /because no permissions boundary allows the iam:CreateUser action$/);
      await iam().send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'bounded' }));
      await asUser.send(new CreateUserCommand({ UserName: 'after-boundary' }));
      // Removing a boundary that is not there is not an error.
      await iam().send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'bounded' }));

      await iam().send(new CreateRoleCommand({ RoleName: 'BoundedRole', AssumeRolePolicyDocument: trustAccount() }));
      await iam().send(new PutRolePolicyCommand({ RoleName: 'BoundedRole', PolicyName: 'all', PolicyDocument: ALL }));
      await iam().send(new PutRolePermissionsBoundaryCommand({ RoleName: 'BoundedRole', PermissionsBoundary: boundary }));
      const sts = stsClient(server(), admin);
      const session = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/BoundedRole`, RoleSessionName: 'bounded-session' }))).Credentials!;
      const asRole = iamClient(server(), { accessKeyId: session.AccessKeyId!, secretAccessKey: session.SecretAccessKey!, sessionToken: session.SessionToken! } as never);
      await rejectsWith(asRole.send(new CreateUserCommand({ UserName: 'by-role' })), 'AccessDenied', 403, /permissions boundary/);
      await iam().send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'BoundedRole' }));
      await asRole.send(new CreateUserCommand({ UserName: 'by-role' }));
      asRole.destroy();
      asUser.destroy();
      sts.destroy();
    });

    test('GetAccessKeyLastUsed: N/A until the key signs a request, then its service, region and time', async () => {
      await iam().send(new CreateUserCommand({ UserName: 'lu' }));
      await iam().send(new PutUserPolicyCommand({ UserName: 'lu', PolicyName: 'all', PolicyDocument: ALL }));
      const key = (await iam().send(new CreateAccessKeyCommand({ UserName: 'lu' }))).AccessKey!;
      const unused = await iam().send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
      assert.deepEqual([unused.UserName, unused.AccessKeyLastUsed], ['lu', { ServiceName: 'N/A', Region: 'N/A' }]);
      const started = Date.now();
      const asLu = stsClient(server(), { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
      await asLu.send(new GetCallerIdentityCommand({}));
      const used = (await iam().send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }))).AccessKeyLastUsed!;
      assert.deepEqual([used.ServiceName, used.Region], ['sts', 'us-east-1']);
      assert.ok(used.LastUsedDate instanceof Date && Math.abs(used.LastUsedDate.getTime() - started) < 60_000);
      await rejectsWith(iam().send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' })), 'NoSuchEntityException', 404, /Access Key/);
      asLu.destroy();
      await iam().send(new DeleteAccessKeyCommand({ UserName: 'lu', AccessKeyId: key.AccessKeyId }));
      await iam().send(new DeleteUserPolicyCommand({ UserName: 'lu', PolicyName: 'all' }));
      await iam().send(new DeleteUserCommand({ UserName: 'lu' }));
    });

    test('GetSessionToken: temporary credentials acting as the user, not among its access keys, gone with it', async () => {
      const key = await userWithPolicies(iam(), 'temp', [READ]);
      const sts = stsClient(server(), key);
      const issued = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
      const creds = issued.Credentials!;
      assert.match(creds.AccessKeyId ?? '', /^ASIA/);
      assert.ok(creds.SessionToken && creds.Expiration instanceof Date);
      assert.ok(Math.abs(creds.Expiration.getTime() - (Date.now() + 900_000)) < 60_000);
      const temp = { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken };
      const asTemp = stsClient(server(), temp as never);
      assert.equal((await asTemp.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:user/temp`);
      // The user's own policies apply: it may not use IAM.
      const iamTemp = iamClient(server(), temp as never);
      await rejectsWith(iamTemp.send(new CreateUserCommand({ UserName: 'x' })), 'AccessDenied', 403, /user\/temp is not authorized/);
      assert.equal((await iam().send(new ListAccessKeysCommand({ UserName: 'temp' }))).AccessKeyMetadata?.length, 1);
      await rejectsWith(asTemp.send(new GetSessionTokenCommand({})), 'AccessDenied', 403);
      for (const k of (await iam().send(new ListAccessKeysCommand({ UserName: 'temp' }))).AccessKeyMetadata ?? []) {
        await iam().send(new DeleteAccessKeyCommand({ UserName: 'temp', AccessKeyId: k.AccessKeyId }));
      }
      await iam().send(new DeleteUserPolicyCommand({ UserName: 'temp', PolicyName: 'p0' }));
      await iam().send(new DeleteUserCommand({ UserName: 'temp' }));
      await rejectsWith(asTemp.send(new GetCallerIdentityCommand({})), 'UnrecognizedClientException', 403);
      const root = (await stsClient(server(), server().root).send(new GetSessionTokenCommand({ DurationSeconds: 7200 }))).Credentials!;
      assert.ok(root.Expiration!.getTime() - Date.now() <= 3600_000, 'root sessions last at most an hour');
      sts.destroy();
      asTemp.destroy();
      iamTemp.destroy();
    });

    test('the simulator answers what real requests are answered: allowed, explicit deny, implicit deny, boundary', async () => {
      const D = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/`;
      const policy = policyDocument(
        { Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*' },
        { Effect: 'Deny', Action: 'profile:GetDomain', Resource: `${D}secret` },
        { Effect: 'Allow', Action: 'profile:DeleteDomain', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
      );
      const key = await userWithPolicies(iam(), 'sim', [policy]);
      const profiles = server().client({ credentials: key, maxAttempts: 1 });
      const real = async (domain: string) =>
        profiles.send(new GetDomainCommand({ DomainName: domain })).then(
          () => 'allowed',
          (error: { name: string }) => (error.name === 'AccessDeniedException' ? 'denied' : 'allowed'),
        );
      const simulate = async (actions: string[], resources: string[], extra: Partial<{ PermissionsBoundaryPolicyInputList: string[]; ContextEntries: Array<{ ContextKeyName: string; ContextKeyValues: string[]; ContextKeyType: 'string' }> }> = {}) =>
        ((await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/sim`, ActionNames: actions, ResourceArns: resources, ...extra }))).EvaluationResults ?? []).map(
          (r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision],
        );
      assert.deepEqual(await simulate(['profile:GetDomain', 'profile:ListDomains'], [`${D}open`, `${D}secret`]), [
        ['profile:GetDomain', `${D}open`, 'allowed'],
        ['profile:GetDomain', `${D}secret`, 'explicitDeny'],
        ['profile:ListDomains', `${D}open`, 'implicitDeny'],
        ['profile:ListDomains', `${D}secret`, 'implicitDeny'],
      ]);
      assert.deepEqual([await real('open'), await real('secret')], ['allowed', 'denied']);
      // Context entries reach the conditions.
      const region = (value: string) => ({ ContextEntries: [{ ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: [value], ContextKeyType: 'string' as const }] });
      assert.deepEqual((await simulate(['profile:DeleteDomain'], [`${D}open`], region('eu-west-1')))[0]?.[2], 'allowed');
      assert.deepEqual((await simulate(['profile:DeleteDomain'], [`${D}open`], region('us-east-1')))[0]?.[2], 'implicitDeny');
      // The user's stored boundary applies, as it does to real requests.
      const boundary = (await iam().send(new CreatePolicyCommand({ PolicyName: 'SimBoundary', PolicyDocument: policyDocument({ Effect: 'Allow', Action: 'profile:List*', Resource: '*' }) }))).Policy!.Arn!;
      await iam().send(new PutUserPermissionsBoundaryCommand({ UserName: 'sim', PermissionsBoundary: boundary }));
      assert.deepEqual((await simulate(['profile:GetDomain'], [`${D}open`]))[0]?.[2], 'implicitDeny');
      assert.equal(await real('open'), 'denied');
      await iam().send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'sim' }));
      assert.deepEqual((await simulate(['profile:GetDomain'], [`${D}open`]))[0]?.[2], 'allowed');
      assert.equal(await real('open'), 'allowed');
      await rejectsWith(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/nobody`, ActionNames: ['profile:GetDomain'] })), 'NoSuchEntityException', 404);

      const custom = await iam().send(
        new SimulateCustomPolicyCommand({ PolicyInputList: [policy], PermissionsBoundaryPolicyInputList: [READ], ActionNames: ['profile:GetDomain', 'profile:DeleteDomain'], ResourceArns: [`${D}open`] }),
      );
      assert.deepEqual(custom.EvaluationResults?.map((r) => r.EvalDecision), ['allowed', 'implicitDeny']);
      await rejectsWith(iam().send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{nope'], ActionNames: ['profile:GetDomain'] })), 'MalformedPolicyDocumentException', 400);
      profiles.destroy();
    });

    test('SimulateCustomPolicy gives the expected decision of every evaluation case of the spec', async () => {
      const decisions: string[] = [];
      for (const c of CASES.cases) {
        const simulated = await iam().send(
          new SimulateCustomPolicyCommand({
            CallerArn: c.request.principal,
            ActionNames: [c.request.action],
            ResourceArns: c.request.resources,
            PolicyInputList: c.identityPolicies.map((p) => JSON.stringify(p)),
            ...(c.permissionsBoundary ? { PermissionsBoundaryPolicyInputList: c.permissionsBoundary.map((p) => JSON.stringify(p)) } : {}),
            ContextEntries: Object.entries(c.request.context).map(([name, value]) =>
              Array.isArray(value)
                ? { ContextKeyName: name, ContextKeyValues: value, ContextKeyType: 'stringList' as const }
                : { ContextKeyName: name, ContextKeyValues: [value as string], ContextKeyType: 'string' as const },
            ),
          }),
        );
        // Every resource of a request must be allowed; any explicit deny wins (spec §8).
        const each = (simulated.EvaluationResults ?? []).map((r) => r.EvalDecision);
        const decision = each.includes('explicitDeny') ? 'ExplicitDeny' : each.length > 0 && each.every((d) => d === 'allowed') ? 'Allow' : 'ImplicitDeny';
        decisions.push(`${c.id}: ${decision}`);
      }
      assert.deepEqual(decisions, CASES.cases.map((c) => `${c.id}: ${c.expected}`));
    });
  });
}
