// Benchmark (not a test): SearchProfiles by _email and by a custom key over HTTP with SigV4-signed
// requests against 1,000,000 seeded profiles in SQLite, beside a bare Node http server (and Fastify set
// up as ours) measured in the same run; then p50/p99 at half the measured maximum, paced evenly
// (paced-load.ts). Prints the server's CPU time per request, which the machine's other load disturbs
// far less than req/s. Run: npm run bench:search [-- <profiles>]
// (BENCH_DATA_DIR=<dir> keeps the seeded data for the next run; BENCH_SECONDS, BENCH_CONNECTIONS;
// BENCH_COMPARE_CLI=<other build>/dist/src/cli/main.js measures a second build the same way, same run.)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/storage/open-store.js';
import { CUSTOM_KEY, customKeyValue, seedProfiles } from './seed-profiles.js';
import { serverEnv, startListening, type Child } from './processes.js';
import { pacedLoad } from './paced-load.js';
import { readRootKey, signedSearch, type FixedRequest } from './signed-requests.js';
import { load, tableRow, type LoadResult } from './load.js';

const PROFILES = Number(process.argv[2] ?? 1_000_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const DISTINCT_REQUESTS = 64;
const SCOPE = { accountId: '000000000000', region: 'us-east-1' };
const DOMAIN = 'bench';
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-server.js', import.meta.url));
const FASTIFY = fileURLToPath(new URL('./fastify-server.js', import.meta.url));
/** A data dir to keep and reuse: seeded on the first run, only served on later ones. */
const KEPT_DATA_DIR = process.env['BENCH_DATA_DIR'];
/** Another build's CLI, measured beside this one in the same run (before/after figures). */
const COMPARE_CLI = process.env['BENCH_COMPARE_CLI'];

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Request values spread over the whole id range, so lookups touch the whole index. */
function sampled(count: number, make: (n: number) => string): string[] {
  return Array.from({ length: DISTINCT_REQUESTS }, (_, i) => make(Math.floor(((i + 0.5) * count) / DISTINCT_REQUESTS)));
}

async function main(): Promise<void> {
  const dataDir = KEPT_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'op-bench-'));
  const file = join(dataDir, 'openprofiles.db');
  try {
    if (!existsSync(file)) {
      const store = await openStore({ kind: 'sqlite', file });
      const now = new Date();
      await store.domains.create(SCOPE, { name: DOMAIN, defaultExpirationDays: 365, createdAt: now, lastUpdatedAt: now });
      await store.close();
      const started = Date.now();
      seedProfiles(file, SCOPE, DOMAIN, PROFILES, (done) => {
        if (done % 100_000 === 0 || done === PROFILES) log(`seeded ${done} profiles (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      });
    }

    const env = serverEnv();
    const servers: Array<{ label: string; child: Child }> = [{ label: '', child: await startListening([CLI, 'serve', '--port', '0', '--data-dir', dataDir], env) }];
    if (COMPARE_CLI) servers.push({ label: ' [compared build]', child: await startListening([COMPARE_CLI, 'serve', '--port', '0', '--data-dir', dataDir], env) });
    const bare = await startListening([BARE], env);
    const fastify = await startListening([FASTIFY], env);
    try {
      const credentials = readRootKey(dataDir);
      // The signature covers the Host header (with its port), so each server gets its own signed requests.
      const signedFor = async (child: Child) => {
        const sign = (keyName: string, values: string[]) => Promise.all(values.map((value) => signedSearch(child.endpoint, credentials, DOMAIN, keyName, value)));
        const byEmail = await sign('_email', sampled(PROFILES, (n) => `USER${n}@example.com`));
        const byCustom = await sign(CUSTOM_KEY, sampled(PROFILES, customKeyValue));
        await checkAnswers(child.endpoint, [...byEmail, ...byCustom]);
        return { byEmail, byCustom };
      };
      const signed = await Promise.all(servers.map(async (server) => ({ ...server, ...(await signedFor(server.child)) })));
      const forBaselines = signed[0]!.byEmail;

      const run = (child: Child, requests: readonly FixedRequest[]) => measured(child, () => load({ url: child.endpoint, requests, seconds: SECONDS, connections: CONNECTIONS }));
      const paced = (child: Child, requests: readonly FixedRequest[], ratePerSecond: number) =>
        pacedLoad({ url: child.endpoint, requests, seconds: SECONDS, connections: CONNECTIONS, ratePerSecond });
      for (const { child, byEmail } of signed) await run(child, byEmail); // warm-up: JIT, page cache
      const bareMax = await run(bare, forBaselines);
      const fastifyMax = await run(fastify, forBaselines);
      const max = [];
      for (const { label, child, byEmail, byCustom } of signed) {
        max.push({ label, child, byEmail, byCustom, email: await run(child, byEmail), custom: await run(child, byCustom) });
      }
      const half = [];
      for (const { label, child, byEmail, byCustom, email, custom } of max) {
        const emailRate = Math.round(email.requestsPerSecond / 2);
        const customRate = Math.round(custom.requestsPerSecond / 2);
        half.push({ label, emailRate, bare: await paced(bare, forBaselines, emailRate), email: await paced(child, byEmail, emailRate), custom: await paced(child, byCustom, customRate) });
      }

      log(`\n${PROFILES} profiles, ${CONNECTIONS} connections, ${SECONDS} s per run, ${DISTINCT_REQUESTS} distinct signed requests per key\n`);
      log('| Run (max load, autocannon) | req/s | p50 ms | p99 ms | of bare | server CPU µs/req |');
      log('| --- | --- | --- | --- | --- | --- |');
      log(withCpu(tableRow('bare Node http, fixed JSON', bareMax), bareMax));
      log(withCpu(tableRow('bare Fastify (our setup), fixed JSON', fastifyMax, bareMax), fastifyMax));
      for (const { label, email, custom } of max) {
        log(withCpu(tableRow(`SearchProfiles _email${label}`, email, bareMax), email));
        log(withCpu(tableRow(`SearchProfiles ${CUSTOM_KEY} (custom key)${label}`, custom, bareMax), custom));
      }
      log('\n| Run (half of its max, paced evenly) | req/s | p50 ms | p99 ms | |');
      log('| --- | --- | --- | --- | --- |');
      for (const { label, emailRate, bare: bareHalf, email, custom } of half) {
        log(tableRow(`bare Node http at ${emailRate}/s (the _email rate)${label}`, bareHalf));
        log(tableRow(`SearchProfiles _email${label}`, email));
        log(tableRow(`SearchProfiles ${CUSTOM_KEY} (custom key)${label}`, custom));
      }
    } finally {
      for (const { child } of servers) await child.stop();
      await bare.stop();
      await fastify.stop();
    }
  } finally {
    if (KEPT_DATA_DIR === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** User plus system CPU seconds the process has used so far (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

type Measured = LoadResult & { readonly cpuMicrosPerRequest: number };

async function measured(child: Child, run: () => Promise<LoadResult>): Promise<Measured> {
  const before = cpuSeconds(child.pid);
  const result = await run();
  const requests = result.requestsPerSecond * SECONDS;
  return { ...result, cpuMicrosPerRequest: requests > 0 ? (1e6 * (cpuSeconds(child.pid) - before)) / requests : Number.NaN };
}

function withCpu(row: string, result: Measured): string {
  return row.replace(/ \|((?: \(.*\))?)$/, ` | ${Math.round(result.cpuMicrosPerRequest)} |$1`);
}

/** Every pre-signed request must find exactly one profile, or the figures would measure errors. */
async function checkAnswers(endpoint: string, requests: readonly FixedRequest[]): Promise<void> {
  for (const request of requests) {
    const response = await fetch(`${endpoint}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
    const body = (await response.json()) as { Items?: unknown[] };
    if (response.status !== 200 || body.Items?.length !== 1) throw new Error(`${request.body} answered ${response.status} ${JSON.stringify(body)}`);
  }
}

await main();
