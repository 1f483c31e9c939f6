// Benchmark (not a test): CPU time per PutProfileObject in process, on a fresh SQLite data dir — the
// ingestion path and its storage without HTTP and SigV4, as user + system CPU µs per write, which a
// loaded machine distorts far less than wall-clock rates. The same work as bench/put-profile-object.ts
// (UNIQUE key, PROFILE key `_email`, two profile targets; 1,000 profiles), measured while replacing
// existing objects: one write at a time, then 16 at a time (group commit).
// Run: npm run build && node dist/bench/put-object-cpu.js [writes]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { readConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';

const WRITES = Number(process.argv[2] ?? 2000);
const scope = { accountId: '000000000000', region: 'us-east-1' };
const dataDir = mkdtempSync(join(tmpdir(), 'op-bench-put-cpu-'));
const container = await createContainer(readConfig({ dataDir }, {}), { log: pino({ level: 'silent' }) });
const { domains, objectTypes, ingestion } = container.services;
await domains.create(scope, { name: 'bench', defaultExpirationDays: 365 });
await objectTypes.put(scope, 'bench', {
  name: 'Purchase',
  description: 'purchases',
  allowProfileCreation: true,
  fields: {
    id: { source: '_source.id', contentType: 'STRING' },
    email: { source: '_source.email', contentType: 'EMAIL_ADDRESS', target: '_profile.EmailAddress' },
    last: { source: '_source.id', contentType: 'STRING', target: '_profile.Attributes.lastPurchaseId' },
  },
  keys: { purchaseId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }] },
});
const text = (i: number) => JSON.stringify({ id: `o${i}`, email: `user${i % 1000}@example.com`, total: i });
for (let i = 0; i < WRITES; i++) await ingestion.putObject(scope, 'bench', 'Purchase', text(i));

for (const concurrency of [1, 16]) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < WRITES; i += concurrency) {
    const count = Math.min(concurrency, WRITES - i);
    await Promise.all(Array.from({ length: count }, (_, j) => ingestion.putObject(scope, 'bench', 'Purchase', text(i + j))));
  }
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  const perWrite = (micros: number) => (micros / WRITES).toFixed(0);
  process.stdout.write(`${concurrency} at a time: ${perWrite(used.user)} µs user + ${perWrite(used.system)} µs system CPU per write; ${perWrite(wall * 1000)} µs wall per write\n`);
}
await container.close();
rmSync(dataDir, { recursive: true, force: true });
