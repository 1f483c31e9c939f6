// IAM users: create, read, list, delete (refused while anything still hangs off the user), tags, boundary.
import type { EntityRename, IamUserRecord, Page, Store, Tags } from '../../storage/ports.js';
import { UniqueViolationError } from '../../storage/errors.js';
import { deleteConflict, entityAlreadyExists, noSuchEntity, limitExceeded } from './errors.js';
import type { IamContext } from './iam-context.js';
import { newUniqueId } from './names.js';
import type { PolicyService } from './policy-service.js';

const MAX_TAGS = 50;

export class UserService {
  constructor(
    private readonly store: Store,
    private readonly policies: PolicyService,
  ) {}

  async create(ctx: IamContext, name: string, path: string, tags: Tags, boundaryArn: string | undefined): Promise<IamUserRecord> {
    const boundary = boundaryArn === undefined ? undefined : await this.policies.canonicalArn(ctx.accountId, boundaryArn);
    const user: IamUserRecord = { name, userId: newUniqueId('AIDA'), path, createdAt: ctx.now, ...(boundary ? { permissionsBoundaryArn: boundary } : {}) };
    try {
      await this.store.transaction(async (repos) => {
        await repos.iam.users.create(ctx.accountId, user);
        await repos.iam.tags.put(ctx.accountId, { kind: 'user', name }, tags);
      });
    } catch (error) {
      if (error instanceof UniqueViolationError) throw entityAlreadyExists('User', name);
      throw error;
    }
    return user;
  }

  async get(accountId: string, name: string): Promise<IamUserRecord> {
    const user = await this.store.iam.users.get(accountId, name);
    if (!user) throw noSuchEntity('user', name);
    return user;
  }

  list(accountId: string, limit: number, after: string | undefined, pathPrefix: string | undefined): Promise<Page<IamUserRecord>> {
    return this.store.iam.users.list(accountId, { limit, ...(after === undefined ? {} : { after }) }, pathPrefix);
  }

  async delete(ctx: IamContext, name: string): Promise<void> {
    const user = await this.get(ctx.accountId, name);
    const ref = { kind: 'user', name: user.name } as const;
    const { iam, accessKeys } = this.store;
    const keys = await accessKeys.listForPrincipal(ctx.accountId, 'user', user.name);
    if (keys.some((key) => key.sessionTokenSha256 === undefined)) throw deleteConflict('delete access keys');
    if ((await iam.policies.listInline(ctx.accountId, ref)).length > 0) throw deleteConflict('delete policies');
    if ((await iam.policies.listAttached(ctx.accountId, ref)).length > 0) throw deleteConflict('detach all policies');
    if ((await iam.groups.listForUser(ctx.accountId, user.name)).length > 0) throw deleteConflict('remove user from all groups');
    await this.store.transaction(async (repos) => {
      // Its temporary credentials (GetSessionToken) end with it.
      for (const key of keys) await repos.accessKeys.delete(ctx.accountId, key.accessKeyId);
      await repos.iam.tags.removeAll(ctx.accountId, ref);
      await repos.iam.users.delete(ctx.accountId, user.name);
    });
  }

  /** UpdateUser: a new name (its keys, groups, policies and tags follow) and/or a new path. */
  async update(accountId: string, name: string, change: EntityRename): Promise<void> {
    const user = await this.get(accountId, name);
    try {
      await this.store.transaction((repos) => repos.iam.users.rename(accountId, user.name, change));
    } catch (error) {
      if (error instanceof UniqueViolationError) throw entityAlreadyExists('User', change.newName ?? name);
      throw error;
    }
  }

  async tags(accountId: string, name: string): Promise<Tags> {
    const user = await this.get(accountId, name);
    return this.store.iam.tags.get(accountId, { kind: 'user', name: user.name });
  }

  async tag(accountId: string, name: string, tags: Tags): Promise<void> {
    const user = await this.get(accountId, name);
    const ref = { kind: 'user', name: user.name } as const;
    await this.store.transaction(async (repos) => {
      const merged = { ...(await repos.iam.tags.get(accountId, ref)), ...tags };
      if (Object.keys(merged).length > MAX_TAGS) throw limitExceeded('TagsPerUser', MAX_TAGS);
      await repos.iam.tags.put(accountId, ref, tags);
    });
  }

  async untag(accountId: string, name: string, keys: readonly string[]): Promise<void> {
    const user = await this.get(accountId, name);
    await this.store.iam.tags.remove(accountId, { kind: 'user', name: user.name }, keys);
  }

  /** Sets the boundary, or removes it when `boundaryArn` is null (removing none is not an error). */
  async setPermissionsBoundary(accountId: string, name: string, boundaryArn: string | null): Promise<void> {
    const user = await this.get(accountId, name);
    const boundary = boundaryArn === null ? null : await this.policies.canonicalArn(accountId, boundaryArn);
    await this.store.iam.users.setPermissionsBoundary(accountId, user.name, boundary);
  }
}
