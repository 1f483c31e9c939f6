// PathPrefix and Marker/MaxItems on the IAM List operations, through @aws-sdk/client-iam on every
// backend: a listing read one item a page gives the whole listing, in order, and then stops.
import { describe, test } from 'node:test';
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
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupsForUserCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListUserPoliciesCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { backends, useServer } from '../support/backends.js';
import { policyDocument, useIam } from '../support/iam.js';

const READ = policyDocument({ Effect: 'Allow', Action: 'profile:Get*', Resource: '*' });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }] });

interface Paged {
  IsTruncated?: boolean;
  Marker?: string;
}

/** Every page of a listing read with MaxItems 1: the items of each page, and whether each said more followed. */
async function onePerPage<T extends Paged>(fetch: (page: { MaxItems: number; Marker?: string }) => Promise<T>, items: (answer: T) => string[]): Promise<string[][]> {
  const pages: string[][] = [];
  let marker: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const answer = await fetch({ MaxItems: 1, ...(marker === undefined ? {} : { Marker: marker }) });
    pages.push(items(answer));
    assert.equal(answer.IsTruncated, answer.Marker !== undefined, 'a Marker exactly when truncated');
    if (!answer.IsTruncated) return pages;
    marker = answer.Marker;
  }
  assert.fail('the listing did not end');
}

for (const backend of backends()) {
  describe(`IAM list paging on ${backend.name}`, { skip: backend.skip }, () => {
    const server = useServer(backend);
    const iam = useIam(server);

    test('users and policies by PathPrefix; a user\'s inline and attached policies, groups, tags and keys one a page', async () => {
      await iam().send(new CreateUserCommand({ UserName: 'pat', Path: '/eng/', Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '1' }] }));
      await iam().send(new CreateUserCommand({ UserName: 'sue', Path: '/ops/' }));
      assert.deepEqual((await iam().send(new ListUsersCommand({ PathPrefix: '/eng' }))).Users?.map((u) => u.UserName), ['pat']);
      const eng = (await iam().send(new CreatePolicyCommand({ PolicyName: 'EngRead', Path: '/eng/', PolicyDocument: READ }))).Policy!.Arn!;
      const ops = (await iam().send(new CreatePolicyCommand({ PolicyName: 'OpsRead', Path: '/ops/', PolicyDocument: READ }))).Policy!.Arn!;
      assert.deepEqual((await iam().send(new ListPoliciesCommand({ PathPrefix: '/ops/' }))).Policies?.map((p) => p.PolicyName), ['OpsRead']);

      for (const name of ['zeta', 'Alpha', 'mid']) await iam().send(new PutUserPolicyCommand({ UserName: 'pat', PolicyName: name, PolicyDocument: READ }));
      assert.deepEqual(await onePerPage((page) => iam().send(new ListUserPoliciesCommand({ UserName: 'pat', ...page })), (a) => a.PolicyNames ?? []), [['Alpha'], ['mid'], ['zeta']]);

      for (const arn of [ops, eng]) await iam().send(new AttachUserPolicyCommand({ UserName: 'pat', PolicyArn: arn }));
      assert.deepEqual(await onePerPage((page) => iam().send(new ListAttachedUserPoliciesCommand({ UserName: 'pat', ...page })), (a) => a.AttachedPolicies?.map((p) => p.PolicyName!) ?? []), [['EngRead'], ['OpsRead']]);
      assert.deepEqual((await iam().send(new ListAttachedUserPoliciesCommand({ UserName: 'pat', PathPrefix: '/ops/' }))).AttachedPolicies?.map((p) => p.PolicyArn), [ops]);

      for (const name of ['g2', 'g1']) {
        await iam().send(new CreateGroupCommand({ GroupName: name }));
        await iam().send(new AddUserToGroupCommand({ GroupName: name, UserName: 'pat' }));
      }
      assert.deepEqual(await onePerPage((page) => iam().send(new ListGroupsForUserCommand({ UserName: 'pat', ...page })), (a) => a.Groups?.map((g) => g.GroupName!) ?? []), [['g1'], ['g2']]);
      assert.deepEqual(await onePerPage((page) => iam().send(new ListUserTagsCommand({ UserName: 'pat', ...page })), (a) => a.Tags?.map((t) => t.Key!) ?? []), [['a'], ['b']]);

      const keys = [];
      for (let i = 0; i < 2; i++) keys.push((await iam().send(new CreateAccessKeyCommand({ UserName: 'pat' }))).AccessKey!.AccessKeyId!);
      assert.deepEqual(await onePerPage((page) => iam().send(new ListAccessKeysCommand({ UserName: 'pat', ...page })), (a) => a.AccessKeyMetadata?.map((k) => k.AccessKeyId!) ?? []), keys.sort().map((k) => [k]));
    });

    test('policy versions in creation order, and the entities of a policy across users, groups and roles, one a page', async () => {
      const arn = (await iam().send(new CreatePolicyCommand({ PolicyName: 'Paged', PolicyDocument: READ }))).Policy!.Arn!;
      for (let i = 0; i < 3; i++) await iam().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: READ }));
      assert.deepEqual(await onePerPage((page) => iam().send(new ListPolicyVersionsCommand({ PolicyArn: arn, ...page })), (a) => a.Versions?.map((v) => v.VersionId!) ?? []), [['v1'], ['v2'], ['v3'], ['v4']]);

      await iam().send(new CreateUserCommand({ UserName: 'u1' }));
      await iam().send(new AttachUserPolicyCommand({ UserName: 'u1', PolicyArn: arn }));
      await iam().send(new CreateGroupCommand({ GroupName: 'team' }));
      await iam().send(new AttachGroupPolicyCommand({ GroupName: 'team', PolicyArn: arn }));
      await iam().send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: TRUST }));
      await iam().send(new AttachRolePolicyCommand({ RoleName: 'r1', PolicyArn: arn }));
      const names = (a: { PolicyUsers?: Array<{ UserName?: string }>; PolicyGroups?: Array<{ GroupName?: string }>; PolicyRoles?: Array<{ RoleName?: string }> }) => [
        ...(a.PolicyUsers ?? []).map((u) => `user ${u.UserName}`),
        ...(a.PolicyGroups ?? []).map((g) => `group ${g.GroupName}`),
        ...(a.PolicyRoles ?? []).map((r) => `role ${r.RoleName}`),
      ];
      assert.deepEqual(await onePerPage((page) => iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, ...page })), (a) => names(a)), [['user u1'], ['group team'], ['role r1']]);
      const twoThenOne = await iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, MaxItems: 2 }));
      assert.deepEqual([names(twoThenOne), twoThenOne.IsTruncated], [['user u1', 'group team'], true]);
      await iam().send(new CreateRoleCommand({ RoleName: 'r2', Path: '/svc/', AssumeRolePolicyDocument: TRUST }));
      await iam().send(new AttachRolePolicyCommand({ RoleName: 'r2', PolicyArn: arn }));
      assert.deepEqual(names(await iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, PathPrefix: '/svc/' }))), ['role r2']);
    });
  });
}
