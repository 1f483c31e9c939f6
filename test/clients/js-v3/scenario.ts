// The client-matrix scenario driven through the AWS SDK for JavaScript v3, in-process.
import { createRequire } from 'node:module';
import {
  CreateDomainCommand,
  CreateProfileCommand,
  CustomerProfilesClient,
  CustomerProfilesServiceException,
  DeleteDomainCommand,
  GetDomainCommand,
  GetProfileObjectTypeCommand,
  ListProfileObjectsCommand,
  ListTagsForResourceCommand,
  MergeProfilesCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  SearchProfilesCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-customer-profiles';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetRoleCommand,
  IAMClient,
  IAMServiceException,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type { ScenarioError, ScenarioReport } from '../scenario.js';

const LEG = 'js-v3';
const version = (createRequire(import.meta.url)('@aws-sdk/client-customer-profiles/package.json') as { version: string }).version;

/** One unimplemented operation as the v3 client calls it: every command class of the package is named <Operation>Command. */
async function callByName(client: CustomerProfilesClient, operation: string, input: object): Promise<unknown> {
  const commands = (await import('@aws-sdk/client-customer-profiles')) as unknown as Record<string, new (input: object) => Parameters<CustomerProfilesClient['send']>[0]>;
  const Command = commands[`${operation}Command`];
  if (!Command) throw new Error(`@aws-sdk/client-customer-profiles ${version} has no ${operation}Command`);
  return client.send(new Command(input));
}

async function errorOf(call: Promise<unknown>): Promise<ScenarioError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof CustomerProfilesServiceException || error instanceof IAMServiceException) {
      // awsQuery errors carry the wire code (NoSuchEntity) beside the class name (NoSuchEntityException).
      return { code: (error as { Code?: string }).Code ?? error.name, message: error.message, status: error.$metadata.httpStatusCode ?? 0 };
    }
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

const idsOf = (items: Array<{ ProfileId?: string }> | undefined) => (items ?? []).map((item) => item.ProfileId!);

export async function runJsV3Scenario(env: Record<string, string>): Promise<ScenarioReport> {
  const D = env['SCENARIO_DOMAIN']!;
  const root = { accessKeyId: env['SCENARIO_ACCESS_KEY_ID']!, secretAccessKey: env['SCENARIO_SECRET_ACCESS_KEY']! };
  const base = { endpoint: env['SCENARIO_ENDPOINT']!, region: env['SCENARIO_REGION']! };
  const profiles = new CustomerProfilesClient({ ...base, credentials: root, maxAttempts: 1 });
  const iam = new IAMClient({ ...base, credentials: root, maxAttempts: 1 });
  const clients: Array<{ destroy(): void }> = [profiles, iam];
  try {
    const createDomain = await profiles.send(new CreateDomainCommand({ DomainName: D, DefaultExpirationDays: 30 }));
    const getDomain = await profiles.send(new GetDomainCommand({ DomainName: D }));
    const p1 = await profiles.send(
      new CreateProfileCommand({ DomainName: D, FirstName: 'Ada', LastName: 'Lovelace', EmailAddress: 'ada@example.com', Attributes: { tier: 'gold' } }),
    );
    const p2 = await profiles.send(new CreateProfileCommand({ DomainName: D, FirstName: 'Ada', EmailAddress: 'ada.l@example.com', PhoneNumber: '+15555550100' }));
    const [id1, id2] = [p1.ProfileId!, p2.ProfileId!];

    await profiles.send(
      new PutProfileObjectTypeCommand({
        DomainName: D,
        ObjectTypeName: 'Order',
        Description: 'orders',
        AllowProfileCreation: false,
        Fields: { order_id: { Source: '_source.order_id' }, email: { Source: '_source.email', Target: '_profile.EmailAddress' } },
        Keys: { _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }], order_id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['order_id'] }] },
      }),
    );
    const objectType = await profiles.send(new GetProfileObjectTypeCommand({ DomainName: D, ObjectTypeName: 'Order' }));
    const objectUniqueKeys: string[] = [];
    for (const orderId of ['o-1', 'o-2']) {
      const put = await profiles.send(
        new PutProfileObjectCommand({ DomainName: D, ObjectTypeName: 'Order', Object: JSON.stringify({ order_id: orderId, email: 'ada@example.com' }) }),
      );
      objectUniqueKeys.push(put.ProfileObjectUniqueKey!);
    }
    const listed = await profiles.send(new ListProfileObjectsCommand({ DomainName: D, ObjectTypeName: 'Order', ProfileId: id1 }));
    const search = (email: string) => profiles.send(new SearchProfilesCommand({ DomainName: D, KeyName: '_email', Values: [email] }));
    const searchByEmail = idsOf((await search('ada@example.com')).Items);
    const merged = await profiles.send(new MergeProfilesCommand({ DomainName: D, MainProfileId: id1, ProfileIdsToBeMerged: [id2] }));
    const afterMerge = idsOf((await search('ada.l@example.com')).Items);

    const domainArn = `arn:aws:profile:us-east-1:000000000000:domains/${D}`;
    await profiles.send(new TagResourceCommand({ resourceArn: domainArn, tags: { team: 'crm', env: 'test' } }));
    const tagged = (await profiles.send(new ListTagsForResourceCommand({ resourceArn: domainArn }))).tags ?? {};
    await profiles.send(new UntagResourceCommand({ resourceArn: domainArn, tagKeys: ['env'] }));
    const untagged = (await profiles.send(new ListTagsForResourceCommand({ resourceArn: domainArn }))).tags ?? {};

    const userName = `matrix-${LEG}`;
    await iam.send(new CreateUserCommand({ UserName: userName }));
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['profile:GetDomain', 'profile:DeleteDomain'], Resource: domainArn },
        { Effect: 'Deny', Action: 'profile:DeleteDomain', Resource: domainArn },
      ],
    };
    await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'matrix', PolicyDocument: JSON.stringify(policy) }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
    const asUser = new CustomerProfilesClient({ ...base, credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }, maxAttempts: 1 });
    clients.push(asUser);
    const allowed = await asUser.send(new GetDomainCommand({ DomainName: D }));
    const denied = await errorOf(asUser.send(new DeleteDomainCommand({ DomainName: D })));

    const roleName = `matrix-role-${LEG}`;
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }] };
    const role = await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const rolePolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'profile:GetDomain', Resource: domainArn }] };
    await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'matrix', PolicyDocument: JSON.stringify(rolePolicy) }));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: 'matrix' }));
    await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
    const afterDelete = await errorOf(iam.send(new GetRoleCommand({ RoleName: roleName })));
    await iam.send(new DeleteUserPolicyCommand({ UserName: userName, PolicyName: 'matrix' }));
    await iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: AccessKey!.AccessKeyId! }));
    await iam.send(new DeleteUserCommand({ UserName: userName }));

    let notImplemented: ScenarioError | null = null;
    const operation = env['SCENARIO_NOT_IMPLEMENTED'];
    if (operation) {
      const withDefaultRetries = new CustomerProfilesClient({ ...base, credentials: root });
      clients.push(withDefaultRetries);
      notImplemented = await errorOf(callByName(withDefaultRetries, operation, { DomainName: D }));
    }
    const deleted = await profiles.send(new DeleteDomainCommand({ DomainName: D }));

    return {
      client: `aws-sdk-js-v3 ${version}`,
      createDomain: { DomainName: createDomain.DomainName! },
      getDomain: { DomainName: getDomain.DomainName!, DefaultExpirationDays: getDomain.DefaultExpirationDays! },
      profileIds: [id1, id2],
      objectTypeKeys: objectType.Keys,
      objectUniqueKeys,
      listedObjects: listed.Items?.length ?? 0,
      searchByEmail,
      mergeMessage: merged.Message!,
      afterMerge,
      tags: { tagged, untagged },
      iamUser: { allowedDomainName: allowed.DomainName!, denied: { code: denied.code, message: denied.message, status: denied.status } },
      role: { arn: role.Role!.Arn!, afterDelete: { code: afterDelete.code, status: afterDelete.status } },
      notImplemented,
      deleteDomain: deleted.Message!,
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}
