// The backfill part of bench/calculated-attributes.ts, in a process of its own so its peak RSS is its own: seeds
// N objects through the import's batch path on a fresh SQLite data dir, creates a UseHistoricalData definition
// and runs the job to the end. Prints one JSON line: { seconds, maxRssMiB, seededPerSecond }.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { readConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';

const objects = Number(process.argv[2] ?? 1_000_000);
const BATCH = 2000;
const dataDir = mkdtempSync(join(tmpdir(), 'op-bench-backfill-'));
try {
  const container = await createContainer(readConfig({ dataDir }, {}), { log: pino({ level: 'silent' }) });
  const scope = { accountId: container.config.accountId, region: container.config.region };
  await container.accounts.ensureAccount(scope.accountId);
  await container.services.domains.create(scope, { name: 'history', defaultExpirationDays: 365 });
  await container.services.objectTypes.put(scope, 'history', {
    name: 'Purchase',
    description: 'purchases',
    allowProfileCreation: true,
    fields: {
      id: { source: '_source.id' },
      email: { source: '_source.email', target: '_profile.EmailAddress', contentType: 'EMAIL_ADDRESS' },
      amount: { source: '_source.amount' },
      channel: { source: '_source.channel' },
    },
    keys: { purchaseId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }] },
  });
  const seedStart = performance.now();
  for (let n = 0; n < objects; n += BATCH) {
    const texts = Array.from({ length: Math.min(BATCH, objects - n) }, (_, i) => {
      const k = n + i;
      return JSON.stringify({ id: `P${k}`, email: `user${k % 20_000}@example.com`, amount: String(k % 97), channel: ['VOICE', 'CHAT', 'EMAIL'][k % 3] });
    });
    await container.services.ingestion.putObjects(scope, 'history', 'Purchase', texts);
  }
  const seededPerSecond = objects / ((performance.now() - seedStart) / 1000);
  const start = performance.now();
  await container.services.calculatedAttributes.create(scope, 'history', 'spend_all', {
    AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Purchase.amount}' }, Statistic: 'SUM', UseHistoricalData: true,
  }, {});
  while ((await container.jobs.runOnce()) > 0);
  const seconds = (performance.now() - start) / 1000;
  const view = await container.services.calculatedAttributes.get(scope, 'history', 'spend_all');
  if (view.status !== 'COMPLETED') throw new Error(`the backfill ended ${view.status}`);
  await container.close();
  process.stdout.write(JSON.stringify({ seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, seededPerSecond }) + '\n');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
