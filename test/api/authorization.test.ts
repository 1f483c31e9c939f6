// Authorization of Customer Profiles operations through the official SDKs, on every backend: a sweep
// over EVERY operation of the model, the tag scenarios, role sessions, inactive and expired keys,
// and the account boundary.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CreateDomainCommand, GetDomainCommand, ListDomainsCommand, UntagResourceCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { CreatePolicyCommand, CreateRoleCommand, PutRolePolicyCommand, PutUserPermissionsBoundaryCommand, UpdateAccessKeyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { DeleteDomainCommand } from '@aws-sdk/client-customer-profiles';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { operations, type OperationName } from '../../src/generated/operations.js';
import { schema } from '../../src/generated/schema.js';
import { resourceArnsOf } from '../../src/auth/profile-authorizer.js';
import { openStore } from '../../src/storage/open-store.js';
import { SecretBox } from '../../src/domain/secrets/secret-box.js';
import { readConfig } from '../../src/config.js';
import { backends } from '../support/backends.js';
import { CLI_ENTRY, type Credentials, type RunningServer } from '../support/server.js';
import { rejectsWith } from '../support/errors.js';
import { signedFetch } from '../support/signed-fetch.js';
import { iamClient, policyDocument, stsClient, userWithPolicies, type PolicyStatement } from '../support/iam.js';
import { registry } from '../../src/operations/index.js';
import { sessionTokenSha256 } from '../../src/auth/sigv4/sha256.js';
import { createPostgresDb } from '../../src/storage/postgres/dialect.js';
import { createSqliteDb } from '../../src/storage/sqlite/dialect.js';

const ACCOUNT = '000000000000';
const run = promisify(execFile);
const scope = { accountId: ACCOUNT, region: 'us-east-1' };
const DOMAIN = 'sweep';
const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:q1';
const names = Object.keys(operations) as OperationName[];

/** The bound input of a sweep request: every label, plus the body members that name a resource. */
function sweepInput(name: OperationName, domain: string): Record<string, unknown> {
  const shape = schema[operations[name].input];
  const members = shape && shape.kind === 'structure' ? shape.members : {};
  const input: Record<string, unknown> = {};
  for (const [member, spec] of Object.entries(members)) {
    if (member === 'DomainName') input[member] = domain;
    else if (member === 'resourceArn') input[member] = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/${domain}`;
    else if (member === 'ObjectTypeName') input[member] = 'Order';
    else if (member === 'Uri') input[member] = QUEUE;
    else if (spec.location === 'label') input[member] = 'x1';
  }
  return input;
}

async function call(server: RunningServer, credentials: Credentials, name: OperationName, domain = DOMAIN): Promise<{ status: number; type: string | null; message: string }> {
  const { method, uri } = operations[name];
  const input = sweepInput(name, domain);
  const path = uri.replace(/\{(\w+)\+?\}/g, (_, member: string) => encodeURIComponent(String(input[member])));
  const shape = schema[operations[name].input];
  const bodyMembers = Object.fromEntries(
    Object.entries(input).filter(([member]) => shape?.kind === 'structure' && shape.members[member]?.location === undefined),
  );
  const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  const result = await signedFetch(server.endpoint, credentials, { method, path, ...(hasBody ? { body: JSON.stringify(bodyMembers) } : {}) });
  return { status: result.status, type: result.headers.get('x-amzn-errortype'), message: String(result.json?.['Message'] ?? '') };
}

const statementsFor = (effect: 'Allow' | 'Deny', domain: string): PolicyStatement[] =>
  names.map((name) => ({ Effect: effect, Action: operations[name].iamAction, Resource: resourceArnsOf(name, scope, sweepInput(name, domain)) }));

for (const backend of backends()) {
  describe(`authorization on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let iam: IAMClient;
    const clients: CustomerProfilesClient[] = [];
    const client = (credentials: Credentials) => {
      const made = server.client({ credentials });
      clients.push(made);
      return made;
    };
    before(async () => {
      server = await backend.start();
      iam = iamClient(server);
    });
    after(async () => {
      for (const made of clients) made.destroy();
      iam?.destroy();
      await server?.stop();
    });

    test(`sweep over all ${names.length} operations: none allowed without permission, exact allow permitted, other domain denied, explicit deny wins`, async () => {
      const nobody = await userWithPolicies(iam, 'sweep-nobody', []);
      const exact = await userWithPolicies(iam, 'sweep-exact', [policyDocument(...statementsFor('Allow', DOMAIN))]);
      const elsewhere = await userWithPolicies(iam, 'sweep-elsewhere', [policyDocument(...statementsFor('Allow', 'other'))]);
      const denied = await userWithPolicies(iam, 'sweep-denied', [
        policyDocument({ Effect: 'Allow', Action: 'profile:*', Resource: '*' }, ...statementsFor('Deny', DOMAIN)),
      ]);
      for (const name of names) {
        const action = `profile:${name}`;
        const none = await call(server, nobody, name);
        assert.equal(none.status, 403, `${name} without permission: ${none.status} ${none.message}`);
        assert.match(none.message, new RegExp(`^User: arn:aws:iam::${ACCOUNT}:user/sweep-nobody is not authorized to perform: ${action} on resource: .+ because no identity-based policy allows the ${action} action$`));
        const allowed = await call(server, exact, name);
        assert.notEqual(allowed.status, 403, `${name} with an exact allow: ${allowed.message}`);
        if (!registry[name]) {
          assert.equal(allowed.status, 400, `${name} is not implemented: past authorization it answers 400 NotImplementedException`);
          assert.match(allowed.message, new RegExp(`^The operation ${name} is part of the Customer Profiles API but is not implemented`));
        }
        const other = await call(server, elsewhere, name);
        const accountLevel = resourceArnsOf(name, scope, sweepInput(name, DOMAIN)).includes('*');
        if (!accountLevel) assert.equal(other.status, 403, `${name} allowed on another domain only: ${other.status}`);
        const deny = await call(server, denied, name);
        assert.equal(deny.status, 403, `${name} with an explicit deny: ${deny.status}`);
        assert.match(deny.message, /with an explicit deny in an identity-based policy$/);
      }
    });

    test('CreateDomain only with aws:RequestTag/team=blue', async () => {
      const creator = client(
        await userWithPolicies(iam, 'creator', [
          policyDocument({ Effect: 'Allow', Action: 'profile:CreateDomain', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } }),
        ]),
      );
      await creator.send(new CreateDomainCommand({ DomainName: 'blue-1', DefaultExpirationDays: 5, Tags: { team: 'blue' } }));
      await rejectsWith(creator.send(new CreateDomainCommand({ DomainName: 'red-1', DefaultExpirationDays: 5, Tags: { team: 'red' } })), 'AccessDeniedException', 403);
      await rejectsWith(creator.send(new CreateDomainCommand({ DomainName: 'none-1', DefaultExpirationDays: 5 })), 'AccessDeniedException', 403);
    });

    test('GetDomain only where aws:ResourceTag/team matches ${aws:PrincipalTag/team}; UntagResource of key owner forbidden', async () => {
      const root = server.client();
      clients.push(root);
      await root.send(new CreateDomainCommand({ DomainName: 'abac-blue', DefaultExpirationDays: 5, Tags: { team: 'blue', owner: 'x', tmp: 'y' } }));
      await root.send(new CreateDomainCommand({ DomainName: 'abac-red', DefaultExpirationDays: 5, Tags: { team: 'red' } }));
      const blue = client(
        await userWithPolicies(
          iam,
          'blue-user',
          [
            policyDocument(
              { Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } },
              { Effect: 'Allow', Action: 'profile:UntagResource', Resource: '*' },
              { Effect: 'Deny', Action: 'profile:UntagResource', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'owner' } } },
            ),
          ],
          { team: 'blue' },
        ),
      );
      assert.equal((await blue.send(new GetDomainCommand({ DomainName: 'abac-blue' }))).DomainName, 'abac-blue');
      await rejectsWith(blue.send(new GetDomainCommand({ DomainName: 'abac-red' })), 'AccessDeniedException', 403);
      const arn = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/abac-blue`;
      await blue.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['tmp'] }));
      await rejectsWith(blue.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['tmp', 'owner'] })), 'AccessDeniedException', 403, /explicit deny/);
    });

    test("an assumed role's session tags are aws:PrincipalTag; the session has the role's permissions only", async () => {
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/assumer` }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] });
      await iam.send(new CreateRoleCommand({ RoleName: 'Reader', AssumeRolePolicyDocument: trust }));
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: 'Reader',
          PolicyName: 'abac',
          PolicyDocument: policyDocument({ Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } }),
        }),
      );
      const assumer = await userWithPolicies(iam, 'assumer', []);
      const sts = stsClient(server, assumer);
      const session = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Reader`, RoleSessionName: 's1', DurationSeconds: 900, Tags: [{ Key: 'team', Value: 'red' }] }));
      const creds = session.Credentials!;
      assert.match(creds.AccessKeyId ?? '', /^ASIA/);
      assert.ok(creds.SessionToken);
      const expiresIn = creds.Expiration!.getTime() - Date.now();
      assert.ok(expiresIn > 800_000 && expiresIn <= 900_000, `DurationSeconds honoured: ${expiresIn} ms`);
      assert.equal(session.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/Reader/s1`);
      const credentials = { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken! };
      const who = await stsClient(server, credentials).send(new GetCallerIdentityCommand({}));
      assert.equal(who.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/Reader/s1`);
      assert.match(who.UserId ?? '', /^AROA[A-Z2-7]{17}:s1$/);
      const red = client(credentials);
      assert.equal((await red.send(new GetDomainCommand({ DomainName: 'abac-red' }))).DomainName, 'abac-red');
      await rejectsWith(red.send(new GetDomainCommand({ DomainName: 'abac-blue' })), 'AccessDeniedException', 403, new RegExp(`^User: arn:aws:sts::${ACCOUNT}:assumed-role/Reader/s1 is not`));
      await rejectsWith(red.send(new ListDomainsCommand({})), 'AccessDeniedException', 403);
      // A user the trust policy does not name may not assume the role.
      const stranger = stsClient(server, await userWithPolicies(iam, 'stranger', [policyDocument({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })]));
      await rejectsWith(stranger.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Reader`, RoleSessionName: 's2' })), 'AccessDenied', 403);
      await rejectsWith(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Reader`, RoleSessionName: 's3', DurationSeconds: 7200 })), 'ValidationError', 400, /MaxSessionDuration/);
      // A session policy narrows the session: the role allows GetDomain, the session policy only ListDomains.
      const narrowed = await sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/Reader`,
          RoleSessionName: 'narrow',
          Tags: [{ Key: 'team', Value: 'red' }],
          Policy: policyDocument({ Effect: 'Allow', Action: 'profile:ListDomains', Resource: '*' }),
        }),
      );
      const n = narrowed.Credentials!;
      const narrowCredentials = { accessKeyId: n.AccessKeyId!, secretAccessKey: n.SecretAccessKey!, sessionToken: n.SessionToken! };
      await rejectsWith(
        client(narrowCredentials).send(new GetDomainCommand({ DomainName: 'abac-red' })),
        'AccessDeniedException',
        403,
        /because no session policy allows the profile:GetDomain action$/,
      );
      // The root may not assume roles, as in AWS.
      await rejectsWith(stsClient(server, server.root).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Reader`, RoleSessionName: 'root' })), 'AccessDenied', 403, /root/);
      sts.destroy();
      stranger.destroy();
    });

    test('a session token is stored only as its SHA-256, and the session still works', async () => {
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/hasher` }, Action: 'sts:AssumeRole' }] });
      await iam.send(new CreateRoleCommand({ RoleName: 'Hashed', AssumeRolePolicyDocument: trust }));
      const sts = stsClient(server, await userWithPolicies(iam, 'hasher', []));
      const creds = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Hashed`, RoleSessionName: 'h1' }))).Credentials!;
      sts.destroy();
      const token = creds.SessionToken!;
      const config = server.databaseUrl ? { kind: 'postgres' as const, url: server.databaseUrl } : readConfig({ dataDir: server.dataDir }).database;
      const db = config.kind === 'postgres' ? createPostgresDb(config.url) : createSqliteDb(config.file);
      try {
        const row = await db.selectFrom('access_keys').selectAll().where('access_key_id', '=', creds.AccessKeyId!).executeTakeFirstOrThrow();
        const columns = Object.entries(row as unknown as Record<string, unknown>);
        assert.deepEqual(columns.filter(([, value]) => typeof value === 'string' && value.includes(token.slice(0, 24))), [], 'no column holds the token');
        assert.equal(row.session_token_sha256, sessionTokenSha256(token));
      } finally {
        await db.destroy();
      }
      const session = { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: token };
      const who = stsClient(server, session);
      assert.equal((await who.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/Hashed/h1`);
      who.destroy();
      const digestAsToken = { ...session, sessionToken: sessionTokenSha256(token) };
      const forged = stsClient(server, digestAsToken);
      await rejectsWith(forged.send(new GetCallerIdentityCommand({})), 'UnrecognizedClientException', 403);
      forged.destroy();
    });

    test('a permissions boundary caps what identity policies grant', async () => {
      const boundary = await iam.send(new CreatePolicyCommand({ PolicyName: 'ReadOnlyBoundary', PolicyDocument: policyDocument({ Effect: 'Allow', Action: ['profile:Get*', 'profile:List*'], Resource: '*' }) }));
      const bounded = client(await userWithPolicies(iam, 'bounded', [policyDocument({ Effect: 'Allow', Action: 'profile:*', Resource: '*' })]));
      await bounded.send(new CreateDomainCommand({ DomainName: 'bounded-1', DefaultExpirationDays: 5 }));
      await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: boundary.Policy!.Arn }));
      assert.equal((await bounded.send(new GetDomainCommand({ DomainName: 'bounded-1' }))).DomainName, 'bounded-1');
      await rejectsWith(bounded.send(new DeleteDomainCommand({ DomainName: 'bounded-1' })), 'AccessDeniedException', 403, /because no permissions boundary allows the profile:DeleteDomain action$/);
    });

    test('aws:SourceIp is the client address and aws:SecureTransport is false over plain HTTP', async () => {
      const listOnlyIf = (condition: Record<string, Record<string, string | string[]>>) =>
        policyDocument({ Effect: 'Allow', Action: 'profile:ListDomains', Resource: '*', Condition: condition });
      const local = client(await userWithPolicies(iam, 'from-localhost', [listOnlyIf({ IpAddress: { 'aws:SourceIp': ['127.0.0.0/8', '::1/128'] } })]));
      await local.send(new ListDomainsCommand({}));
      const remote = client(await userWithPolicies(iam, 'from-office', [listOnlyIf({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })]));
      await rejectsWith(remote.send(new ListDomainsCommand({})), 'AccessDeniedException', 403);
      const tlsOnly = client(await userWithPolicies(iam, 'tls-only', [listOnlyIf({ Bool: { 'aws:SecureTransport': 'true' } })]));
      await rejectsWith(tlsOnly.send(new ListDomainsCommand({})), 'AccessDeniedException', 403);
    });

    test('an inactive key and an expired session are refused', async () => {
      const reader = await userWithPolicies(iam, 'inactive', [policyDocument({ Effect: 'Allow', Action: 'profile:ListDomains', Resource: '*' })]);
      const readerClient = client(reader);
      await readerClient.send(new ListDomainsCommand({}));
      await iam.send(new UpdateAccessKeyCommand({ UserName: 'inactive', AccessKeyId: reader.accessKeyId, Status: 'Inactive' }));
      await rejectsWith(readerClient.send(new ListDomainsCommand({})), 'UnrecognizedClientException', 403);
      // An expired role session, stored as AssumeRole would have stored it an hour ago.
      const store = await openStore(server.databaseUrl ? { kind: 'postgres', url: server.databaseUrl } : readConfig({ dataDir: server.dataDir }).database);
      const secrets = SecretBox.open(undefined, server.dataDir);
      const expired = { accessKeyId: 'ASIAEXPIREDEXPIRED12', secretAccessKey: 'expired-secret-expired-secret-expired-se', sessionToken: 'expired-token' };
      await store.accessKeys.create({
        accessKeyId: expired.accessKeyId,
        accountId: ACCOUNT,
        principalKind: 'role-session',
        principalName: 'Reader/old',
        sealedSecret: secrets.seal(expired.secretAccessKey),
        status: 'Active',
        sessionTokenSha256: sessionTokenSha256(expired.sessionToken),
        expiresAt: new Date(Date.now() - 60_000),
        createdAt: new Date(Date.now() - 3_660_000),
      });
      await store.close();
      await rejectsWith(client(expired).send(new ListDomainsCommand({})), 'ExpiredTokenException', 403);
      await rejectsWith(stsClient(server, expired).send(new GetCallerIdentityCommand({})), 'ExpiredTokenException', 403);
    });

    test("a principal never reaches another account's resources, whatever its policies say", async () => {
      const args = [CLI_ENTRY, 'accounts', 'create', '--id', '111122223333', '--data-dir', server.dataDir];
      if (server.databaseUrl) args.push('--database', server.databaseUrl);
      const created = JSON.parse((await run(process.execPath, args)).stdout) as { AccessKeyId: string; SecretAccessKey: string };
      const otherIam = iamClient(server, { accessKeyId: created.AccessKeyId, secretAccessKey: created.SecretAccessKey });
      const greedy = client(await userWithPolicies(otherIam, 'greedy', [policyDocument({ Effect: 'Allow', Action: '*', Resource: '*' })]));
      await rejectsWith(greedy.send(new GetDomainCommand({ DomainName: 'abac-blue' })), 'ResourceNotFoundException', 404);
      await rejectsWith(
        greedy.send(new UntagResourceCommand({ resourceArn: `arn:aws:profile:us-east-1:${ACCOUNT}:domains/abac-blue`, tagKeys: ['team'] })),
        'AccessDeniedException',
        403,
        /^User: arn:aws:iam::111122223333:user\/greedy is not authorized/,
      );
      otherIam.destroy();
    });
  });
}
