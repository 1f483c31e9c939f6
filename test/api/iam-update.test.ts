// UpdateUser, UpdateGroup and UpdateRole through @aws-sdk/client-iam on every backend: a renamed user
// keeps its keys, groups, policies and tags (and its key acts as the new name); a renamed group keeps
// its members and policies; a role's description and longest session change.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  GetGroupCommand,
  GetRoleCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  ListUserTagsCommand,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
  UntagUserCommand,
  UpdateGroupCommand,
  UpdateRoleCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { GetDomainCommand } from '@aws-sdk/client-customer-profiles';
import { backends, useServer } from '../support/backends.js';
import { rejectsWith } from '../support/errors.js';
import { policyDocument, stsClient, userWithPolicies, useIam } from '../support/iam.js';

const ACCOUNT = '000000000000';
const GET = policyDocument({ Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*' });
const LIST = policyDocument({ Effect: 'Allow', Action: 'profile:List*', Resource: '*' });

for (const backend of backends()) {
  describe(`IAM updates on ${backend.name}`, { skip: backend.skip }, () => {
    const server = useServer(backend);
    const iam = useIam(server);

    test('a renamed and moved user keeps its key, groups, policies and tags; a renamed group its members and policies', async () => {
      const key = await userWithPolicies(iam(), 'ren', [GET], { team: 'blue' });
      const managed = (await iam().send(new CreatePolicyCommand({ PolicyName: 'RenList', PolicyDocument: LIST }))).Policy!.Arn!;
      await iam().send(new AttachUserPolicyCommand({ UserName: 'ren', PolicyArn: managed }));
      await iam().send(new CreateGroupCommand({ GroupName: 'crew' }));
      await iam().send(new AddUserToGroupCommand({ GroupName: 'crew', UserName: 'ren' }));
      await iam().send(new PutGroupPolicyCommand({ GroupName: 'crew', PolicyName: 'g', PolicyDocument: LIST }));
      await iam().send(new CreateUserCommand({ UserName: 'taken' }));

      await rejectsWith(iam().send(new UpdateUserCommand({ UserName: 'ren', NewUserName: 'TAKEN' })), 'EntityAlreadyExistsException', 409);
      await iam().send(new UpdateUserCommand({ UserName: 'REN', NewUserName: 'renamed', NewPath: '/moved/' }));
      await rejectsWith(iam().send(new GetUserCommand({ UserName: 'ren' })), 'NoSuchEntityException', 404);
      const moved = (await iam().send(new GetUserCommand({ UserName: 'renamed' }))).User!;
      assert.deepEqual([moved.UserName, moved.Path, moved.Arn], ['renamed', '/moved/', `arn:aws:iam::${ACCOUNT}:user/moved/renamed`]);
      assert.deepEqual((await iam().send(new ListUserPoliciesCommand({ UserName: 'renamed' }))).PolicyNames, ['p0']);
      assert.deepEqual((await iam().send(new ListAttachedUserPoliciesCommand({ UserName: 'renamed' }))).AttachedPolicies?.map((p) => p.PolicyArn), [managed]);
      assert.deepEqual((await iam().send(new ListUserTagsCommand({ UserName: 'renamed' }))).Tags, [{ Key: 'team', Value: 'blue' }]);
      assert.deepEqual((await iam().send(new ListGroupsForUserCommand({ UserName: 'renamed' }))).Groups?.map((g) => g.GroupName), ['crew']);
      const keys = (await iam().send(new ListAccessKeysCommand({ UserName: 'renamed' }))).AccessKeyMetadata ?? [];
      assert.deepEqual(keys.map((k) => [k.AccessKeyId, k.UserName]), [[key.accessKeyId, 'renamed']]);
      // The old key signs as the renamed user, and its policies still apply.
      const sts = stsClient(server(), key);
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, moved.Arn);
      const profiles = server().client({ credentials: key });
      await rejectsWith(profiles.send(new GetDomainCommand({ DomainName: 'none' })), 'ResourceNotFoundException', 404);

      await iam().send(new UpdateGroupCommand({ GroupName: 'crew', NewGroupName: 'team', NewPath: '/t/' }));
      const team = await iam().send(new GetGroupCommand({ GroupName: 'team' }));
      assert.deepEqual([team.Group?.Arn, team.Users?.map((u) => u.UserName)], [`arn:aws:iam::${ACCOUNT}:group/t/team`, ['renamed']]);
      await rejectsWith(iam().send(new GetGroupCommand({ GroupName: 'crew' })), 'NoSuchEntityException', 404);
      await rejectsWith(iam().send(new UpdateGroupCommand({ GroupName: 'crew', NewGroupName: 'x' })), 'NoSuchEntityException', 404);

      await iam().send(new DeleteGroupPolicyCommand({ GroupName: 'team', PolicyName: 'g' }));
      await iam().send(new RemoveUserFromGroupCommand({ GroupName: 'team', UserName: 'renamed' }));
      await iam().send(new DeleteGroupCommand({ GroupName: 'team' }));
      await iam().send(new DetachUserPolicyCommand({ UserName: 'renamed', PolicyArn: managed }));
      await iam().send(new DeletePolicyCommand({ PolicyArn: managed }));
      await iam().send(new DeleteUserPolicyCommand({ UserName: 'renamed', PolicyName: 'p0' }));
      await iam().send(new UntagUserCommand({ UserName: 'renamed', TagKeys: ['team'] }));
      await iam().send(new DeleteAccessKeyCommand({ UserName: 'renamed', AccessKeyId: key.accessKeyId }));
      await iam().send(new DeleteUserCommand({ UserName: 'renamed' }));
      await iam().send(new DeleteUserCommand({ UserName: 'taken' }));
      sts.destroy();
      profiles.destroy();
    });

    test('UpdateRole changes the description and the longest session, and only what is given', async () => {
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
      await iam().send(new CreateRoleCommand({ RoleName: 'Upd', AssumeRolePolicyDocument: trust, Description: 'first' }));
      await iam().send(new UpdateRoleCommand({ RoleName: 'upd', MaxSessionDuration: 7200 }));
      const role = (await iam().send(new GetRoleCommand({ RoleName: 'Upd' }))).Role!;
      assert.deepEqual([role.Description, role.MaxSessionDuration], ['first', 7200]);
      await iam().send(new UpdateRoleCommand({ RoleName: 'Upd', Description: 'second' }));
      const again = (await iam().send(new GetRoleCommand({ RoleName: 'Upd' }))).Role!;
      assert.deepEqual([again.Description, again.MaxSessionDuration], ['second', 7200]);
      await rejectsWith(iam().send(new UpdateRoleCommand({ RoleName: 'Upd', MaxSessionDuration: 60 })), 'ValidationError', 400);
      await rejectsWith(iam().send(new UpdateRoleCommand({ RoleName: 'nobody', Description: 'x' })), 'NoSuchEntityException', 404);
      await iam().send(new DeleteRoleCommand({ RoleName: 'Upd' }));
    });
  });
}
