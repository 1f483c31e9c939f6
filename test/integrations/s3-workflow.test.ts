// Integration workflows from S3 through the official SDK, on every backend, against a real S3-protocol
// server (s3rver): CSV, JSON Lines and JSON-array objects under the prefix (and nothing outside it) become
// profiles found by SearchProfiles; the flow's Validate task drops records without an e-mail; a missing
// bucket fails the step with a message. The source is read with the account's own S3 connector profile: a
// flow without one, or naming one that does not serve the bucket, is refused even though the server has S3
// keys of its own (they are not granted to the account).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateIntegrationWorkflowCommand,
  GetWorkflowCommand,
  ListWorkflowsCommand,
  SearchProfilesCommand,
  type CustomerProfilesClient,
  type FlowDefinition,
} from '@aws-sdk/client-customer-profiles';
import { backends } from '../support/backends.js';
import { rejectsWith } from '../support/errors.js';
import type { RunningServer } from '../support/server.js';
import { newDomain } from '../support/profiles.js';
import { putType } from '../support/objects.js';
import { startS3Server, type RunningS3 } from '../support/s3-server.js';
import { allFinished, connectorsCli, CUSTOMER_TYPE, KMS_ARN, ROLE_ARN, waitForSteps, waitForWorkflow } from '../support/workflows.js';

let flowCounter = 0;

/** `profileName` null: a flow naming no connector profile. */
function s3Flow(bucket: string, prefix: string, profileName: string | null = 's3'): FlowDefinition {
  return {
    FlowName: `s3-flow-${process.pid}-${++flowCounter}`,
    KmsArn: KMS_ARN,
    SourceFlowConfig: { ConnectorType: 'S3', ConnectorProfileName: profileName ?? undefined, SourceConnectorProperties: { S3: { BucketName: bucket, BucketPrefix: prefix } } },
    Tasks: [
      { TaskType: 'Filter', SourceFields: ['id', 'email', 'name'], ConnectorOperator: { S3: 'PROJECTION' } },
      { TaskType: 'Validate', SourceFields: ['email'], ConnectorOperator: { S3: 'VALIDATE_NON_NULL' }, TaskProperties: { VALIDATION_ACTION: 'DropRecord' } },
      { TaskType: 'Map', SourceFields: ['id'], DestinationField: 'id', ConnectorOperator: { S3: 'NO_OP' } },
      { TaskType: 'Map', SourceFields: ['email'], DestinationField: 'email', ConnectorOperator: { S3: 'NO_OP' } },
      { TaskType: 'Truncate', SourceFields: ['name'], DestinationField: 'first', ConnectorOperator: { S3: 'NO_OP' }, TaskProperties: { TRUNCATE_LENGTH: '5' } },
    ],
    TriggerConfig: { TriggerType: 'OnDemand' },
  };
}

for (const backend of backends()) {
  describe(`S3 workflows on ${backend.name}`, { skip: backend.skip }, () => {
    let server: RunningServer;
    let client: CustomerProfilesClient;
    let s3: RunningS3;
    const create = (domain: string, flow: FlowDefinition) =>
      client.send(new CreateIntegrationWorkflowCommand({ DomainName: domain, WorkflowType: 'APPFLOW_INTEGRATION', ObjectTypeName: 'Customer', RoleArn: ROLE_ARN, IntegrationConfig: { AppflowIntegration: { FlowDefinition: flow } } }));
    const upload = (bucket: string, key: string, body: string) => s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    const profile = async (domain: string, email: string) =>
      (await client.send(new SearchProfilesCommand({ DomainName: domain, KeyName: '_email', Values: [email] }))).Items ?? [];

    before(async () => {
      s3 = await startS3Server();
      // The server's own S3 setting, granted to no account.
      server = await backend.start({
        env: { OPENPROFILES_S3_ENDPOINT: s3.endpoint, OPENPROFILES_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId, OPENPROFILES_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey },
      });
      client = server.client();
      const keys = ['--instance-url', s3.endpoint, '--access-key-id', s3.credentials.accessKeyId, '--secret-access-key', s3.credentials.secretAccessKey];
      await connectorsCli(server, ['put-profile', '--name', 's3', '--type', 's3', ...keys]);
      await connectorsCli(server, ['put-profile', '--name', 'archive-only', '--type', 's3', '--buckets', 'archive', ...keys]);
    });
    after(async () => {
      client?.destroy();
      await s3?.stop();
      await server?.stop();
    });

    test('CSV, JSON Lines and JSON arrays under the prefix are ingested; records failing Validate are dropped', async () => {
      const domain = await newDomain(client, 's3w');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      const bucket = `b-${domain.slice(-10)}`;
      await s3.createBucket(bucket);
      await upload(bucket, 'in/2024/a.csv', 'id,email,name\nc1,ann@example.com,Annabel\nc2,,Nobody\nc3,bob@example.com,Bob\n');
      await upload(bucket, 'in/2024/b.jsonl', '{"id":"j1","email":"cy@example.com","name":"Cyrus"}\n\n{"id":"j2","email":"di@example.com","name":"Diana"}\n');
      await upload(bucket, 'in/2025/c.json', JSON.stringify([{ id: 'a1', email: 'ed@example.com', name: 'Edward' }]));
      await upload(bucket, 'out/d.csv', 'id,email,name\nx1,outside@example.com,Out\n');
      const created = await create(domain, s3Flow(bucket, 'in/'));
      const items = await waitForSteps(client, domain, created.WorkflowId!, allFinished);
      assert.equal(items.length, 1);
      assert.equal(items[0]!.Status, 'COMPLETE', items[0]!.ExecutionMessage);
      assert.equal(items[0]!.RecordsProcessed, 5);
      const workflow = await client.send(new GetWorkflowCommand({ DomainName: domain, WorkflowId: created.WorkflowId! }));
      assert.equal(workflow.Metrics?.AppflowIntegration?.RecordsProcessed, 5);
      assert.equal(workflow.Attributes?.AppflowIntegration?.SourceConnectorType, 'S3');
      const ann = await profile(domain, 'ann@example.com');
      assert.equal(ann.length, 1);
      assert.equal(ann[0]!.FirstName, 'Annab', 'Truncate to 5 characters');
      for (const email of ['bob@example.com', 'cy@example.com', 'di@example.com', 'ed@example.com']) assert.equal((await profile(domain, email)).length, 1, email);
      assert.equal((await profile(domain, 'outside@example.com')).length, 0, 'objects outside the prefix are not read');
    });

    test("a flow naming a profile that does not serve the bucket, or without one where the account has none, is a 400: the server's own keys are not the account's", async () => {
      const domain = await newDomain(client, 's3n');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      const bucket = `b-${domain.slice(-10)}`;
      await s3.createBucket(bucket);
      await upload(bucket, 'in/a.csv', 'id,email,name\nn1,nobody@example.com,Nobody\n');
      await rejectsWith(create(domain, s3Flow(bucket, 'in/', 'archive-only')), 'BadRequestException', 400, new RegExp(`Connector profile archive-only .* no S3 credentials for bucket ${bucket}`));
      await rejectsWith(create(domain, s3Flow(bucket, 'in/', 'nobody')), 'BadRequestException', 400, /Connector profile nobody/);
      assert.deepEqual((await client.send(new ListWorkflowsCommand({ DomainName: domain }))).Items ?? [], [], 'nothing was written');
      // In another region the account has no S3 profile at all: without a ConnectorProfileName nothing reads the bucket.
      const elsewhere = server.client({ region: 'eu-west-1' });
      try {
        const other = await newDomain(elsewhere, 's3n');
        await putType(elsewhere, other, 'Customer', CUSTOMER_TYPE);
        await rejectsWith(
          elsewhere.send(new CreateIntegrationWorkflowCommand({ DomainName: other, WorkflowType: 'APPFLOW_INTEGRATION', ObjectTypeName: 'Customer', RoleArn: ROLE_ARN, IntegrationConfig: { AppflowIntegration: { FlowDefinition: s3Flow(bucket, 'in/', null) } } })),
          'BadRequestException',
          400,
          new RegExp(`Account 000000000000 has no S3 credentials for bucket ${bucket} in eu-west-1.*connectors put-profile --type s3 --buckets ${bucket}`),
        );
      } finally {
        elsewhere.destroy();
      }
    });

    test('an S3 profile lists its buckets (never its keys), and one without keys is refused', async () => {
      const lines = (await connectorsCli(server, ['list'])).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const archive = lines.find((line) => line['ConnectorProfileName'] === 'archive-only');
      assert.deepEqual([archive?.['ConnectorType'], archive?.['Buckets'], archive?.['Credentials']], ['S3', ['archive'], ['accessKeyId', 'secretAccessKey']]);
      assert.equal(lines.find((line) => line['ConnectorProfileName'] === 's3')?.['Buckets'], undefined);
      assert.doesNotMatch(JSON.stringify(lines), new RegExp(s3.credentials.secretAccessKey));
      await assert.rejects(connectorsCli(server, ['put-profile', '--name', 'keyless', '--type', 's3', '--buckets', 'archive']), /needs --access-key-id and --secret-access-key/);
      await assert.rejects(connectorsCli(server, ['put-profile', '--name', 'q', '--type', 'sqs', '--buckets', 'archive', '--access-key-id', 'a', '--secret-access-key', 'b']), /--buckets is for s3 profiles only/);
      await assert.rejects(connectorsCli(server, ['put-profile', '--name', 'bad', '--type', 's3', '--buckets', 'Bad_Bucket', '--access-key-id', 'a', '--secret-access-key', 'b']), /invalid bucket name "Bad_Bucket"/);
    });

    test('a bucket that does not exist fails the step with a message naming it', async () => {
      const domain = await newDomain(client, 's3f');
      await putType(client, domain, 'Customer', CUSTOMER_TYPE);
      const created = await create(domain, s3Flow('no-such-bucket', 'in/'));
      const items = await waitForSteps(client, domain, created.WorkflowId!, allFinished);
      assert.equal(items[0]!.Status, 'FAILED');
      assert.match(items[0]!.ExecutionMessage!, /no-such-bucket/);
      assert.match(items[0]!.ExecutionMessage!, /NoSuchBucket/);
      await waitForWorkflow(client, domain, created.WorkflowId!, 'FAILED');
    });
  });
}
