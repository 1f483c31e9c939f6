// Conformance cases for the IAM repositories: case-insensitive names, paging, groups, policies, attachments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UniqueViolationError } from '../../../src/storage/errors.js';
import type { IamEntityRef } from '../../../src/storage/ports.js';
import { newAccountId } from './target.js';
import type { SuiteContext } from './target.js';

const T0 = new Date(1_700_000_000_123);
const user = (name: string) => ({ name, userId: `AIDA${name.toUpperCase()}`, path: '/', createdAt: T0 });
const policy = (name: string) => ({ name, policyId: `ANPA${name}`, path: '/team/', defaultVersionId: 'v1', createdAt: T0, updatedAt: T0 });
const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

export function iamCases(ctx: SuiteContext): void {
  describe('iam', () => {
    it('users are unique without regard to case, found in any case, and paged by name', async () => {
      const { iam } = ctx.store();
      const account = newAccountId();
      for (const name of ['carol', 'Alice', 'bob']) await iam.users.create(account, user(name));
      await assert.rejects(iam.users.create(account, user('ALICE')), UniqueViolationError);
      assert.equal((await iam.users.get(account, 'alice'))?.name, 'Alice');
      assert.equal(await iam.users.get(newAccountId(), 'alice'), undefined, 'another account sees nothing');
      const first = await iam.users.list(account, { limit: 2 });
      assert.deepEqual(first.items.map((u) => u.name), ['Alice', 'bob']);
      const second = await iam.users.list(account, { limit: 2, after: first.nextAfter! });
      assert.deepEqual(second.items.map((u) => u.name), ['carol']);
      assert.equal(second.nextAfter, undefined);
      assert.equal(await iam.users.setPermissionsBoundary(account, 'BOB', 'arn:aws:iam::1:policy/b'), true);
      assert.equal((await iam.users.get(account, 'bob'))?.permissionsBoundaryArn, 'arn:aws:iam::1:policy/b');
      assert.equal(await iam.users.delete(account, 'CAROL'), true);
      assert.equal(await iam.users.delete(account, 'carol'), false);
    });

    it('group membership adds once, lists the groups of a user and counts members', async () => {
      const { iam } = ctx.store();
      const account = newAccountId();
      await iam.users.create(account, user('dave'));
      for (const name of ['ops', 'Dev']) await iam.groups.create(account, { name, groupId: `AGPA${name}`, path: '/', createdAt: T0 });
      assert.equal(await iam.groups.addMember(account, 'ops', 'dave'), true);
      assert.equal(await iam.groups.addMember(account, 'OPS', 'Dave'), false);
      await iam.groups.addMember(account, 'dev', 'dave');
      assert.deepEqual((await iam.groups.listForUser(account, 'DAVE')).map((g) => g.name), ['Dev', 'ops']);
      assert.equal(await iam.groups.countMembers(account, 'ops'), 1);
      assert.equal(await iam.groups.removeMember(account, 'ops', 'dave'), true);
      assert.equal(await iam.groups.countMembers(account, 'ops'), 0);
    });

    it('tags of users and roles are kept apart', async () => {
      const { iam } = ctx.store();
      const account = newAccountId();
      const u: IamEntityRef = { kind: 'user', name: 'erin' };
      const r: IamEntityRef = { kind: 'role', name: 'erin' };
      await iam.tags.put(account, u, { team: 'blue', env: 'dev' });
      await iam.tags.put(account, u, { team: 'red' });
      await iam.tags.put(account, r, { team: 'green' });
      await iam.tags.remove(account, u, ['env']);
      assert.deepEqual(await iam.tags.get(account, u), { team: 'red' });
      assert.deepEqual(await iam.tags.get(account, r), { team: 'green' });
      await iam.tags.removeAll(account, u);
      assert.deepEqual(await iam.tags.get(account, u), {});
    });

    it('managed policies keep versions and a default; deleting removes them all', async () => {
      const { iam } = ctx.store();
      const account = newAccountId();
      await iam.policies.createManaged(account, policy('ReadOnly'), doc('profile:Get*'));
      await assert.rejects(iam.policies.createManaged(account, policy('readonly'), doc('x:y')), UniqueViolationError);
      await iam.policies.addVersion(account, 'readonly', { versionId: 'v2', document: doc('profile:List*'), createdAt: new Date(T0.getTime() + 1) }, true);
      assert.equal((await iam.policies.getManaged(account, 'ReadOnly'))?.defaultVersionId, 'v2');
      assert.deepEqual((await iam.policies.listVersions(account, 'ReadOnly')).map((v) => v.versionId), ['v1', 'v2']);
      assert.equal((await iam.policies.getVersion(account, 'ReadOnly', 'v1'))?.document, doc('profile:Get*'));
      assert.equal(await iam.policies.deleteManaged(account, 'ReadOnly'), true);
      assert.equal(await iam.policies.getVersion(account, 'ReadOnly', 'v1'), undefined);
      assert.deepEqual((await iam.policies.listManaged(account, { limit: 10 })).items, []);
    });

    it("gathers a user's inline, group and attached policies, and the boundary's default version", async () => {
      const { iam } = ctx.store();
      const account = newAccountId();
      const alice: IamEntityRef = { kind: 'user', name: 'alice' };
      const ops: IamEntityRef = { kind: 'group', name: 'ops' };
      await iam.users.create(account, user('alice'));
      await iam.groups.create(account, { name: 'ops', groupId: 'AGPAOPS', path: '/', createdAt: T0 });
      await iam.groups.addMember(account, 'ops', 'alice');
      await iam.policies.putInline(account, alice, 'own', doc('a:1'));
      await iam.policies.putInline(account, alice, 'own', doc('a:2'));
      await iam.policies.putInline(account, ops, 'group-inline', doc('g:1'));
      await iam.policies.putInline(account, { kind: 'group', name: 'other' }, 'not-mine', doc('x:1'));
      for (const name of ['Attached', 'GroupAttached', 'Boundary']) await iam.policies.createManaged(account, policy(name), doc(`m:${name}`));
      assert.equal(await iam.policies.attach(account, alice, 'attached'), true);
      assert.equal(await iam.policies.attach(account, alice, 'Attached'), false);
      await iam.policies.attach(account, ops, 'GroupAttached');
      await iam.policies.addVersion(account, 'GroupAttached', { versionId: 'v2', document: doc('m:GroupAttached:v2'), createdAt: T0 }, true);
      assert.deepEqual((await iam.policies.listAttached(account, alice)).map((p) => p.name), ['Attached']);
      assert.equal(await iam.policies.countAttachments(account, 'GroupAttached'), 1);
      const gathered = await iam.policies.principalPolicies(account, alice, 'Boundary');
      assert.deepEqual([...gathered.identity].sort(), [doc('a:2'), doc('g:1'), doc('m:Attached'), doc('m:GroupAttached:v2')].sort());
      assert.equal(gathered.permissionsBoundary, doc('m:Boundary'));
      assert.deepEqual(await iam.policies.listInline(account, alice), ['own']);
      assert.equal(await iam.policies.deleteInline(account, alice, 'own'), true);
      assert.equal(await iam.policies.detach(account, alice, 'ATTACHED'), true);
      assert.deepEqual((await iam.policies.principalPolicies(account, alice, undefined)).identity.length, 2);
    });

    it('a renamed user takes its keys, groups, policies and tags along; a renamed group its members; paths filter lists', async () => {
      const store = ctx.store();
      const { iam, accounts, accessKeys } = store;
      const account = newAccountId();
      await accounts.create(account, T0);
      await iam.users.create(account, user('fay'));
      await iam.users.create(account, user('gil'));
      await iam.groups.create(account, { name: 'crew', groupId: 'AGPACREW', path: '/', createdAt: T0 });
      await iam.groups.addMember(account, 'crew', 'fay');
      await iam.policies.putInline(account, { kind: 'user', name: 'fay' }, 'own', doc('a:1'));
      await iam.policies.putInline(account, { kind: 'group', name: 'crew' }, 'team', doc('g:1'));
      await iam.policies.createManaged(account, policy('Shared'), doc('m:1'));
      await iam.policies.attach(account, { kind: 'user', name: 'fay' }, 'Shared');
      await iam.tags.put(account, { kind: 'user', name: 'fay' }, { team: 'blue' });
      await accessKeys.create({ accessKeyId: `AKIA${account}F`, accountId: account, principalKind: 'user', principalName: 'fay', sealedSecret: 's', status: 'Active', createdAt: T0 });

      await assert.rejects(store.transaction((repos) => repos.iam.users.rename(account, 'fay', { newName: 'GIL' })), UniqueViolationError);
      assert.equal(await store.transaction((repos) => repos.iam.users.rename(account, 'FAY', { newName: 'Faye', newPath: '/moved/' })), true);
      assert.equal(await store.transaction((repos) => repos.iam.users.rename(account, 'fay', { newPath: '/x/' })), false);
      const faye: IamEntityRef = { kind: 'user', name: 'faye' };
      assert.deepEqual([(await iam.users.get(account, 'faye'))?.name, (await iam.users.get(account, 'faye'))?.path, await iam.users.get(account, 'fay')], ['Faye', '/moved/', undefined]);
      assert.deepEqual((await iam.users.list(account, { limit: 10 }, '/mov')).items.map((u) => u.name), ['Faye']);
      assert.deepEqual(await iam.policies.listInline(account, faye), ['own']);
      assert.deepEqual((await iam.policies.listAttached(account, faye)).map((p) => p.name), ['Shared']);
      assert.deepEqual(await iam.tags.get(account, faye), { team: 'blue' });
      assert.deepEqual((await iam.groups.listForUser(account, 'faye')).map((g) => g.name), ['crew']);
      assert.deepEqual((await accessKeys.listForPrincipal(account, 'user', 'Faye')).map((k) => k.accessKeyId), [`AKIA${account}F`]);

      assert.equal(await store.transaction((repos) => repos.iam.groups.rename(account, 'crew', { newName: 'Team', newPath: '/t/' })), true);
      assert.deepEqual((await iam.groups.listMembers(account, 'team', { limit: 10 })).items.map((u) => u.name), ['Faye']);
      assert.deepEqual(await iam.policies.listInline(account, { kind: 'group', name: 'team' }), ['team']);
      assert.deepEqual((await iam.policies.listManaged(account, { limit: 10 }, '/team/')).items.map((p) => p.name), ['Shared']);
      assert.deepEqual((await iam.policies.listManaged(account, { limit: 10 }, '/other/')).items, []);
    });

    it('a role update changes only what it is given', async () => {
      const { iam } = ctx.store();
      const account = newAccountId();
      await iam.roles.create(account, { name: 'Ops', roleId: 'AROAOPS', path: '/', trustPolicy: '{}', description: 'first', maxSessionDuration: 3600, createdAt: T0 });
      assert.equal(await iam.roles.update(account, 'ops', { maxSessionDuration: 7200 }), true);
      assert.deepEqual([(await iam.roles.get(account, 'Ops'))?.description, (await iam.roles.get(account, 'Ops'))?.maxSessionDuration], ['first', 7200]);
      assert.equal(await iam.roles.update(account, 'nobody', { description: 'x' }), false);
    });

    it('access keys change status and are deleted only within their account; session data round-trips', async () => {
      const { accounts, accessKeys } = ctx.store();
      const account = newAccountId();
      await accounts.create(account, T0);
      const key = {
        accessKeyId: `ASIA${account}X`,
        accountId: account,
        principalKind: 'role-session' as const,
        principalName: 'Ops/s1',
        sealedSecret: 'sealed',
        status: 'Active' as const,
        sessionTokenSha256: 'b'.repeat(64),
        expiresAt: new Date(T0.getTime() + 3_600_000),
        sessionTags: { team: 'blue' },
        sessionPolicy: doc('profile:Get*'),
        createdAt: T0,
      };
      await accessKeys.create(key);
      assert.deepEqual(await accessKeys.findById(key.accessKeyId), key);
      assert.equal(await accessKeys.setStatus(newAccountId(), key.accessKeyId, 'Inactive'), false);
      assert.equal(await accessKeys.setStatus(account, key.accessKeyId, 'Inactive'), true);
      assert.equal((await accessKeys.findById(key.accessKeyId))?.status, 'Inactive');
      assert.equal(await accessKeys.delete(newAccountId(), key.accessKeyId), false);
      assert.equal(await accessKeys.delete(account, key.accessKeyId), true);
      assert.equal(await accessKeys.findById(key.accessKeyId), undefined);
      await accessKeys.create({ ...key, accessKeyId: `ASIA${account}Y` });
      await accessKeys.create({ accessKeyId: `AKIA${account}Z`, accountId: account, principalKind: 'user', principalName: 'u', sealedSecret: 's', status: 'Active', createdAt: T0 });
      assert.equal(await accessKeys.deleteExpired(account, key.expiresAt), 0, 'not yet expired at its expiry instant');
      assert.equal(await accessKeys.deleteExpired(account, new Date(key.expiresAt.getTime() + 1)), 1, 'long-term keys never expire');
      assert.equal((await accessKeys.findById(`AKIA${account}Z`))?.status, 'Active');
    });
  });
}
