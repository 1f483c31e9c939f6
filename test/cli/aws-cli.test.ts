// The AWS CLI, configured only by the credentials file the server wrote on first start, manages domains.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer, type RunningServer } from '../support/server.js';

const run = promisify(execFile);
const skip = process.env['OPENPROFILES_TEST_NO_AWS_CLI'] === '1' ? 'the AWS CLI is not installed' : undefined;
/** Which `aws` to run: .ci/run names Debian's package; otherwise the first on PATH. */
const AWS = process.env['OPENPROFILES_TEST_AWS_CLI'] || 'aws';

describe('AWS CLI', { skip }, () => {
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    server = await startServer({ generatedRootKey: true });
    env = { PATH: process.env['PATH'], HOME: process.env['HOME'], AWS_PAGER: '', AWS_SHARED_CREDENTIALS_FILE: join(server.dataDir, 'credentials'), AWS_CONFIG_FILE: join(server.dataDir, 'config') };
  });
  after(async () => {
    await server?.stop();
  });

  const aws = async (...args: string[]): Promise<Record<string, unknown>> => {
    const { stdout } = await run(AWS, ['--profile', 'openprofiles', '--output', 'json', 'customer-profiles', ...args, '--endpoint-url', server.endpoint], { env });
    return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
  };
  const awsFails = async (...args: string[]): Promise<string> => {
    try {
      await aws(...args);
    } catch (error) {
      return String((error as { stderr?: string }).stderr);
    }
    assert.fail('expected the AWS CLI to fail');
  };

  /** Any `aws <service> …` call, as the root profile or with the given key in the environment. */
  const awsAs = async (key: { AccessKeyId: string; SecretAccessKey: string } | undefined, ...args: string[]): Promise<Record<string, unknown>> => {
    const keyEnv = key ? { AWS_ACCESS_KEY_ID: key.AccessKeyId, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey, AWS_DEFAULT_REGION: 'us-east-1' } : {};
    const profile = key ? [] : ['--profile', 'openprofiles'];
    const { stdout } = await run(AWS, [...profile, '--output', 'json', ...args, '--endpoint-url', server.endpoint], { env: { ...env, ...keyEnv } });
    return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
  };

  test('aws iam creates a user, a key and a policy; the new key is allowed and denied as the policy says', async () => {
    await awsAs(undefined, 'iam', 'create-user', '--user-name', 'cli-user');
    const key = (await awsAs(undefined, 'iam', 'create-access-key', '--user-name', 'cli-user'))['AccessKey'] as { AccessKeyId: string; SecretAccessKey: string };
    assert.match(key.AccessKeyId, /^AKIA/);
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['profile:ListDomains', 'profile:CreateDomain'], Resource: '*' },
        { Effect: 'Deny', Action: 'profile:CreateDomain', Resource: 'arn:aws:profile:*:*:domains/forbidden-*' },
      ],
    });
    const policy = (await awsAs(undefined, 'iam', 'create-policy', '--policy-name', 'cli-policy', '--policy-document', document))['Policy'] as { Arn: string };
    assert.equal(policy.Arn, 'arn:aws:iam::000000000000:policy/cli-policy');
    await awsAs(undefined, 'iam', 'attach-user-policy', '--user-name', 'cli-user', '--policy-arn', policy.Arn);
    // The CLI decodes the URL-encoded policy document IAM returns.
    const version = (await awsAs(undefined, 'iam', 'get-policy-version', '--policy-arn', policy.Arn, '--version-id', 'v1'))['PolicyVersion'] as { Document: unknown };
    assert.deepEqual(version.Document, JSON.parse(document));
    assert.equal((await awsAs(key, 'sts', 'get-caller-identity'))['Arn'], 'arn:aws:iam::000000000000:user/cli-user');
    await awsAs(key, 'customer-profiles', 'create-domain', '--domain-name', 'allowed-by-policy', '--default-expiration-days', '3');
    assert.ok(Array.isArray((await awsAs(key, 'customer-profiles', 'list-domains'))['Items']));
    const denied = await awsAs(key, 'customer-profiles', 'create-domain', '--domain-name', 'forbidden-1', '--default-expiration-days', '3').then(
      () => 'succeeded',
      (error: { stderr?: string }) => String(error.stderr),
    );
    assert.match(denied, /AccessDeniedException.*explicit deny/);
    const notAllowed = await awsAs(key, 'customer-profiles', 'get-domain', '--domain-name', 'allowed-by-policy').then(
      () => 'succeeded',
      (error: { stderr?: string }) => String(error.stderr),
    );
    assert.match(notAllowed, /AccessDeniedException.*no identity-based policy allows the profile:GetDomain action/);
    await awsAs(undefined, 'customer-profiles', 'delete-domain', '--domain-name', 'allowed-by-policy');
  });

  test('aws iam: every entity created (user, group, role, policy versions, inline policies, keys, tags, boundaries) is updated, then deleted again', async () => {
    const iam = (...args: string[]) => awsAs(undefined, 'iam', ...args);
    const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }] });
    const arn = ((await iam('create-policy', '--policy-name', 'lc-policy', '--policy-document', doc('profile:Get*')))['Policy'] as { Arn: string }).Arn;
    await iam('create-policy-version', '--policy-arn', arn, '--policy-document', doc('profile:List*'));
    await iam('create-policy-version', '--policy-arn', arn, '--policy-document', doc('profile:*'));
    await iam('set-default-policy-version', '--policy-arn', arn, '--version-id', 'v3');
    await iam('create-user', '--user-name', 'lc-user', '--tags', 'Key=team,Value=blue');
    await iam('create-group', '--group-name', 'lc-group');
    await iam('create-role', '--role-name', 'lc-role', '--assume-role-policy-document', trust, '--tags', 'Key=team,Value=red');
    await iam('add-user-to-group', '--group-name', 'lc-group', '--user-name', 'lc-user');
    await iam('put-user-policy', '--user-name', 'lc-user', '--policy-name', 'inline', '--policy-document', doc('profile:GetDomain'));
    await iam('put-group-policy', '--group-name', 'lc-group', '--policy-name', 'inline', '--policy-document', doc('profile:GetDomain'));
    await iam('put-role-policy', '--role-name', 'lc-role', '--policy-name', 'inline', '--policy-document', doc('profile:GetDomain'));
    await iam('attach-user-policy', '--user-name', 'lc-user', '--policy-arn', arn);
    await iam('attach-group-policy', '--group-name', 'lc-group', '--policy-arn', arn);
    await iam('attach-role-policy', '--role-name', 'lc-role', '--policy-arn', arn);
    await iam('put-user-permissions-boundary', '--user-name', 'lc-user', '--permissions-boundary', arn);
    await iam('put-role-permissions-boundary', '--role-name', 'lc-role', '--permissions-boundary', arn);
    await iam('tag-role', '--role-name', 'lc-role', '--tags', 'Key=tier,Value=1');
    const key = ((await iam('create-access-key', '--user-name', 'lc-user'))['AccessKey'] as { AccessKeyId: string }).AccessKeyId;
    // The CLI decodes the documents IAM returns URL-encoded.
    assert.deepEqual((await iam('get-role-policy', '--role-name', 'lc-role', '--policy-name', 'inline'))['PolicyDocument'], JSON.parse(doc('profile:GetDomain')));
    assert.deepEqual(((await iam('get-group', '--group-name', 'lc-group'))['Users'] as Array<{ UserName: string }>).map((u) => u.UserName), ['lc-user']);
    const entities = await iam('list-entities-for-policy', '--policy-arn', arn);
    assert.deepEqual([entities['PolicyUsers'], entities['PolicyGroups'], entities['PolicyRoles']].map((list) => (list as unknown[]).length), [1, 1, 1]);
    assert.equal(((await iam('get-access-key-last-used', '--access-key-id', key))['AccessKeyLastUsed'] as { ServiceName: string }).ServiceName, 'N/A');

    // Renamed and moved, the user and group keep what hangs off them; the role takes a new description.
    await iam('update-user', '--user-name', 'lc-user', '--new-user-name', 'lc-renamed', '--new-path', '/moved/');
    await iam('update-group', '--group-name', 'lc-group', '--new-group-name', 'lc-team', '--new-path', '/teams/');
    await iam('update-role', '--role-name', 'lc-role', '--description', 'updated', '--max-session-duration', '7200');
    assert.equal(((await iam('get-user', '--user-name', 'lc-renamed'))['User'] as { Arn: string }).Arn, 'arn:aws:iam::000000000000:user/moved/lc-renamed');
    assert.deepEqual(((await iam('get-group', '--group-name', 'lc-team'))['Users'] as Array<{ UserName: string }>).map((u) => u.UserName), ['lc-renamed']);
    const updatedRole = (await iam('get-role', '--role-name', 'lc-role'))['Role'] as { Description: string; MaxSessionDuration: number };
    assert.deepEqual([updatedRole.Description, updatedRole.MaxSessionDuration], ['updated', 7200]);

    // To the end: every DeleteConflict the CLI meets on the way names what is still attached.
    assert.match(await awsAs(undefined, 'iam', 'delete-role', '--role-name', 'lc-role').then(() => '', (error: { stderr?: string }) => String(error.stderr)), /DeleteConflict/);
    await iam('delete-role-policy', '--role-name', 'lc-role', '--policy-name', 'inline');
    await iam('detach-role-policy', '--role-name', 'lc-role', '--policy-arn', arn);
    await iam('delete-role-permissions-boundary', '--role-name', 'lc-role');
    await iam('untag-role', '--role-name', 'lc-role', '--tag-keys', 'tier', 'team');
    assert.deepEqual((await iam('list-role-tags', '--role-name', 'lc-role'))['Tags'], []);
    await iam('delete-role', '--role-name', 'lc-role');
    await iam('delete-group-policy', '--group-name', 'lc-team', '--policy-name', 'inline');
    await iam('detach-group-policy', '--group-name', 'lc-team', '--policy-arn', arn);
    await iam('remove-user-from-group', '--group-name', 'lc-team', '--user-name', 'lc-renamed');
    await iam('delete-group', '--group-name', 'lc-team');
    await iam('delete-user-policy', '--user-name', 'lc-renamed', '--policy-name', 'inline');
    await iam('detach-user-policy', '--user-name', 'lc-renamed', '--policy-arn', arn);
    await iam('delete-user-permissions-boundary', '--user-name', 'lc-renamed');
    await iam('delete-access-key', '--user-name', 'lc-renamed', '--access-key-id', key);
    await iam('untag-user', '--user-name', 'lc-renamed', '--tag-keys', 'team');
    await iam('delete-user', '--user-name', 'lc-renamed');
    for (const version of ['v1', 'v2']) await iam('delete-policy-version', '--policy-arn', arn, '--version-id', version);
    assert.deepEqual(((await iam('list-policy-versions', '--policy-arn', arn))['Versions'] as Array<{ VersionId: string }>).map((v) => v.VersionId), ['v3']);
    await iam('delete-policy', '--policy-arn', arn);

    const names = async (command: string, member: string, field: string) =>
      ((await iam(command))[member] as Array<Record<string, string>>).map((item) => item[field]);
    assert.ok(!(await names('list-users', 'Users', 'UserName')).includes('lc-renamed'));
    assert.deepEqual(await names('list-groups', 'Groups', 'GroupName'), []);
    assert.deepEqual(await names('list-roles', 'Roles', 'RoleName'), []);
    assert.ok(!(await names('list-policies', 'Policies', 'PolicyName')).includes('lc-policy'));
  });

  test('the server printed the generated root key once and wrote a 0600 credentials file', () => {
    assert.match(server.output(), /Created the root key of account 000000000000/);
    assert.equal(statSync(join(server.dataDir, 'credentials')).mode & 0o777, 0o600);
  });

  test('create, get, list, tag, untag and delete a domain', async () => {
    const arn = 'arn:aws:profile:us-east-1:000000000000:domains/cli-domain';
    const created = await aws('create-domain', '--domain-name', 'cli-domain', '--default-expiration-days', '30', '--tags', 'team=blue');
    assert.equal(created['DomainName'], 'cli-domain');
    // CLI v1 prints epoch seconds, v2 ISO-8601: either way it must be now, not ~46,000 years ahead.
    const createdAt = created['CreatedAt'];
    const createdMs = typeof createdAt === 'number' ? createdAt * 1000 : Date.parse(String(createdAt));
    assert.ok(Math.abs(createdMs - Date.now()) < 600_000, `CreatedAt ${String(createdAt)}`);
    const got = await aws('get-domain', '--domain-name', 'cli-domain');
    assert.equal(got['DefaultExpirationDays'], 30);
    const listed = await aws('list-domains');
    assert.deepEqual((listed['Items'] as Array<{ DomainName: string }>).map((item) => item.DomainName), ['cli-domain']);
    await aws('tag-resource', '--resource-arn', arn, '--tags', 'env=prod,owner=ops');
    await aws('untag-resource', '--resource-arn', arn, '--tag-keys', 'team', 'owner');
    assert.deepEqual((await aws('list-tags-for-resource', '--resource-arn', arn))['tags'], { env: 'prod' });
    assert.match(await awsFails('create-domain', '--domain-name', 'cli-domain', '--default-expiration-days', '30'), /BadRequestException.*Domain cli-domain already exists/);
    assert.equal((await aws('delete-domain', '--domain-name', 'cli-domain'))['Message'], 'Domain Deleted');
    assert.match(await awsFails('get-domain', '--domain-name', 'cli-domain'), /ResourceNotFoundException/);
  });
});
