// Benchmark (not a test): one identity-resolution job over 1,000,000 synthetic profiles with known
// duplicates (bench/identity-resolution/synthetic-people.ts, seeded), stored in SQLite as CreateProfile
// stores them, run by a real `openprofiles serve` through its job queue. Reports job time, the server's
// peak RSS and CPU time, pairs compared, pair precision/recall/F1 against the known duplicates, and
// SearchProfiles p99 (signed requests at a fixed rate) while idle and during the job.
// Run: npm run bench:identity-resolution [-- <profiles>]  (BENCH_DATA_DIR=<dir> keeps the seeded data;
// BENCH_RATE requests/s, BENCH_CONNECTIONS, BENCH_SECONDS per load window; BENCH_CONTROL_WINDOWS=N first
// measures N more windows with no job running, to show how far the idle p99 itself wanders.)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../src/storage/open-store.js';
import type { Store } from '../src/storage/ports.js';
import { startIdentityResolutionJob } from '../src/jobs/handlers/identity-resolution.js';
import { seedProfiles } from './seed-profiles.js';
import { serverEnv, startListening } from './processes.js';
import { readRootKey, signedSearch, type FixedRequest } from './signed-requests.js';
import { load, percentile, type LoadResult } from './load.js';
import { groupMetrics } from './eval-matching/metrics.js';
import { syntheticProfiles } from './identity-resolution/synthetic-people.js';
import { cpuSeconds, peakRssBytes } from './identity-resolution/process-usage.js';

const PROFILES = Number(process.argv[2] ?? 1_000_000);
const RATE = Number(process.env['BENCH_RATE'] ?? 100);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 4);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const SCOPE = { accountId: '000000000000', region: 'us-east-1' };
const DOMAIN = 'bench';
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const STATS_PRELOAD = new URL('./identity-resolution/print-matching-stats.js', import.meta.url).href;
const KEPT_DATA_DIR = process.env['BENCH_DATA_DIR'];
const CONTROL_WINDOWS = Number(process.env['BENCH_CONTROL_WINDOWS'] ?? 0);
const ENDED = new Set(['COMPLETED', 'PARTIAL_SUCCESS', 'FAILED']);

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const truthFileOf = (dataDir: string) => join(dataDir, 'truth.json');

/** The true entity of each profile id, kept beside the database. */
function readTruth(dataDir: string): Map<string, number> {
  return new Map(Object.entries(JSON.parse(readFileSync(truthFileOf(dataDir), 'utf8')) as Record<string, number>));
}

/** Seeds the profiles once per data dir, writing the truth file beside them. */
async function seed(dataDir: string): Promise<void> {
  const file = join(dataDir, 'openprofiles.db');
  const truthFile = truthFileOf(dataDir);
  if (existsSync(file) && existsSync(truthFile)) return;
  const store = await openStore({ kind: 'sqlite', file });
  const now = new Date();
  await store.domains.create(SCOPE, { name: DOMAIN, defaultExpirationDays: 365, createdAt: now, lastUpdatedAt: now });
  await store.close();
  const people = syntheticProfiles(PROFILES);
  let entity = 0;
  const truth = new Map<string, number>();
  const started = Date.now();
  seedProfiles(file, SCOPE, DOMAIN, PROFILES, (done) => {
    if (done % 100_000 === 0 || done === PROFILES) log(`seeded ${done} profiles (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }, {
    changesOf: () => {
      const next = people.next();
      if (next.done) throw new Error('the generator ran out');
      entity = next.value.entity;
      return next.value.fields;
    },
    onSeeded: (_, profileId) => truth.set(profileId, entity),
  });
  writeFileSync(truthFile, JSON.stringify(Object.fromEntries(truth)));
}

/** Load windows back to back until `done` says stop; each window's p99 and the worst of them. */
async function loadWhile(endpoint: string, requests: readonly FixedRequest[], status: () => string, latencies: number[]): Promise<LoadResult[]> {
  const windows: LoadResult[] = [];
  while (!ENDED.has(status())) {
    const during = status();
    const window = await load({ url: endpoint, requests, seconds: SECONDS, connections: CONNECTIONS, overallRate: RATE, latencies });
    log(`  load window from ${during}: p50 ${window.p50Ms} ms, p99 ${window.p99Ms} ms`);
    windows.push(window);
  }
  return windows;
}

async function jobStatus(store: Store, jobId: string): Promise<string> {
  return (await store.identityResolution.getJob(SCOPE, DOMAIN, jobId))?.status ?? 'MISSING';
}

async function allGroups(store: Store): Promise<string[][]> {
  const groups: string[][] = [];
  let after: string | undefined;
  do {
    const page = await store.identityResolution.listMatches(SCOPE, DOMAIN, { limit: 1_000, after });
    for (const group of page.items) groups.push([...group.profileIds]);
    after = page.nextAfter;
  } while (after !== undefined);
  return groups;
}

async function main(): Promise<void> {
  const dataDir = KEPT_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'op-bench-ir-'));
  try {
    await seed(dataDir); // the truth is read only after the load windows, so this process's heap stays small while it measures
    if (process.env['BENCH_SEED_ONLY'] === '1') return;
    const server = await startListening(['--import', STATS_PRELOAD, CLI, 'serve', '--port', '0', '--data-dir', dataDir], serverEnv());
    const store = await openStore({ kind: 'sqlite', file: join(dataDir, 'openprofiles.db') });
    try {
      const credentials = readRootKey(dataDir);
      const names = ['Smith', 'Garcia', 'Chen', 'Patel', 'Kim', 'Nguyen', 'Lee', 'Brown'];
      const requests = await Promise.all(names.map((name) => signedSearch(server.endpoint, credentials, DOMAIN, '_fullName', `Mary ${name}`)));
      await load({ url: server.endpoint, requests, seconds: 3, connections: CONNECTIONS, overallRate: RATE }); // warm-up
      const idleLatencies: number[] = [];
      const idle = await load({ url: server.endpoint, requests, seconds: SECONDS * 2, connections: CONNECTIONS, overallRate: RATE, latencies: idleLatencies });
      const control: LoadResult[] = [];
      for (let window = 0; window < CONTROL_WINDOWS; window++) {
        control.push(await load({ url: server.endpoint, requests, seconds: SECONDS, connections: CONNECTIONS, overallRate: RATE }));
        log(`  control window (no job): p50 ${control.at(-1)?.p50Ms} ms, p99 ${control.at(-1)?.p99Ms} ms`);
      }

      const cpuBefore = cpuSeconds(server.pid);
      const started = Date.now();
      const jobId = await startIdentityResolutionJob(store, SCOPE, DOMAIN, new Date());
      let status = 'PENDING';
      const polling = (async () => {
        while (!ENDED.has(status)) {
          await sleep(1_000);
          const next = await jobStatus(store, jobId);
          if (next !== status) log(`${((Date.now() - started) / 1000).toFixed(0)} s: ${next}`);
          status = next;
        }
      })();
      const duringLatencies: number[] = [];
      const during = await loadWhile(server.endpoint, requests, () => status, duringLatencies);
      await polling;
      const jobSeconds = (Date.now() - started) / 1000;
      const jobCpu = cpuSeconds(server.pid) - cpuBefore;
      const peak = peakRssBytes(server.pid);
      const job = await store.identityResolution.getJob(SCOPE, DOMAIN, jobId);
      const stats = /matching-stats (\{.*\})/.exec(server.output())?.[1];

      const truth = readTruth(dataDir);
      const ids = [...truth.keys()];
      const index = new Map(ids.map((id, i) => [id, i]));
      const groups = (await allGroups(store)).map((group) => group.map((id) => index.get(id) ?? -1).filter((i) => i >= 0));
      const metrics = groupMetrics(groups, ids.map((id) => String(truth.get(id))));

      const p99s = during.map((window) => window.p99Ms).sort((a, b) => a - b);
      log(`\n${PROFILES} synthetic profiles; job ${job?.status}${job?.message ? ` (${job.message})` : ''}`);
      log(`| figure | value |`);
      log(`| --- | --- |`);
      log(`| job time (start to COMPLETED) | ${jobSeconds.toFixed(0)} s |`);
      log(`| server CPU time during the job (job + load) | ${jobCpu.toFixed(0)} s |`);
      log(`| server peak RSS (VmHWM, all threads) | ${mb(peak)} |`);
      log(`| profiles reviewed / match groups | ${job?.profilesReviewed} / ${job?.matchesFound} |`);
      log(`| matcher stats | ${stats ?? 'not printed'} |`);
      log(`| pair precision / recall / F1 | ${metrics.precision.toFixed(4)} / ${metrics.recall.toFixed(4)} / ${metrics.f1.toFixed(4)} (true pairs ${metrics.truePairs}) |`);
      log(`| SearchProfiles p99 idle (${RATE} req/s, ${CONNECTIONS} connections) | ${idle.p99Ms} ms (p50 ${idle.p50Ms} ms) |`);
      log(`| SearchProfiles p99 during the job, ${during.length} windows of ${SECONDS} s: median / worst | ${p99s[Math.floor(p99s.length / 2)] ?? '-'} ms / ${p99s.at(-1) ?? '-'} ms |`);
      const [idleP99, duringP99] = [percentile(idleLatencies, 99), percentile(duringLatencies, 99)];
      log(`| SearchProfiles p99 over every request: idle / during the job (${idleLatencies.length} / ${duringLatencies.length} samples) | ${idleP99.toFixed(1)} ms / ${duringP99.toFixed(1)} ms = ${(duringP99 / idleP99).toFixed(2)}× idle |`);
      const overTwice = (windows: readonly LoadResult[]) => windows.filter((window) => window.p99Ms > 2 * idle.p99Ms).length;
      log(`| windows with p99 over 2× idle | during the job: ${overTwice(during)} of ${during.length}${CONTROL_WINDOWS > 0 ? `; with no job (control): ${overTwice(control)} of ${control.length}` : ''} |`);
      const failures = [...during, ...control].reduce((sum, window) => sum + window.non2xx + window.errors, idle.non2xx + idle.errors);
      if (failures > 0) log(`(${failures} non-2xx or errors)`);
    } finally {
      await store.close();
      await server.stop();
    }
  } finally {
    if (KEPT_DATA_DIR === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
