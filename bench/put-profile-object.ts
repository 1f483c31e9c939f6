// Benchmark (not a test): PutProfileObject over HTTP with SigV4-signed requests against the real server
// on a fresh SQLite data dir, beside a bare Node http server measured in the same run.
// Run: npm run bench:put-object (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_REQUESTS; BENCH_CPU_PROF=<dir> profiles the server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateDomainCommand, CustomerProfilesClient, PutProfileObjectTypeCommand } from '@aws-sdk/client-customer-profiles';
import { serverEnv, startListening } from './processes.js';
import { readRootKey, signedJson, type Credentials, type FixedRequest } from './signed-requests.js';
import { load, tableRow } from './load.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
/** Distinct objects (distinct UNIQUE ids); autocannon cycles through them, so later rounds update existing objects. */
const DISTINCT_REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 4000);
const DOMAIN = 'bench';
const OBJECT_TYPE = 'Purchase';
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-server.js', import.meta.url));
/** A directory for a V8 CPU profile of the server (written when it stops). */
const CPU_PROF_DIR = process.env['BENCH_CPU_PROF'];

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The domain and an object type with a UNIQUE key, a PROFILE key `_email` and two profile targets. */
async function setUp(endpoint: string, credentials: Credentials): Promise<void> {
  const client = new CustomerProfilesClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  try {
    await client.send(new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 365 }));
    await client.send(
      new PutProfileObjectTypeCommand({
        DomainName: DOMAIN,
        ObjectTypeName: OBJECT_TYPE,
        Description: 'bench',
        AllowProfileCreation: true,
        Fields: {
          id: { Source: '_source.id', Target: '_profile.Attributes.lastPurchaseId' },
          email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' },
          amount: { Source: '_source.amount' },
        },
        Keys: {
          purchaseId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }],
          _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
        },
      }),
    );
  } finally {
    client.destroy();
  }
}

/** Object n: its own UNIQUE id; e-mails repeat every 1,000 objects so most puts attach to an existing profile. */
function objectBody(n: number): string {
  const object = { id: `P${n}`, email: `user${n % 1000}@example.com`, amount: String(n % 97) };
  return JSON.stringify({ ObjectTypeName: OBJECT_TYPE, Object: JSON.stringify(object) });
}

/** The first request must store its object, or the figures would measure errors. */
async function checkAnswer(endpoint: string, request: FixedRequest): Promise<void> {
  const response = await fetch(`${endpoint}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  const body = (await response.json()) as { ProfileObjectUniqueKey?: string };
  if (response.status !== 200 || body.ProfileObjectUniqueKey === undefined) throw new Error(`${request.body} answered ${response.status} ${JSON.stringify(body)}`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'op-bench-put-'));
  try {
    const env = serverEnv();
    const profiling = CPU_PROF_DIR === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`];
    const server = await startListening([...profiling, CLI, 'serve', '--port', '0', '--data-dir', dataDir], env);
    const bare = await startListening([BARE], env);
    try {
      const credentials = readRootKey(dataDir);
      await setUp(server.endpoint, credentials);
      const path = `/domains/${DOMAIN}/profiles/objects`;
      const requests = await Promise.all(Array.from({ length: DISTINCT_REQUESTS }, (_, n) => signedJson(server.endpoint, credentials, 'PUT', path, objectBody(n))));
      await checkAnswer(server.endpoint, requests[0]!);

      const run = (url: string) => load({ url, requests, seconds: SECONDS, connections: CONNECTIONS });
      await run(server.endpoint); // warm-up: JIT, page cache; after it every object id exists, so the runs measure updates
      const bareMax = await run(bare.endpoint);
      const putMax = await run(server.endpoint);

      log(`\n${CONNECTIONS} connections, ${SECONDS} s per run, ${DISTINCT_REQUESTS} distinct signed requests (one object each)\n`);
      log('| Run (max load) | req/s | p50 ms | p99 ms | of bare |');
      log('| --- | --- | --- | --- | --- |');
      log(tableRow('bare Node http, fixed JSON', bareMax));
      log(tableRow(`PutProfileObject (${OBJECT_TYPE}: UNIQUE key, PROFILE key _email, two targets)`, putMax, bareMax));
      log(`\nratio: ${((100 * putMax.requestsPerSecond) / bareMax.requestsPerSecond).toFixed(1)}% of the bare server's req/s (target ≥ 25%)`);
    } finally {
      await server.stop();
      await bare.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
