// IAM roles: a trust policy (who may assume it), tags, a session-length cap and an optional boundary.
import type { IamRoleRecord, Store, Tags } from '../../storage/ports.js';
import { UniqueViolationError } from '../../storage/errors.js';
import { deleteConflict, entityAlreadyExists, noSuchEntity } from './errors.js';
import type { IamContext } from './iam-context.js';
import { newUniqueId } from './names.js';
import { validTrustPolicy } from './policy-text.js';
import type { PolicyService } from './policy-service.js';

export const DEFAULT_MAX_SESSION_SECONDS = 3600;

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
    if (input.permissionsBoundaryArn !== undefined) await this.policies.get(ctx.accountId, input.permissionsBoundaryArn);
    const role: IamRoleRecord = {
      name: input.name,
      roleId: newUniqueId('AROA'),
      path: input.path,
      trustPolicy: validTrustPolicy(input.trustPolicy),
      maxSessionDuration: input.maxSessionDuration ?? DEFAULT_MAX_SESSION_SECONDS,
      createdAt: ctx.now,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.permissionsBoundaryArn === undefined ? {} : { permissionsBoundaryArn: input.permissionsBoundaryArn }),
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
}
