// The client-matrix scenario driven through the AWS CLI v2 (a new CLI process per call, see runner.ts), from SCENARIO_* variables.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioError, ScenarioReport } from '../scenario.js';
import { awsRunner, processRunner, type Outcome } from './runner.js';

const LEG = 'aws-cli-v2';

/** The CLI prints the error code and message; with --debug, its HTTP log line has the status it got. */
function errorOf(outcome: Outcome): ScenarioError {
  const errors = [...outcome.stderr.matchAll(/An error occurred \(([^)]+)\) when calling the \w+ operation(?: \([^)]*\))?: (.*)/g)];
  const error = errors[errors.length - 1];
  const statuses = [...outcome.stderr.matchAll(/"[A-Z]+ \S+ HTTP\/1\.1" (\d{3})/g)].map((m) => Number(m[1]));
  if (!error || statuses.length === 0) throw new Error(`expected a service error, got exit ${outcome.code}:\n${outcome.stderr.slice(-2000)}`);
  return { code: error[1]!, message: error[2]!.trim(), status: statuses[statuses.length - 1]! };
}

/**
 * A CLI home whose ~/.aws/models teaches the CLI `operation` as a one-operation service "matrix-profiles" (same
 * signing name and protocol), where `aws configure add-model --service-name matrix-profiles` would put it: the
 * CLI's bundled model may predate the operation, and what is under test is how the CLI treats the answer.
 */
function homeKnowing(operation: string, http: string): string {
  const home = mkdtempSync(join(tmpdir(), 'matrix-cli-home-'));
  const [method, requestUri] = http.split(' ');
  const model = {
    version: '2.0',
    metadata: {
      apiVersion: '2020-08-15',
      endpointPrefix: 'profile',
      jsonVersion: '1.1',
      protocol: 'rest-json',
      serviceFullName: 'Customer Profiles (matrix)',
      serviceId: 'matrix-profiles',
      signatureVersion: 'v4',
      signingName: 'profile',
      uid: 'customer-profiles-2020-08-15',
    },
    operations: {
      [operation]: {
        name: operation,
        http: { method, requestUri },
        input: { shape: 'Request' },
        output: { shape: 'Response' },
      },
    },
    shapes: {
      Request: { type: 'structure', required: ['DomainName'], members: { DomainName: { shape: 'name', location: 'uri', locationName: 'DomainName' } } },
      Response: { type: 'structure', members: {} },
      name: { type: 'string' },
    },
  };
  const modelDir = join(home, '.aws', 'models', 'matrix-profiles', model.metadata.apiVersion);
  mkdirSync(modelDir, { recursive: true });
  writeFileSync(join(modelDir, 'service-2.json'), JSON.stringify(model));
  return home;
}

const kebab = (operation: string) => operation.replace(/[A-Z]/g, (c, i: number) => (i === 0 ? '' : '-') + c.toLowerCase());

export async function runAwsCliV2Scenario(aws: string, scenario: Record<string, string>): Promise<ScenarioReport> {
  const runner = awsRunner(aws);
  try {
    return await scenarioThrough(aws, (args, env) => runner.run(args, env), (args, env) => processRunner(aws).run(args, env), scenario);
  } finally {
    runner.close();
  }
}

type Run = (args: readonly string[], env: NodeJS.ProcessEnv) => Promise<Outcome>;

/** `run` makes most calls; `runProcess` starts /usr/bin/aws itself, for the call whose HOME teaches it a model. */
async function scenarioThrough(aws: string, run: Run, runProcess: Run, scenario: Record<string, string>): Promise<ScenarioReport> {
  const D = scenario['SCENARIO_DOMAIN']!;
  const base: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_DEFAULT_REGION: scenario['SCENARIO_REGION'],
  };
  const rootEnv = { ...base, AWS_ACCESS_KEY_ID: scenario['SCENARIO_ACCESS_KEY_ID'], AWS_SECRET_ACCESS_KEY: scenario['SCENARIO_SECRET_ACCESS_KEY'], AWS_MAX_ATTEMPTS: '1' };
  const endpoint = ['--endpoint-url', scenario['SCENARIO_ENDPOINT']!, '--output', 'json'];
  const call = async (env: NodeJS.ProcessEnv, ...args: string[]): Promise<Record<string, any>> => {
    const outcome = await run([...args, ...endpoint], env);
    if (outcome.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${outcome.code}:\n${outcome.stderr}`);
    return outcome.stdout.trim() === '' ? {} : (JSON.parse(outcome.stdout) as Record<string, any>);
  };
  const fails = async (env: NodeJS.ProcessEnv, ...args: string[]): Promise<ScenarioError> => errorOf(await run([...args, ...endpoint, '--debug'], env));
  const failsInOwnProcess = async (env: NodeJS.ProcessEnv, ...args: string[]): Promise<ScenarioError> =>
    errorOf(await runProcess([...args, ...endpoint, '--debug'], env));
  const cp = (...args: string[]) => call(rootEnv, 'customer-profiles', ...args);
  const iam = (...args: string[]) => call(rootEnv, 'iam', ...args);
  const ids = (result: Record<string, any>) => ((result['Items'] ?? []) as Array<{ ProfileId: string }>).map((item) => item.ProfileId);

  const createDomain = await cp('create-domain', '--domain-name', D, '--default-expiration-days', '30');
  const getDomain = await cp('get-domain', '--domain-name', D);
  const domainArn = `arn:aws:profile:us-east-1:000000000000:domains/${D}`;

  // The four chains that do not depend on each other run side by side, each in the scenario's order.
  const profilesChain = async () => {
    const p1 = await cp('create-profile', '--domain-name', D, '--first-name', 'Ada', '--last-name', 'Lovelace', '--email-address', 'ada@example.com', '--attributes', 'tier=gold');
    const p2 = await cp('create-profile', '--domain-name', D, '--first-name', 'Ada', '--email-address', 'ada.l@example.com', '--phone-number', '+15555550100');
    const [id1, id2] = [p1['ProfileId'] as string, p2['ProfileId'] as string];
    const fields = { order_id: { Source: '_source.order_id' }, email: { Source: '_source.email', Target: '_profile.EmailAddress' } };
    const keys = { _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }], order_id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['order_id'] }] };
    await cp('put-profile-object-type', '--domain-name', D, '--object-type-name', 'Order', '--description', 'orders', '--no-allow-profile-creation', '--fields', JSON.stringify(fields), '--keys', JSON.stringify(keys));
    const objectType = await cp('get-profile-object-type', '--domain-name', D, '--object-type-name', 'Order');
    const objectUniqueKeys: string[] = [];
    for (const orderId of ['o-1', 'o-2']) {
      const put = await cp('put-profile-object', '--domain-name', D, '--object-type-name', 'Order', '--object', JSON.stringify({ order_id: orderId, email: 'ada@example.com' }));
      objectUniqueKeys.push(put['ProfileObjectUniqueKey'] as string);
    }
    const listed = await cp('list-profile-objects', '--domain-name', D, '--object-type-name', 'Order', '--profile-id', id1);
    const search = (email: string) => cp('search-profiles', '--domain-name', D, '--key-name', '_email', '--values', email);
    const searchByEmail = ids(await search('ada@example.com'));
    const merged = await cp('merge-profiles', '--domain-name', D, '--main-profile-id', id1, '--profile-ids-to-be-merged', id2);
    const afterMerge = ids(await search('ada.l@example.com'));
    return { profileIds: [id1, id2], objectTypeKeys: objectType['Keys'], objectUniqueKeys, listedObjects: ((listed['Items'] ?? []) as unknown[]).length, searchByEmail, mergeMessage: merged['Message'] as string, afterMerge };
  };

  const tagsChain = async () => {
    await cp('tag-resource', '--resource-arn', domainArn, '--tags', 'team=crm,env=test');
    const tagged = (await cp('list-tags-for-resource', '--resource-arn', domainArn))['tags'] ?? {};
    await cp('untag-resource', '--resource-arn', domainArn, '--tag-keys', 'env');
    const untagged = (await cp('list-tags-for-resource', '--resource-arn', domainArn))['tags'] ?? {};
    return { tagged, untagged };
  };

  const userChain = async () => {
    const userName = `matrix-${LEG}`;
    await iam('create-user', '--user-name', userName);
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['profile:GetDomain', 'profile:DeleteDomain'], Resource: domainArn },
        { Effect: 'Deny', Action: 'profile:DeleteDomain', Resource: domainArn },
      ],
    };
    await iam('put-user-policy', '--user-name', userName, '--policy-name', 'matrix', '--policy-document', JSON.stringify(policy));
    const key = (await iam('create-access-key', '--user-name', userName))['AccessKey'] as { AccessKeyId: string; SecretAccessKey: string };
    const userEnv = { ...rootEnv, AWS_ACCESS_KEY_ID: key.AccessKeyId, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey };
    const allowed = await call(userEnv, 'customer-profiles', 'get-domain', '--domain-name', D);
    const denied = await fails(userEnv, 'customer-profiles', 'delete-domain', '--domain-name', D);
    await iam('delete-user-policy', '--user-name', userName, '--policy-name', 'matrix');
    await iam('delete-access-key', '--user-name', userName, '--access-key-id', key.AccessKeyId);
    await iam('delete-user', '--user-name', userName);
    return { allowedDomainName: allowed['DomainName'] as string, denied };
  };

  const roleChain = async () => {
    const roleName = `matrix-role-${LEG}`;
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }] };
    const role = await iam('create-role', '--role-name', roleName, '--assume-role-policy-document', JSON.stringify(trust));
    const rolePolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'profile:GetDomain', Resource: domainArn }] };
    await iam('put-role-policy', '--role-name', roleName, '--policy-name', 'matrix', '--policy-document', JSON.stringify(rolePolicy));
    await iam('delete-role-policy', '--role-name', roleName, '--policy-name', 'matrix');
    await iam('delete-role', '--role-name', roleName);
    const afterDelete = await fails(rootEnv, 'iam', 'get-role', '--role-name', roleName);
    return { arn: role['Role'].Arn as string, afterDelete: { code: afterDelete.code, status: afterDelete.status } };
  };

  const [chain, tags, iamUser, role] = await Promise.all([profilesChain(), tagsChain(), userChain(), roleChain()]);

  let notImplemented: ScenarioError | null = null;
  const operation = scenario['SCENARIO_NOT_IMPLEMENTED'];
  if (operation) {
    const home = homeKnowing(operation, scenario['SCENARIO_NOT_IMPLEMENTED_HTTP']!);
    try {
      const { AWS_MAX_ATTEMPTS: _noRetries, ...defaultRetries } = { ...rootEnv, HOME: home };
      notImplemented = await failsInOwnProcess(defaultRetries, 'matrix-profiles', kebab(operation), '--domain-name', D);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
  const deleted = await cp('delete-domain', '--domain-name', D);

  return {
    client: `aws-cli ${/aws-cli\/(\S+)/.exec(execFileSync(aws, ['--version'], { env: base, encoding: 'utf8' }))?.[1] ?? 'unknown'}`,
    createDomain: { DomainName: createDomain['DomainName'] },
    getDomain: { DomainName: getDomain['DomainName'], DefaultExpirationDays: getDomain['DefaultExpirationDays'] },
    ...chain,
    tags,
    iamUser,
    role,
    notImplemented,
    deleteDomain: deleted['Message'],
  };
}
