// Bulk import benchmark: `openprofiles import` of N generated records (default 1,000,000) into SQLite,
// beside the raw better-sqlite3 insert rate of the same rows (same pragmas, same batch size) measured in
// the same run, with the import process's peak memory. Usage: npm run bench:import [-- --records N]
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { readConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const records = Number(process.argv[process.argv.indexOf('--records') + 1] ?? 0) || 1_000_000;
const BATCH = 500;
const dir = mkdtempSync(join(tmpdir(), 'op-bench-import-'));

/** A deterministic record: customer i, with an e-mail shared by every 10th so some profiles gather objects. */
function record(i: number): string {
  return JSON.stringify({ id: `c${i}`, email: `user${i - (i % 10 === 9 ? 1 : 0)}@example.com`, name: `Name ${i % 997}`, city: `City ${i % 101}`, spend: (i * 7919) % 10000 });
}

async function writeFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < records; i++) if (!out.write(record(i) + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function rawInsertRate(): number {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table objects (object_key text primary key, profile_id text not null, object_json text not null)');
  const insert = db.prepare('insert into objects values (?, ?, ?)');
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert.run(`c${i}`, `p${i}`, record(i));
  });
  const started = performance.now();
  for (let from = 0; from < records; from += BATCH) batch(from, Math.min(from + BATCH, records));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return records / seconds;
}

async function prepareDomain(dataDir: string): Promise<void> {
  const container = await createContainer(readConfig({ dataDir }, {}), { log: pino({ level: 'silent' }) });
  const scope = { accountId: '000000000000', region: 'us-east-1' };
  await container.services.domains.create(scope, { name: 'bench', defaultExpirationDays: 365 });
  await container.services.objectTypes.put(scope, 'bench', {
    name: 'Customer',
    description: 'bench customers',
    allowProfileCreation: true,
    fields: {
      id: { source: '_source.id', contentType: 'STRING' },
      email: { source: '_source.email', target: '_profile.EmailAddress', contentType: 'EMAIL_ADDRESS' },
      name: { source: '_source.name', target: '_profile.FirstName', contentType: 'NAME' },
      city: { source: '_source.city', target: '_profile.Address.City', contentType: 'STRING' },
    },
    keys: { customerId: [{ standardIdentifiers: ['UNIQUE'], fieldNames: ['id'] }], _email: [{ standardIdentifiers: ['PROFILE'], fieldNames: ['email'] }] },
  });
  await container.close();
}

/** Runs the import CLI; resolves with its wall time and peak resident memory (VmHWM). */
function runImport(file: string, dataDir: string): Promise<{ seconds: number; peakMiB: number; summary: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'import', file, '--domain', 'bench', '--object-type', 'Customer', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let summary = '';
    let peakKiB = 0;
    child.stdout.on('data', (chunk: Buffer) => (summary += chunk.toString()));
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
      } catch {
        // the process has just exited
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`import exited with ${code}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peakKiB / 1024, summary: summary.trim() });
    });
  });
}

const file = join(dir, 'records.jsonl');
await writeFile(file);
const raw = rawInsertRate();
const dataDir = join(dir, 'data');
await prepareDomain(dataDir);
const result = await runImport(file, dataDir);
const rate = records / result.seconds;
console.log(`records:                     ${records.toLocaleString('en-US')}`);
console.log(`raw better-sqlite3 inserts:  ${Math.round(raw).toLocaleString('en-US')} rows/s (baseline, same run)`);
console.log(`openprofiles import:         ${Math.round(rate).toLocaleString('en-US')} objects/s (${result.summary})`);
console.log(`ratio:                       ${((rate / raw) * 100).toFixed(2)}% of the baseline (target >= 30%)`);
console.log(`import peak memory (VmHWM):  ${result.peakMiB.toFixed(0)} MiB`);
rmSync(dir, { recursive: true, force: true });
