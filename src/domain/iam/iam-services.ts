// Wires the IAM and STS domain services once, for the container.
import type { Store } from '../../storage/ports.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { PolicyAuthorizer } from '../../auth/authorizer.js';
import type { PrincipalDirectory } from '../../auth/principal-facts.js';
import type { IamServices } from '../../server/iam-api/actions/types.js';
import { AccessKeyService } from './access-key-service.js';
import { GroupService } from './group-service.js';
import { PolicyService } from './policy-service.js';
import { RoleService } from './role-service.js';
import { PolicySimulator } from './simulator.js';
import { StsService } from './sts-service.js';
import { UserService } from './user-service.js';

export function createIamServices(store: Store, secrets: SecretBox, directory: PrincipalDirectory, authorizer: PolicyAuthorizer): IamServices {
  const policies = new PolicyService(store);
  const users = new UserService(store, policies);
  return {
    users,
    accessKeys: new AccessKeyService(store, secrets, users),
    groups: new GroupService(store, users),
    roles: new RoleService(store, policies),
    policies,
    sts: new StsService(store, secrets, directory, authorizer),
    simulator: new PolicySimulator(store, directory),
  };
}
