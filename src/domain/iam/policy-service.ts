// IAM policies: inline policies of users, groups and roles; managed policies with up to five
// versions; attaching them. Every document is validated by the policy engine when written.
import type { IamEntityRef, IamEntitySummary, ManagedPolicyRecord, Page, PolicyVersionRecord, Store } from '../../storage/ports.js';
import { UniqueViolationError } from '../../storage/errors.js';
import { defaultVersionInUse, limitExceeded, noSuchEntity, noSuchPolicy, noSuchPolicyVersion, policyAlreadyExists, policyInUse } from './errors.js';
import type { IamContext } from './iam-context.js';
import { newUniqueId, parseIamArn, policyArn } from './names.js';
import { validIdentityPolicy } from './policy-text.js';

const MAX_VERSIONS = 5;

export class PolicyService {
  constructor(private readonly store: Store) {}

  /** The entity must exist; its stored spelling is used from then on. */
  async entity(accountId: string, ref: IamEntityRef): Promise<IamEntityRef> {
    const repo = this.store.iam[ref.kind === 'user' ? 'users' : ref.kind === 'group' ? 'groups' : 'roles'];
    const found = await repo.get(accountId, ref.name);
    if (!found) throw noSuchEntity(ref.kind, ref.name);
    return { kind: ref.kind, name: found.name };
  }

  async putInline(accountId: string, ref: IamEntityRef, policyName: string, document: string): Promise<void> {
    const entity = await this.entity(accountId, ref);
    await this.store.iam.policies.putInline(accountId, entity, policyName, validIdentityPolicy(document));
  }

  async getInline(accountId: string, ref: IamEntityRef, policyName: string): Promise<string> {
    const entity = await this.entity(accountId, ref);
    const document = await this.store.iam.policies.getInline(accountId, entity, policyName);
    if (document === undefined) throw noSuchEntity(`${ref.kind} policy` as 'user policy', policyName);
    return document;
  }

  async listInline(accountId: string, ref: IamEntityRef): Promise<string[]> {
    return this.store.iam.policies.listInline(accountId, await this.entity(accountId, ref));
  }

  async deleteInline(accountId: string, ref: IamEntityRef, policyName: string): Promise<void> {
    const entity = await this.entity(accountId, ref);
    if (!(await this.store.iam.policies.deleteInline(accountId, entity, policyName))) throw noSuchEntity(`${ref.kind} policy` as 'user policy', policyName);
  }

  async create(ctx: IamContext, name: string, path: string, document: string, description: string | undefined): Promise<ManagedPolicyRecord> {
    const policy: ManagedPolicyRecord = {
      name,
      policyId: newUniqueId('ANPA'),
      path,
      defaultVersionId: 'v1',
      createdAt: ctx.now,
      updatedAt: ctx.now,
      ...(description === undefined ? {} : { description }),
    };
    const text = validIdentityPolicy(document);
    try {
      await this.store.transaction((repos) => repos.iam.policies.createManaged(ctx.accountId, policy, text));
    } catch (error) {
      if (error instanceof UniqueViolationError) throw policyAlreadyExists(name);
      throw error;
    }
    return policy;
  }

  /** The ARN of the policy another ARN names, as stored for a permissions boundary (the policy's own spelling). */
  async canonicalArn(accountId: string, arn: string): Promise<string> {
    const policy = await this.get(accountId, arn);
    return policyArn(accountId, policy.path, policy.name);
  }

  /** The managed policy an ARN names in the caller's account. */
  async get(accountId: string, arn: string): Promise<ManagedPolicyRecord> {
    const parsed = parseIamArn(arn, 'policy');
    const policy = parsed && parsed.accountId === accountId ? await this.store.iam.policies.getManaged(accountId, parsed.name) : undefined;
    if (!policy || policy.path !== parsed?.path) throw noSuchPolicy(arn);
    return policy;
  }

  async attachmentCount(accountId: string, policy: ManagedPolicyRecord): Promise<number> {
    return this.store.iam.policies.countAttachments(accountId, policy.name);
  }

  async getVersion(accountId: string, arn: string, versionId: string): Promise<PolicyVersionRecord> {
    const policy = await this.get(accountId, arn);
    const version = await this.store.iam.policies.getVersion(accountId, policy.name, versionId);
    if (!version) throw noSuchPolicyVersion(arn, versionId);
    return version;
  }

  async createVersion(ctx: IamContext, arn: string, document: string, setAsDefault: boolean): Promise<PolicyVersionRecord> {
    const text = validIdentityPolicy(document);
    const policy = await this.get(ctx.accountId, arn);
    return this.store.transaction(async (repos) => {
      const versions = await repos.iam.policies.listVersions(ctx.accountId, policy.name);
      if (versions.length >= MAX_VERSIONS) throw limitExceeded('PolicyVersionsPerManagedPolicy', MAX_VERSIONS);
      const next = Math.max(...versions.map((v) => Number(v.versionId.slice(1)) || 0)) + 1;
      const version: PolicyVersionRecord = { versionId: `v${next}`, document: text, createdAt: ctx.now };
      await repos.iam.policies.addVersion(ctx.accountId, policy.name, version, setAsDefault);
      return version;
    });
  }

  list(accountId: string, limit: number, after: string | undefined, pathPrefix: string | undefined): Promise<Page<ManagedPolicyRecord>> {
    return this.store.iam.policies.listManaged(accountId, { limit, ...(after === undefined ? {} : { after }) }, pathPrefix);
  }

  async delete(accountId: string, arn: string): Promise<void> {
    const policy = await this.get(accountId, arn);
    // A boundary whose policy is gone would bound nothing: the policy stays while it is one.
    if ((await this.store.iam.policies.countAttachments(accountId, policy.name)) > 0 || (await this.boundaryUsage(accountId, arn)).length > 0) throw policyInUse();
    await this.store.transaction((repos) => repos.iam.policies.deleteManaged(accountId, policy.name));
  }

  async attach(accountId: string, ref: IamEntityRef, arn: string): Promise<void> {
    const [entity, policy] = [await this.entity(accountId, ref), await this.get(accountId, arn)];
    await this.store.iam.policies.attach(accountId, entity, policy.name);
  }

  async detach(accountId: string, ref: IamEntityRef, arn: string): Promise<void> {
    const [entity, policy] = [await this.entity(accountId, ref), await this.get(accountId, arn)];
    if (!(await this.store.iam.policies.detach(accountId, entity, policy.name))) throw noSuchPolicy(arn);
  }

  async listAttached(accountId: string, ref: IamEntityRef): Promise<Array<{ name: string; arn: string }>> {
    const attached = await this.store.iam.policies.listAttached(accountId, await this.entity(accountId, ref));
    return attached.map((policy) => ({ name: policy.name, arn: policyArn(accountId, policy.path, policy.name) }));
  }

  async listVersions(accountId: string, arn: string): Promise<{ policy: ManagedPolicyRecord; versions: PolicyVersionRecord[] }> {
    const policy = await this.get(accountId, arn);
    return { policy, versions: await this.store.iam.policies.listVersions(accountId, policy.name) };
  }

  async setDefaultVersion(ctx: IamContext, arn: string, versionId: string): Promise<void> {
    const policy = await this.get(ctx.accountId, arn);
    if (!(await this.store.iam.policies.getVersion(ctx.accountId, policy.name, versionId))) throw noSuchPolicyVersion(arn, versionId);
    await this.store.iam.policies.setDefaultVersion(ctx.accountId, policy.name, versionId, ctx.now);
  }

  async deleteVersion(accountId: string, arn: string, versionId: string): Promise<void> {
    const policy = await this.get(accountId, arn);
    if (policy.defaultVersionId === versionId) throw defaultVersionInUse();
    if (!(await this.store.iam.policies.deleteVersion(accountId, policy.name, versionId))) throw noSuchPolicyVersion(arn, versionId);
  }

  /** Entities the policy is attached to (PermissionsPolicy) and those it bounds (PermissionsBoundary). */
  async entities(accountId: string, arn: string): Promise<{ attached: IamEntitySummary[]; bounded: IamEntitySummary[] }> {
    const policy = await this.get(accountId, arn);
    const [attached, bounded] = await Promise.all([this.store.iam.policies.listAttachedEntities(accountId, policy.name), this.boundaryUsage(accountId, arn)]);
    return { attached, bounded };
  }

  /** Users and roles whose boundary is the policy. */
  private async boundaryUsage(accountId: string, arn: string): Promise<IamEntitySummary[]> {
    const canonical = await this.canonicalArn(accountId, arn);
    const [users, roles] = await Promise.all([this.store.iam.users.listByBoundary(accountId, canonical), this.store.iam.roles.listByBoundary(accountId, canonical)]);
    return [...users.map((u) => ({ kind: 'user' as const, name: u.name, id: u.userId })), ...roles.map((r) => ({ kind: 'role' as const, name: r.name, id: r.roleId }))];
  }
}
