// The IAM API subset through the official @aws-sdk/client-iam, on every backend: users, keys, groups,
// inline and managed policies, roles, errors in IAM's names, and IAM actions authorized by policies.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListPoliciesCommand,
  ListUserPoliciesCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateAccessKeyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { backends } from '../support/backends.js';
import type { RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { iamClient, policyDocument, userWithPolicies } from '../support/iam.js';
import { signedFetch } from '../support/signed-fetch.js';

const ACCOUNT = '000000000000';
const READ_DOMAINS = policyDocument({ Effect: 'Allow', Action: 'profile:Get*', Resource: '*' });

for (const backend of backends()) {
  describe(`IAM API on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let iam: IAMClient;
    before(async () => {
      server = await backend.start();
      iam = iamClient(server);
    });
    after(async () => {
      iam?.destroy();
      await server?.stop();
    });

    test('users: create with tags, get, list with paging, tag, untag, delete; names are unique in any case', async () => {
      const created = await iam.send(new CreateUserCommand({ UserName: 'Ann', Path: '/eng/', Tags: [{ Key: 'team', Value: 'blue' }] }));
      assert.equal(created.User?.Arn, `arn:aws:iam::${ACCOUNT}:user/eng/Ann`);
      assert.match(created.User?.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
      assert.ok(created.User?.CreateDate instanceof Date && Math.abs(created.User.CreateDate.getTime() - Date.now()) < 60_000);
      await rejectsWith(iam.send(new CreateUserCommand({ UserName: 'ann' })), 'EntityAlreadyExistsException', 409, /^User with name ann already exists\.$/);
      const got = await iam.send(new GetUserCommand({ UserName: 'ANN' }));
      assert.equal(got.User?.UserName, 'Ann');
      assert.deepEqual(got.User?.Tags, [{ Key: 'team', Value: 'blue' }]);
      await iam.send(new CreateUserCommand({ UserName: 'bob' }));
      await iam.send(new CreateUserCommand({ UserName: 'cid' }));
      const first = await iam.send(new ListUsersCommand({ MaxItems: 2 }));
      assert.deepEqual(first.Users?.map((u) => u.UserName), ['Ann', 'bob']);
      assert.equal(first.IsTruncated, true);
      const second = await iam.send(new ListUsersCommand({ MaxItems: 2, Marker: first.Marker }));
      assert.deepEqual(second.Users?.map((u) => u.UserName), ['cid']);
      assert.equal(second.IsTruncated, false);
      await iam.send(new TagUserCommand({ UserName: 'bob', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: 'x y:z/@' }] }));
      await iam.send(new UntagUserCommand({ UserName: 'bob', TagKeys: ['a'] }));
      assert.deepEqual((await iam.send(new ListUserTagsCommand({ UserName: 'bob' }))).Tags, [{ Key: 'b', Value: 'x y:z/@' }]);
      await iam.send(new DeleteUserCommand({ UserName: 'cid' }));
      await rejectsWith(iam.send(new GetUserCommand({ UserName: 'cid' })), 'NoSuchEntityException', 404, /^The user with name cid cannot be found\.$/);
    });

    test('bad input is a ValidationError naming the member and its constraint', async () => {
      await rejectsWith(iam.send(new CreateUserCommand({ UserName: 'has space' })), 'ValidationError', 400, /UserName.*regular expression pattern/);
      await rejectsWith(iam.send(new CreateUserCommand({ UserName: '' })), 'ValidationError', 400, /length greater than or equal to 1/);
    });

    test('the awsQuery edge answers IAM error XML: unknown or missing Action, a bad signature', async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
      const post = (body: string, credentials = server.root) => signedFetch(server.endpoint, credentials, { method: 'POST', path: '/', body, headers: form, service: 'iam' });
      const unknown = await post('Action=FlyToTheMoon&Version=2010-05-08');
      assert.equal(unknown.status, 400);
      assert.match(unknown.text, /<ErrorResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>Could not find operation FlyToTheMoon for version 2010-05-08<\/Message><\/Error><RequestId>[^<]+<\/RequestId><\/ErrorResponse>$/);
      assert.equal(unknown.headers.get('content-type'), 'text/xml');
      assert.match((await post('Version=2010-05-08')).text, /<Code>MissingAction<\/Code>/);
      const forged = await post('Action=ListUsers&Version=2010-05-08', { accessKeyId: server.root.accessKeyId, secretAccessKey: 'wrong'.repeat(8) });
      assert.equal(forged.status, 403);
      assert.match(forged.text, /<Code>InvalidSignatureException<\/Code>/);
      const listed = await post('Action=ListUsers&Version=2010-05-08&MaxItems=1');
      assert.equal(listed.status, 200);
      assert.match(listed.text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListUsersResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><ListUsersResult><Users>/);
    });

    test('access keys: at most two, the secret only once, Inactive and deleted keys stop working', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'keys' }));
      const one = (await iam.send(new CreateAccessKeyCommand({ UserName: 'keys' }))).AccessKey!;
      assert.match(one.AccessKeyId ?? '', /^AKIA[A-Z2-7]{16}$/);
      assert.equal(one.SecretAccessKey?.length, 40);
      await iam.send(new CreateAccessKeyCommand({ UserName: 'keys' }));
      await rejectsWith(iam.send(new CreateAccessKeyCommand({ UserName: 'keys' })), 'LimitExceededException', 409, /AccessKeysPerUser: 2/);
      const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'keys' }));
      assert.equal(listed.AccessKeyMetadata?.length, 2);
      assert.ok(listed.AccessKeyMetadata?.every((k) => k.Status === 'Active' && !('SecretAccessKey' in k)));
      await rejectsWith(iam.send(new DeleteUserCommand({ UserName: 'keys' })), 'DeleteConflictException', 409, /access keys/);
      await iam.send(new UpdateAccessKeyCommand({ UserName: 'keys', AccessKeyId: one.AccessKeyId, Status: 'Inactive' }));
      assert.equal((await iam.send(new ListAccessKeysCommand({ UserName: 'keys' }))).AccessKeyMetadata?.find((k) => k.AccessKeyId === one.AccessKeyId)?.Status, 'Inactive');
      await rejectsWith(iam.send(new DeleteAccessKeyCommand({ UserName: 'keys', AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' })), 'NoSuchEntityException', 404, /Access Key/);
      for (const key of (await iam.send(new ListAccessKeysCommand({ UserName: 'keys' }))).AccessKeyMetadata ?? []) {
        await iam.send(new DeleteAccessKeyCommand({ UserName: 'keys', AccessKeyId: key.AccessKeyId }));
      }
      await iam.send(new DeleteUserCommand({ UserName: 'keys' }));
    });

    test('groups: members, listing, and a group with members cannot be deleted', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'gina' }));
      const group = await iam.send(new CreateGroupCommand({ GroupName: 'ops' }));
      assert.equal(group.Group?.Arn, `arn:aws:iam::${ACCOUNT}:group/ops`);
      await rejectsWith(iam.send(new CreateGroupCommand({ GroupName: 'OPS' })), 'EntityAlreadyExistsException', 409);
      await iam.send(new AddUserToGroupCommand({ GroupName: 'ops', UserName: 'gina' }));
      assert.deepEqual((await iam.send(new ListGroupsForUserCommand({ UserName: 'gina' }))).Groups?.map((g) => g.GroupName), ['ops']);
      await rejectsWith(iam.send(new DeleteGroupCommand({ GroupName: 'ops' })), 'DeleteConflictException', 409);
      await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'ops', UserName: 'gina' }));
      await iam.send(new DeleteGroupCommand({ GroupName: 'ops' }));
      await rejectsWith(iam.send(new AddUserToGroupCommand({ GroupName: 'ops', UserName: 'gina' })), 'NoSuchEntityException', 404, /group with name ops/);
    });

    test('inline policies are validated on write and returned URL-encoded', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'ivy' }));
      await iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'read', PolicyDocument: READ_DOMAINS }));
      const got = await iam.send(new GetUserPolicyCommand({ UserName: 'ivy', PolicyName: 'read' }));
      assert.equal(decodeURIComponent(got.PolicyDocument ?? ''), READ_DOMAINS);
      assert.deepEqual((await iam.send(new ListUserPoliciesCommand({ UserName: 'ivy' }))).PolicyNames, ['read']);
      for (const bad of ['{not json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Action: '*', Resource: '*' }] }), policyDocument({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualz: { k: 'v' } } })]) {
        await rejectsWith(iam.send(new PutUserPolicyCommand({ UserName: 'ivy', PolicyName: 'bad', PolicyDocument: bad })), 'MalformedPolicyDocumentException', 400);
      }
      await iam.send(new DeleteUserPolicyCommand({ UserName: 'ivy', PolicyName: 'read' }));
      await rejectsWith(iam.send(new GetUserPolicyCommand({ UserName: 'ivy', PolicyName: 'read' })), 'NoSuchEntityException', 404);
    });

    test('managed policies: versions, default, attach, detach, boundary, delete only when detached', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'mo' }));
      const policy = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Reader', Path: '/team/', PolicyDocument: READ_DOMAINS, Description: 'read' }))).Policy!;
      assert.equal(policy.Arn, `arn:aws:iam::${ACCOUNT}:policy/team/Reader`);
      assert.equal(policy.DefaultVersionId, 'v1');
      await rejectsWith(iam.send(new CreatePolicyCommand({ PolicyName: 'reader', PolicyDocument: READ_DOMAINS })), 'EntityAlreadyExistsException', 409);
      const v2 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policy.Arn, PolicyDocument: policyDocument({ Effect: 'Allow', Action: 'profile:*', Resource: '*' }), SetAsDefault: true }));
      assert.equal(v2.PolicyVersion?.VersionId, 'v2');
      assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn }))).Policy?.DefaultVersionId, 'v2');
      const v1 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policy.Arn, VersionId: 'v1' }));
      assert.equal(decodeURIComponent(v1.PolicyVersion?.Document ?? ''), READ_DOMAINS);
      assert.equal(v1.PolicyVersion?.IsDefaultVersion, false);
      await iam.send(new AttachUserPolicyCommand({ UserName: 'mo', PolicyArn: policy.Arn }));
      assert.deepEqual((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'mo' }))).AttachedPolicies, [{ PolicyName: 'Reader', PolicyArn: policy.Arn }]);
      assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn }))).Policy?.AttachmentCount, 1);
      await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'mo', PermissionsBoundary: policy.Arn }));
      assert.equal((await iam.send(new GetUserCommand({ UserName: 'mo' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn, policy.Arn);
      assert.deepEqual((await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies?.map((p) => p.PolicyName), ['Reader']);
      await rejectsWith(iam.send(new DeletePolicyCommand({ PolicyArn: policy.Arn })), 'DeleteConflictException', 409);
      await iam.send(new DetachUserPolicyCommand({ UserName: 'mo', PolicyArn: policy.Arn }));
      // Still mo's permissions boundary: deleting it would lift the boundary.
      await rejectsWith(iam.send(new DeletePolicyCommand({ PolicyArn: policy.Arn })), 'DeleteConflictException', 409, /^Cannot delete a policy attached to entities\.$/);
      await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'mo' }));
      await iam.send(new DeletePolicyCommand({ PolicyArn: policy.Arn }));
      await rejectsWith(iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn })), 'NoSuchEntityException', 404, /does not exist/);
      await rejectsWith(iam.send(new AttachUserPolicyCommand({ UserName: 'mo', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/Nope` })), 'NoSuchEntityException', 404);
      await rejectsWith(iam.send(new AttachUserPolicyCommand({ UserName: 'mo', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })), 'NoSuchEntityException', 404);
      assert.deepEqual((await iam.send(new ListPoliciesCommand({ Scope: 'AWS' }))).Policies, []);
    });

    test('roles: the trust policy is validated and returned; tags; delete', async () => {
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
      const role = (await iam.send(new CreateRoleCommand({ RoleName: 'Ops', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'team', Value: 'ops' }], MaxSessionDuration: 7200 }))).Role!;
      assert.equal(role.Arn, `arn:aws:iam::${ACCOUNT}:role/Ops`);
      assert.match(role.RoleId ?? '', /^AROA/);
      const got = (await iam.send(new GetRoleCommand({ RoleName: 'ops' }))).Role!;
      assert.equal(decodeURIComponent(got.AssumeRolePolicyDocument ?? ''), trust);
      assert.equal(got.MaxSessionDuration, 7200);
      assert.deepEqual(got.Tags, [{ Key: 'team', Value: 'ops' }]);
      await rejectsWith(iam.send(new CreateRoleCommand({ RoleName: 'Bad', AssumeRolePolicyDocument: READ_DOMAINS })), 'MalformedPolicyDocumentException', 400);
      await iam.send(new DeleteRoleCommand({ RoleName: 'Ops' }));
      await rejectsWith(iam.send(new GetRoleCommand({ RoleName: 'Ops' })), 'NoSuchEntityException', 404);
    });

    test('IAM actions are authorized: a user without iam permissions is denied, one with them is allowed', async () => {
      const plain = iamClient(server, await userWithPolicies(iam, 'plain', [READ_DOMAINS]));
      await rejectsWith(
        plain.send(new CreateUserCommand({ UserName: 'eve' })),
        'AccessDenied',
        403,
        new RegExp(`^User: arn:aws:iam::${ACCOUNT}:user/plain is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/eve because no identity-based policy allows the iam:CreateUser action$`),
      );
      await rejectsWith(plain.send(new ListUsersCommand({})), 'AccessDenied', 403);
      const admin = iamClient(
        server,
        await userWithPolicies(iam, 'admin', [
          policyDocument({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: `arn:aws:iam::${ACCOUNT}:user/admin` }),
        ]),
      );
      await admin.send(new CreateUserCommand({ UserName: 'made-by-admin' }));
      await rejectsWith(admin.send(new DeleteUserCommand({ UserName: 'admin' })), 'AccessDenied', 403, /with an explicit deny in an identity-based policy$/);
      await rejectsWith(iam.send(new GetUserCommand({})), 'InvalidInputException', 400, /UserName is required/);
      // aws:ResourceTag of a user is its tags: this admin may delete only blue users.
      const blueAdmin = iamClient(
        server,
        await userWithPolicies(iam, 'blue-admin', [
          policyDocument({ Effect: 'Allow', Action: 'iam:DeleteUser', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } } }),
        ]),
      );
      await iam.send(new CreateUserCommand({ UserName: 'blue-one', Tags: [{ Key: 'team', Value: 'blue' }] }));
      await iam.send(new CreateUserCommand({ UserName: 'red-one', Tags: [{ Key: 'team', Value: 'red' }] }));
      await blueAdmin.send(new DeleteUserCommand({ UserName: 'blue-one' }));
      await rejectsWith(blueAdmin.send(new DeleteUserCommand({ UserName: 'red-one' })), 'AccessDenied', 403);
      blueAdmin.destroy();
      // GetUser without a name is the caller itself.
      assert.equal((await admin.send(new GetUserCommand({}))).User?.UserName, 'admin');
      plain.destroy();
      admin.destroy();
    });
  });
}
