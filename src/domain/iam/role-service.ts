// IAM roles: a trust policy (who may assume it), tags, a session-length cap and an optional boundary.
import type { IamRoleRecord, Page, Store, Tags } from '../../storage/ports.js';
import { UniqueViolationError } from '../../storage/errors.js';
import { deleteConflict, entityAlreadyExists, limitExceeded, noSuchEntity } from './errors.js';
import type { IamContext } from './iam-context.js';
import { newUniqueId } from './names.js';
import { validTrustPolicy } from './policy-text.js';
import type { PolicyService } from './policy-service.js';

export const DEFAULT_MAX_SESSION_SECONDS = 3600;
const MAX_TAGS = 50;

export interface NewRole {
  readonly name: string;
  readonly path: string;
  readonly trustPolicy: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
  readonly permissionsBoundaryArn?: string;
  readonly tags: Tags;
}

export class RoleService {
  constructor(
    private readonly store: Store,
    private readonly policies: PolicyService,
  ) {}

  async create(ctx: IamContext, input: NewRole): Promise<IamRoleRecord> {
    const boundary = input.permissionsBoundaryArn === undefined ? undefined : await this.policies.canonicalArn(ctx.accountId, input.permissionsBoundaryArn);
    const role: IamRoleRecord = {
      name: input.name,
      roleId: newUniqueId('AROA'),
      path: input.path,
      trustPolicy: validTrustPolicy(input.trustPolicy),
      maxSessionDuration: input.maxSessionDuration ?? DEFAULT_MAX_SESSION_SECONDS,
      createdAt: ctx.now,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(boundary === undefined ? {} : { permissionsBoundaryArn: boundary }),
    };
    try {
      await this.store.transaction(async (repos) => {
        await repos.iam.roles.create(ctx.accountId, role);
        await repos.iam.tags.put(ctx.accountId, { kind: 'role', name: role.name }, input.tags);
      });
    } catch (error) {
      if (error instanceof UniqueViolationError) throw entityAlreadyExists('Role', input.name);
      throw error;
    }
    return role;
  }

  async get(accountId: string, name: string): Promise<IamRoleRecord> {
    const role = await this.store.iam.roles.get(accountId, name);
    if (!role) throw noSuchEntity('role', name);
    return role;
  }

  tags(accountId: string, role: IamRoleRecord): Promise<Tags> {
    return this.store.iam.tags.get(accountId, { kind: 'role', name: role.name });
  }

  async delete(accountId: string, name: string): Promise<void> {
    const role = await this.get(accountId, name);
    const ref = { kind: 'role', name: role.name } as const;
    if ((await this.store.iam.policies.listInline(accountId, ref)).length > 0) throw deleteConflict('delete policies');
    if ((await this.store.iam.policies.listAttached(accountId, ref)).length > 0) throw deleteConflict('detach all policies');
    await this.store.transaction(async (repos) => {
      await repos.iam.tags.removeAll(accountId, ref);
      await repos.iam.roles.delete(accountId, role.name);
    });
  }

  list(accountId: string, limit: number, after: string | undefined, pathPrefix: string | undefined): Promise<Page<IamRoleRecord>> {
    return this.store.iam.roles.list(accountId, { limit, ...(after === undefined ? {} : { after }) }, pathPrefix);
  }

  /** UpdateRole: its description and/or longest session. */
  async update(accountId: string, name: string, change: { readonly description?: string; readonly maxSessionDuration?: number }): Promise<void> {
    const role = await this.get(accountId, name);
    await this.store.iam.roles.update(accountId, role.name, change);
  }

  async updateTrustPolicy(accountId: string, name: string, document: string): Promise<void> {
    const role = await this.get(accountId, name);
    await this.store.iam.roles.setTrustPolicy(accountId, role.name, validTrustPolicy(document));
  }

  async tag(accountId: string, name: string, tags: Tags): Promise<void> {
    const role = await this.get(accountId, name);
    const ref = { kind: 'role', name: role.name } as const;
    await this.store.transaction(async (repos) => {
      const merged = { ...(await repos.iam.tags.get(accountId, ref)), ...tags };
      if (Object.keys(merged).length > MAX_TAGS) throw limitExceeded('TagsPerRole', MAX_TAGS);
      await repos.iam.tags.put(accountId, ref, tags);
    });
  }

  async untag(accountId: string, name: string, keys: readonly string[]): Promise<void> {
    const role = await this.get(accountId, name);
    await this.store.iam.tags.remove(accountId, { kind: 'role', name: role.name }, keys);
  }

  /** Sets the boundary, or removes it when `boundaryArn` is null (removing none is not an error). */
  async setPermissionsBoundary(accountId: string, name: string, boundaryArn: string | null): Promise<void> {
    const role = await this.get(accountId, name);
    const boundary = boundaryArn === null ? null : await this.policies.canonicalArn(accountId, boundaryArn);
    await this.store.iam.roles.setPermissionsBoundary(accountId, role.name, boundary);
  }
}
