// Integration-workflow benchmark: N records (default 20,000) pulled from the Salesforce contract server
// (pages of 2,000, like the real API), transformed by Map tasks and ingested with a checkpoint per page,
// beside IngestionService.putObjects of the same documents in batches of 2,000 measured in the same run
// on the same backend (SQLite). The ratio is the cost of pulling over HTTP, tasks and checkpoints.
// Usage: npm run bench:workflow [-- --records N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { readConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';
import { sfTime, startSalesforceContract } from '../test/support/contract/salesforce.js';

const records = Number(process.argv[process.argv.indexOf('--records') + 1] ?? 0) || 20_000;
const PAGE = 2_000;
const scope = { accountId: '000000000000', region: 'us-east-1' };
const dir = mkdtempSync(join(tmpdir(), 'op-bench-workflow-'));
const KMS = 'arn:aws:kms:us-east-1:000000000000:key/bench';

const sf = await startSalesforceContract({ pageSize: PAGE });
const container = await createContainer(readConfig({ dataDir: dir }, {}), { log: pino({ level: 'silent' }) });
try {
  const { domains, objectTypes, connectorProfiles, workflows, ingestion } = container.services;
  for (const name of ['viaWorkflow', 'viaBatches']) {
    await domains.create(scope, { name, defaultExpirationDays: 365 });
    await objectTypes.put(scope, name, {
      name: 'Customer',
      description: 'bench',
      allowProfileCreation: true,
      fields: { id: { source: '_source.id', contentType: 'STRING' }, email: { source: '_source.email', target: '_profile.EmailAddress', contentType: 'EMAIL_ADDRESS' }, first: { source: '_source.first', target: '_profile.FirstName', contentType: 'NAME' } },
      keys: { customerId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }] },
    });
  }
  const base = Date.now() - 86_400_000;
  const rows = Array.from({ length: records }, (_, i) => ({ Id: `003B${String(i).padStart(12, '0')}`, Email: `u${i}@example.com`, FirstName: `N${i % 997}`, SystemModstamp: sfTime(new Date(base + i)) }));
  sf.put('Contact', rows);
  await connectorProfiles.put(scope, { name: 'sf', type: 'Salesforce', instanceUrl: sf.instanceUrl, credentials: { token: sf.token } });

  let started = performance.now();
  const { workflowId } = await workflows.create(scope, 'viaWorkflow', {
    workflowType: 'APPFLOW_INTEGRATION',
    objectTypeName: 'Customer',
    roleArn: 'arn:aws:iam::000000000000:role/bench',
    appflow: {
      FlowDefinition: {
        FlowName: 'bench',
        KmsArn: KMS,
        SourceFlowConfig: { ConnectorType: 'Salesforce', ConnectorProfileName: 'sf', SourceConnectorProperties: { Salesforce: { Object: 'Contact' } } },
        Tasks: [
          { TaskType: 'Map', SourceFields: ['Id'], DestinationField: 'id' },
          { TaskType: 'Map', SourceFields: ['Email'], DestinationField: 'email' },
          { TaskType: 'Map', SourceFields: ['FirstName'], DestinationField: 'first' },
        ],
        TriggerConfig: { TriggerType: 'OnDemand' },
      },
    },
  });
  while ((await workflows.get(scope, 'viaWorkflow', workflowId)).status !== 'COMPLETE') await container.jobs.runOnce();
  const workflowRate = records / ((performance.now() - started) / 1000);
  const ingested = (await workflows.get(scope, 'viaWorkflow', workflowId)).recordsProcessed;

  const documents = rows.map((row) => JSON.stringify({ id: row.Id, email: row.Email, first: row.FirstName }));
  started = performance.now();
  for (let from = 0; from < records; from += PAGE) await ingestion.putObjects(scope, 'viaBatches', 'Customer', documents.slice(from, from + PAGE));
  const batchRate = records / ((performance.now() - started) / 1000);

  process.stdout.write(JSON.stringify({ records, ingested, workflowRecordsPerSecond: Math.round(workflowRate), putObjectsRecordsPerSecond: Math.round(batchRate), ratio: Number((workflowRate / batchRate).toFixed(3)) }) + '\n');
} finally {
  await container.close();
  await sf.stop();
  rmSync(dir, { recursive: true, force: true });
}
