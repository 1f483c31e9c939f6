// The policies a user or role is evaluated with, each with the name and kind the policy simulator
// reports in MatchedStatements: inline policies of the user, its groups or the role, the managed
// policies attached to them (default version), and the permissions boundary.
import type { PolicyDocument } from '../../auth/iam/policy-document.js';
import type { IamEntityRef, Store } from '../../storage/ports.js';
import { parseIamArn } from './names.js';
import { parsedIdentityPolicy } from './policy-text.js';

/** SourcePolicyType values of the IAM model. */
export type PolicySourceType = 'user' | 'group' | 'role' | 'user-managed' | 'none';

export interface PolicySource {
  /** SourcePolicyId: an inline or managed policy's name, or `PolicyInputList.<n>` for a policy given to the simulator. */
  readonly id: string;
  readonly type: PolicySourceType;
  readonly text: string;
  readonly document: PolicyDocument;
}

export interface PolicySources {
  readonly identity: readonly PolicySource[];
  readonly permissionsBoundary?: PolicySource;
}

export function source(id: string, type: PolicySourceType, text: string): PolicySource {
  return { id, type, text, document: parsedIdentityPolicy(text) };
}

/** Policies given in a request (PolicyInputList, PermissionsBoundaryPolicyInputList), numbered from 1 as IAM numbers them. */
export function inputSources(list: string, texts: readonly string[]): PolicySource[] {
  return texts.map((text, i) => source(`${list}.${i + 1}`, 'none', text));
}

export async function principalPolicySources(store: Store, accountId: string, entity: IamEntityRef & { kind: 'user' | 'role' }, boundaryArn: string | undefined): Promise<PolicySources> {
  const identity = await entitySources(store, accountId, entity);
  if (entity.kind === 'user') {
    for (const group of await store.iam.groups.listForUser(accountId, entity.name)) identity.push(...(await entitySources(store, accountId, { kind: 'group', name: group.name })));
  }
  const boundaryName = boundaryArn === undefined ? undefined : parseIamArn(boundaryArn, 'policy')?.name;
  const boundary = boundaryName === undefined ? undefined : await managedSource(store, accountId, boundaryName);
  return { identity, ...(boundary ? { permissionsBoundary: boundary } : {}) };
}

async function entitySources(store: Store, accountId: string, entity: IamEntityRef): Promise<PolicySource[]> {
  const sources: PolicySource[] = [];
  for (const name of await store.iam.policies.listInline(accountId, entity)) {
    const text = await store.iam.policies.getInline(accountId, entity, name);
    if (text !== undefined) sources.push(source(name, entity.kind, text));
  }
  for (const policy of await store.iam.policies.listAttached(accountId, entity)) {
    const found = await managedSource(store, accountId, policy.name);
    if (found) sources.push(found);
  }
  return sources;
}

async function managedSource(store: Store, accountId: string, name: string): Promise<PolicySource | undefined> {
  const policy = await store.iam.policies.getManaged(accountId, name);
  const version = policy && (await store.iam.policies.getVersion(accountId, policy.name, policy.defaultVersionId));
  return version && source(policy.name, 'user-managed', version.document);
}
