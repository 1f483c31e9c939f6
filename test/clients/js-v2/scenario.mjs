// The client-matrix scenario driven through the AWS SDK for JavaScript v2 (npm aws-sdk 2.x).
// Reads SCENARIO_* from the environment, prints the report JSON on stdout (see test/clients/scenario.ts).
import { createRequire } from 'node:module';
import AWS from 'aws-sdk';

const require = createRequire(import.meta.url);
const env = process.env;
const LEG = 'js-v2';
const D = env.SCENARIO_DOMAIN;
const base = {
  endpoint: env.SCENARIO_ENDPOINT,
  region: env.SCENARIO_REGION,
  credentials: new AWS.Credentials(env.SCENARIO_ACCESS_KEY_ID, env.SCENARIO_SECRET_ACCESS_KEY),
};
const profiles = new AWS.CustomerProfiles({ ...base, maxRetries: 0 });
const iam = new AWS.IAM({ ...base, maxRetries: 0 });

async function errorOf(request) {
  try {
    await request.promise();
  } catch (error) {
    if (typeof error.statusCode !== 'number') throw error;
    return { code: error.code, message: error.message, status: error.statusCode };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * A CustomerProfiles client with the SDK's default retries that can call `operation`. When the SDK's bundled
 * model predates the operation, it is added to a copy of that model from SCENARIO_NOT_IMPLEMENTED_HTTP
 * ("GET /domains/{DomainName}/…"): what is under test is how the SDK treats the answer, not its model.
 */
function clientFor(operation) {
  const api = structuredClone(require('aws-sdk/apis/customer-profiles-2020-08-15.min.json'));
  if (!api.operations[operation]) {
    const [method, requestUri] = env.SCENARIO_NOT_IMPLEMENTED_HTTP.split(' ');
    api.operations[operation] = {
      http: { method, requestUri },
      input: { type: 'structure', required: ['DomainName'], members: { DomainName: { location: 'uri', locationName: 'DomainName' } } },
      output: { type: 'structure', members: {} },
    };
  }
  return new AWS.CustomerProfiles({ ...base, apiConfig: api });
}

const ids = (items) => (items ?? []).map((item) => item.ProfileId);

const createDomain = await profiles.createDomain({ DomainName: D, DefaultExpirationDays: 30 }).promise();
const getDomain = await profiles.getDomain({ DomainName: D }).promise();
const p1 = await profiles
  .createProfile({ DomainName: D, FirstName: 'Ada', LastName: 'Lovelace', EmailAddress: 'ada@example.com', Attributes: { tier: 'gold' } })
  .promise();
const p2 = await profiles.createProfile({ DomainName: D, FirstName: 'Ada', EmailAddress: 'ada.l@example.com', PhoneNumber: '+15555550100' }).promise();
const [id1, id2] = [p1.ProfileId, p2.ProfileId];

await profiles
  .putProfileObjectType({
    DomainName: D,
    ObjectTypeName: 'Order',
    Description: 'orders',
    AllowProfileCreation: false,
    Fields: { order_id: { Source: '_source.order_id' }, email: { Source: '_source.email', Target: '_profile.EmailAddress' } },
    Keys: { _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }], order_id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['order_id'] }] },
  })
  .promise();
const objectType = await profiles.getProfileObjectType({ DomainName: D, ObjectTypeName: 'Order' }).promise();
const objectUniqueKeys = [];
for (const orderId of ['o-1', 'o-2']) {
  const put = await profiles.putProfileObject({ DomainName: D, ObjectTypeName: 'Order', Object: JSON.stringify({ order_id: orderId, email: 'ada@example.com' }) }).promise();
  objectUniqueKeys.push(put.ProfileObjectUniqueKey);
}
const listed = await profiles.listProfileObjects({ DomainName: D, ObjectTypeName: 'Order', ProfileId: id1 }).promise();
const search = (email) => profiles.searchProfiles({ DomainName: D, KeyName: '_email', Values: [email] }).promise();
const searchByEmail = ids((await search('ada@example.com')).Items);
const merged = await profiles.mergeProfiles({ DomainName: D, MainProfileId: id1, ProfileIdsToBeMerged: [id2] }).promise();
const afterMerge = ids((await search('ada.l@example.com')).Items);

const domainArn = `arn:aws:profile:us-east-1:000000000000:domains/${D}`;
await profiles.tagResource({ resourceArn: domainArn, tags: { team: 'crm', env: 'test' } }).promise();
const tagged = (await profiles.listTagsForResource({ resourceArn: domainArn }).promise()).tags ?? {};
await profiles.untagResource({ resourceArn: domainArn, tagKeys: ['env'] }).promise();
const untagged = (await profiles.listTagsForResource({ resourceArn: domainArn }).promise()).tags ?? {};

const userName = `matrix-${LEG}`;
await iam.createUser({ UserName: userName }).promise();
const policy = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['profile:GetDomain', 'profile:DeleteDomain'], Resource: domainArn },
    { Effect: 'Deny', Action: 'profile:DeleteDomain', Resource: domainArn },
  ],
};
await iam.putUserPolicy({ UserName: userName, PolicyName: 'matrix', PolicyDocument: JSON.stringify(policy) }).promise();
const { AccessKey } = await iam.createAccessKey({ UserName: userName }).promise();
const asUser = new AWS.CustomerProfiles({ ...base, credentials: new AWS.Credentials(AccessKey.AccessKeyId, AccessKey.SecretAccessKey), maxRetries: 0 });
const allowed = await asUser.getDomain({ DomainName: D }).promise();
const denied = await errorOf(asUser.deleteDomain({ DomainName: D }));

const roleName = `matrix-role-${LEG}`;
const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }] };
const role = await iam.createRole({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }).promise();
const rolePolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'profile:GetDomain', Resource: domainArn }] };
await iam.putRolePolicy({ RoleName: roleName, PolicyName: 'matrix', PolicyDocument: JSON.stringify(rolePolicy) }).promise();
await iam.deleteRolePolicy({ RoleName: roleName, PolicyName: 'matrix' }).promise();
await iam.deleteRole({ RoleName: roleName }).promise();
const afterDelete = await errorOf(iam.getRole({ RoleName: roleName }));
await iam.deleteUserPolicy({ UserName: userName, PolicyName: 'matrix' }).promise();
await iam.deleteAccessKey({ UserName: userName, AccessKeyId: AccessKey.AccessKeyId }).promise();
await iam.deleteUser({ UserName: userName }).promise();

const operation = env.SCENARIO_NOT_IMPLEMENTED;
let notImplemented = null;
if (operation) {
  const client = clientFor(operation);
  const method = operation[0].toLowerCase() + operation.slice(1);
  notImplemented = await errorOf(client.makeRequest(method, { DomainName: D }));
}
const deleted = await profiles.deleteDomain({ DomainName: D }).promise();

const report = {
  client: `aws-sdk-js ${AWS.VERSION}`,
  createDomain: { DomainName: createDomain.DomainName },
  getDomain: { DomainName: getDomain.DomainName, DefaultExpirationDays: getDomain.DefaultExpirationDays },
  profileIds: [id1, id2],
  objectTypeKeys: objectType.Keys,
  objectUniqueKeys,
  listedObjects: (listed.Items ?? []).length,
  searchByEmail,
  mergeMessage: merged.Message,
  afterMerge,
  tags: { tagged, untagged },
  iamUser: { allowedDomainName: allowed.DomainName, denied },
  role: { arn: role.Role.Arn, afterDelete: { code: afterDelete.code, status: afterDelete.status } },
  notImplemented,
  deleteDomain: deleted.Message,
};
process.stdout.write(JSON.stringify(report) + '\n');
