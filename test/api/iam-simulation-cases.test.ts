// SimulatePrincipalPolicy agrees with real authorization on every IAM evaluation case: the case's
// principal is made for real, its request is sent as that principal, and the simulator is asked
// about the same action, resources and request context. Cases the real request cannot reproduce
// as written are named, with the reason, in NOT_EXPRESSIBLE; they are still simulated as written.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeletePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  SimulateCustomPolicyCommand,
  ListGroupsCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
  SimulatePrincipalPolicyCommand,
  type ContextEntry,
} from '@aws-sdk/client-iam';
import { backends, useServer } from '../support/backends.js';
import { rejectsWith } from '../support/errors.js';
import { policyDocument, useIam } from '../support/iam.js';
import { ACCOUNT, NOT_EXPRESSIBLE, arrangePrincipal, combine, deleteAllDomains, loadCases, realDecision, realResourcesOf, requestContextOf, type ContextValue } from '../support/iam-cases.js';

const CASES = loadCases();

function contextEntries(context: Record<string, ContextValue>): ContextEntry[] {
  return Object.entries(context).map(([name, value]) =>
    Array.isArray(value)
      ? { ContextKeyName: name, ContextKeyValues: value, ContextKeyType: 'stringList' }
      : { ContextKeyName: name, ContextKeyValues: [value], ContextKeyType: 'string' },
  );
}

for (const backend of backends()) {
  describe(`SimulatePrincipalPolicy against real requests on ${backend.name}`, { skip: backend.skip }, () => {
    const server = useServer(backend);
    const iam = useIam(server);

    const simulate = async (source: string, action: string, resources: string[], context: Record<string, ContextValue>) => {
      const answer = await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: source, ActionNames: [action], ResourceArns: resources, ContextEntries: contextEntries(context) }));
      return combine((answer.EvaluationResults ?? []).map((r) => r.EvalDecision ?? ''));
    };

    test('every evaluation case: the real request, the simulation of it and the expected decision agree', { timeout: 240_000 }, async () => {
      const outcomes: string[] = [];
      const asWritten: string[] = [];
      for (const [index, c] of CASES.entries()) {
        const arranged = await arrangePrincipal(server(), iam(), c, (index % 3) as 0 | 1 | 2);
        try {
          const real = await realDecision(server(), arranged.credentials, c);
          if (arranged.policySourceArn === undefined) {
            await rejectsWith(iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:root`, ActionNames: [c.request.action] })), 'InvalidInputException', 400);
            outcomes.push(`${c.id}: real ${real}, simulated (not a policy source)`);
            continue;
          }
          const simulated = await simulate(arranged.policySourceArn, c.request.action, realResourcesOf(c), requestContextOf(c));
          outcomes.push(`${c.id}: real ${real}, simulated ${simulated}`);
          asWritten.push(`${c.id}: ${await simulate(arranged.policySourceArn, c.request.action, c.request.resources, c.request.context)}`);
        } finally {
          await arranged.cleanUp();
          await deleteAllDomains(server());
        }
      }
      const expected = CASES.map((c) => {
        if (!(c.id in NOT_EXPRESSIBLE)) return `${c.id}: real ${c.expected}, simulated ${c.expected}`;
        const real = outcomes.find((line) => line.startsWith(`${c.id}:`))!.replace(/^.*real (\w+),.*$/, '$1');
        return `${c.id}: real ${real}, simulated ${c.id === 'P01' ? '(not a policy source)' : real}`;
      });
      assert.deepEqual(outcomes, expected);
      // Simulated with the case's own resources and full context, every case gives its expected decision.
      assert.deepEqual(asWritten, CASES.filter((c) => !c.request.principal.endsWith(':root')).map((c) => `${c.id}: ${c.expected}`));
      // The root case is allowed for real, as the case expects.
      assert.ok(outcomes.includes('P01: real Allow, simulated (not a policy source)'));
      // Every entity made for a case was deleted again.
      const left = await Promise.all([
        iam().send(new ListUsersCommand({})).then((r) => r.Users ?? []),
        iam().send(new ListGroupsCommand({})).then((r) => r.Groups ?? []),
        iam().send(new ListRolesCommand({})).then((r) => r.Roles ?? []),
        iam().send(new ListPoliciesCommand({ Scope: 'Local' })).then((r) => r.Policies ?? []),
      ]);
      assert.deepEqual(left.map((list) => list.length), [0, 0, 0, 0]);
    });

    test('MatchedStatements name the deciding policy, its kind and where the statement is; MissingContextValues the keys not given', async () => {
      const statement = '{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}';
      const own = `{\n "Version": "2012-10-17",\n "Statement": [\n  ${statement}\n ]\n}`;
      const D = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/`;
      await iam().send(new CreateUserCommand({ UserName: 'explain' }));
      await iam().send(new PutUserPolicyCommand({ UserName: 'explain', PolicyName: 'own', PolicyDocument: own }));
      await iam().send(new CreateGroupCommand({ GroupName: 'explainers' }));
      await iam().send(new AddUserToGroupCommand({ GroupName: 'explainers', UserName: 'explain' }));
      await iam().send(new PutGroupPolicyCommand({ GroupName: 'explainers', PolicyName: 'team', PolicyDocument: policyDocument({ Effect: 'Deny', Action: 'profile:DeleteDomain', Resource: `${D}secret` }) }));
      const conditional = policyDocument({ Effect: 'Allow', Action: 'profile:CreateDomain', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/env': 'dev' } } });
      const managed = (await iam().send(new CreatePolicyCommand({ PolicyName: 'TaggedCreate', PolicyDocument: conditional }))).Policy!.Arn!;
      await iam().send(new AttachUserPolicyCommand({ UserName: 'explain', PolicyArn: managed }));

      const explain = async (action: string, resource: string, context: Record<string, ContextValue> = {}) => {
        const [result] = (await iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/explain`, ActionNames: [action], ResourceArns: [resource], ContextEntries: contextEntries(context) }))).EvaluationResults ?? [];
        return { decision: result?.EvalDecision, matched: result?.MatchedStatements, missing: result?.MissingContextValues };
      };
      assert.deepEqual(await explain('profile:GetDomain', `${D}open`), {
        decision: 'allowed',
        matched: [{ SourcePolicyId: 'own', SourcePolicyType: 'user', StartPosition: { Line: 4, Column: 3 }, EndPosition: { Line: 4, Column: 2 + statement.length } }],
        missing: [],
      });
      const denied = await explain('profile:DeleteDomain', `${D}secret`);
      assert.deepEqual([denied.decision, denied.matched?.map((m) => [m.SourcePolicyId, m.SourcePolicyType, m.StartPosition?.Line])], ['explicitDeny', [['team', 'group', 1]]]);
      assert.deepEqual(await explain('profile:CreateDomain', `${D}new`), { decision: 'implicitDeny', matched: [], missing: ['aws:RequestTag/env'] });
      const tagged = await explain('profile:CreateDomain', `${D}new`, { 'aws:RequestTag/env': 'dev' });
      assert.deepEqual([tagged.decision, tagged.matched?.map((m) => [m.SourcePolicyId, m.SourcePolicyType]), tagged.missing], ['allowed', [['TaggedCreate', 'user-managed']], []]);

      const custom = await iam().send(
        new SimulateCustomPolicyCommand({ PolicyInputList: [conditional, own], PermissionsBoundaryPolicyInputList: [own], ActionNames: ['profile:GetDomain'], ResourceArns: [`${D}open`] }),
      );
      const [result] = custom.EvaluationResults ?? [];
      assert.deepEqual(result?.MatchedStatements?.map((m) => [m.SourcePolicyId, m.SourcePolicyType]), [['PolicyInputList.2', 'none'], ['PermissionsBoundaryPolicyInputList.1', 'none']]);
      // Results page by MaxItems and Marker, in action × resource order.
      const paged = { PolicyInputList: [own], ActionNames: ['profile:GetDomain', 'profile:ListDomains'], ResourceArns: [`${D}a`, `${D}b`], MaxItems: 3 };
      const first = await iam().send(new SimulateCustomPolicyCommand(paged));
      const rest = await iam().send(new SimulateCustomPolicyCommand({ ...paged, Marker: first.Marker }));
      const pairs = (page: typeof first) => (page.EvaluationResults ?? []).map((r) => `${r.EvalActionName} ${r.EvalResourceName?.slice(D.length)}`);
      assert.deepEqual([pairs(first), first.IsTruncated, pairs(rest), rest.IsTruncated], [['profile:GetDomain a', 'profile:GetDomain b', 'profile:ListDomains a'], true, ['profile:ListDomains b'], false]);

      await iam().send(new DetachUserPolicyCommand({ UserName: 'explain', PolicyArn: managed }));
      await iam().send(new DeletePolicyCommand({ PolicyArn: managed }));
      await iam().send(new DeleteGroupPolicyCommand({ GroupName: 'explainers', PolicyName: 'team' }));
      await iam().send(new RemoveUserFromGroupCommand({ GroupName: 'explainers', UserName: 'explain' }));
      await iam().send(new DeleteGroupCommand({ GroupName: 'explainers' }));
      await iam().send(new DeleteUserPolicyCommand({ UserName: 'explain', PolicyName: 'own' }));
      await iam().send(new DeleteUserCommand({ UserName: 'explain' }));
    });
  });
}
