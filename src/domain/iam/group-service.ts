// IAM groups and their members.
import type { EntityRename, IamGroupRecord, IamUserRecord, Page, Store } from '../../storage/ports.js';
import { UniqueViolationError } from '../../storage/errors.js';
import { deleteConflict, entityAlreadyExists, noSuchEntity } from './errors.js';
import type { IamContext } from './iam-context.js';
import { newUniqueId } from './names.js';
import type { UserService } from './user-service.js';

export class GroupService {
  constructor(
    private readonly store: Store,
    private readonly users: UserService,
  ) {}

  async create(ctx: IamContext, name: string, path: string): Promise<IamGroupRecord> {
    const group: IamGroupRecord = { name, groupId: newUniqueId('AGPA'), path, createdAt: ctx.now };
    try {
      await this.store.iam.groups.create(ctx.accountId, group);
    } catch (error) {
      if (error instanceof UniqueViolationError) throw entityAlreadyExists('Group', name);
      throw error;
    }
    return group;
  }

  /** UpdateGroup: a new name (members and policies follow) and/or a new path. */
  async update(accountId: string, name: string, change: EntityRename): Promise<void> {
    const group = await this.get(accountId, name);
    try {
      await this.store.transaction((repos) => repos.iam.groups.rename(accountId, group.name, change));
    } catch (error) {
      if (error instanceof UniqueViolationError) throw entityAlreadyExists('Group', change.newName ?? name);
      throw error;
    }
  }

  async get(accountId: string, name: string): Promise<IamGroupRecord> {
    const group = await this.store.iam.groups.get(accountId, name);
    if (!group) throw noSuchEntity('group', name);
    return group;
  }

  async delete(accountId: string, name: string): Promise<void> {
    const group = await this.get(accountId, name);
    const ref = { kind: 'group', name: group.name } as const;
    if ((await this.store.iam.groups.countMembers(accountId, group.name)) > 0) throw deleteConflict('remove users from group');
    if ((await this.store.iam.policies.listInline(accountId, ref)).length > 0) throw deleteConflict('delete policies');
    if ((await this.store.iam.policies.listAttached(accountId, ref)).length > 0) throw deleteConflict('detach all policies');
    await this.store.iam.groups.delete(accountId, group.name);
  }

  async addUser(accountId: string, groupName: string, userName: string): Promise<void> {
    const [group, user] = [await this.get(accountId, groupName), await this.users.get(accountId, userName)];
    await this.store.iam.groups.addMember(accountId, group.name, user.name);
  }

  async removeUser(accountId: string, groupName: string, userName: string): Promise<void> {
    const [group, user] = [await this.get(accountId, groupName), await this.users.get(accountId, userName)];
    if (!(await this.store.iam.groups.removeMember(accountId, group.name, user.name))) throw noSuchEntity('user', user.name);
  }

  async listForUser(accountId: string, userName: string): Promise<IamGroupRecord[]> {
    const user = await this.users.get(accountId, userName);
    return this.store.iam.groups.listForUser(accountId, user.name);
  }

  list(accountId: string, limit: number, after: string | undefined, pathPrefix: string | undefined): Promise<Page<IamGroupRecord>> {
    return this.store.iam.groups.list(accountId, { limit, ...(after === undefined ? {} : { after }) }, pathPrefix);
  }

  members(accountId: string, group: IamGroupRecord, limit: number, after: string | undefined): Promise<Page<IamUserRecord>> {
    return this.store.iam.groups.listMembers(accountId, group.name, { limit, ...(after === undefined ? {} : { after }) });
  }
}
