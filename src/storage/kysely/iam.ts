// The IAM repositories bound to one Kysely handle (the database, or one transaction).
import type { Kysely } from 'kysely';
import type { IamRepositories } from '../ports.js';
import type { Database } from '../schema.js';
import { KyselyIamGroupRepository } from './iam-groups.js';
import { KyselyIamPolicyRepository } from './iam-policies.js';
import { KyselyIamRoleRepository } from './iam-roles.js';
import { KyselyIamTagRepository } from './iam-tags.js';
import { KyselyIamUserRepository } from './iam-users.js';

export function createIamRepositories(db: Kysely<Database>): IamRepositories {
  return {
    users: new KyselyIamUserRepository(db),
    groups: new KyselyIamGroupRepository(db),
    roles: new KyselyIamRoleRepository(db),
    tags: new KyselyIamTagRepository(db),
    policies: new KyselyIamPolicyRepository(db),
  };
}
