// Benchmark (not a test): SearchProfiles by _email and by a custom key over HTTP with SigV4-signed
// requests against 1,000,000 seeded profiles in SQLite, beside a bare Node http server measured in
// the same run; then p99 at half the measured maximum. Run: npm run bench:search [-- <profiles>]
// (BENCH_DATA_DIR=<dir> keeps the seeded data for the next run; BENCH_SECONDS, BENCH_CONNECTIONS.)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/storage/open-store.js';
import { CUSTOM_KEY, customKeyValue, seedProfiles } from './seed-profiles.js';
import { serverEnv, startListening } from './processes.js';
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
    const server = await startListening([CLI, 'serve', '--port', '0', '--data-dir', dataDir], env);
    const bare = await startListening([BARE], env);
    const fastify = await startListening([FASTIFY], env);
    try {
      const credentials = readRootKey(dataDir);
      const sign = (keyName: string, values: string[]) => Promise.all(values.map((value) => signedSearch(server.endpoint, credentials, DOMAIN, keyName, value)));
      const byEmail = await sign('_email', sampled(PROFILES, (n) => `USER${n}@example.com`));
      const byCustom = await sign(CUSTOM_KEY, sampled(PROFILES, customKeyValue));
      await checkAnswers(server.endpoint, [...byEmail, ...byCustom]);

      const run = (url: string, requests: readonly FixedRequest[], overallRate?: number) =>
        load({ url, requests, seconds: SECONDS, connections: CONNECTIONS, overallRate });
      await run(server.endpoint, byEmail); // warm-up: JIT, page cache
      const bareMax = await run(bare.endpoint, byEmail);
      const fastifyMax = await run(fastify.endpoint, byEmail);
      const emailMax = await run(server.endpoint, byEmail);
      const customMax = await run(server.endpoint, byCustom);
      const bareHalf = await run(bare.endpoint, byEmail, Math.round(bareMax.requestsPerSecond / 2));
      const emailHalf = await run(server.endpoint, byEmail, Math.round(emailMax.requestsPerSecond / 2));
      const customHalf = await run(server.endpoint, byCustom, Math.round(customMax.requestsPerSecond / 2));

      log(`\n${PROFILES} profiles, ${CONNECTIONS} connections, ${SECONDS} s per run, ${DISTINCT_REQUESTS} distinct signed requests per key\n`);
      log('| Run (max load) | req/s | p50 ms | p99 ms | of bare |');
      log('| --- | --- | --- | --- | --- |');
      log(tableRow('bare Node http, fixed JSON', bareMax));
      log(tableRow('bare Fastify (our setup), fixed JSON', fastifyMax, bareMax));
      log(tableRow('SearchProfiles _email', emailMax, bareMax));
      log(tableRow(`SearchProfiles ${CUSTOM_KEY} (custom key)`, customMax, bareMax));
      log('\n| Run (half of its max) | req/s | p50 ms | p99 ms | |');
      log('| --- | --- | --- | --- | --- |');
      log(tableRow('bare Node http, fixed JSON', bareHalf));
      log(tableRow('SearchProfiles _email', emailHalf));
      log(tableRow(`SearchProfiles ${CUSTOM_KEY} (custom key)`, customHalf));
    } finally {
      await server.stop();
      await bare.stop();
      await fastify.stop();
    }
  } finally {
    if (KEPT_DATA_DIR === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
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
