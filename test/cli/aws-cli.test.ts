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
