// Benchmark (not a test): what calculated attributes cost, each figure beside its baseline measured in the same run
// (issue "Calculated attributes", docs/performance.md):
//  1. PutProfileObject on an object type that feeds 10 calculated attributes, beside the same type feeding none
//     (target ≥ 70%);
//  2. GetCalculatedAttributeForProfile beside SearchProfiles by _profileId on the same profiles (target ≥ 90%);
//  3. a UseHistoricalData backfill over BENCH_BACKFILL_OBJECTS stored objects (default 1,000,000), in a process of
//     its own: seconds (target ≤ 60) and peak RSS (target ≤ 1 GB).
// Run: npm run bench:calculated-attributes (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_REQUESTS, BENCH_BACKFILL_OBJECTS).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateCalculatedAttributeDefinitionCommand, CreateDomainCommand, CustomerProfilesClient, PutProfileObjectTypeCommand, SearchProfilesCommand,
  type CreateCalculatedAttributeDefinitionCommandInput,
} from '@aws-sdk/client-customer-profiles';
import { serverEnv, startListening } from './processes.js';
import { readRootKey, signedJson, signedSearch, type Credentials, type FixedRequest } from './signed-requests.js';
import { load, tableRow } from './load.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const DISTINCT_REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 4000);
const BACKFILL_OBJECTS = Number(process.env['BENCH_BACKFILL_OBJECTS'] ?? 1_000_000);
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const BACKFILL = fileURLToPath(new URL('./calculated-attributes-backfill.js', import.meta.url));

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

type Definition = Omit<CreateCalculatedAttributeDefinitionCommandInput, 'DomainName' | 'CalculatedAttributeName'>;
const on = (name: string, Statistic: Definition['Statistic'], extra: Partial<Definition> = {}): Definition => ({
  AttributeDetails: { Attributes: [{ Name: name }], Expression: `{Purchase.${name}}` }, Statistic, ...extra,
});
/** Ten definitions of the kinds users write: windows, counts, occurrences, a filter, a threshold, two terms. */
export const TEN_DEFINITIONS: Record<string, Definition> = {
  orders_30d: on('amount', 'COUNT', { Conditions: { Range: { Value: 30, Unit: 'DAYS' } } }),
  spend_30d: on('amount', 'SUM', { Conditions: { Range: { Value: 30, Unit: 'DAYS' } } }),
  spend_all: on('amount', 'SUM'),
  avg_last5: on('amount', 'AVERAGE', { Conditions: { ObjectCount: 5 } }),
  min_amount: on('amount', 'MINIMUM'),
  max_amount: on('amount', 'MAXIMUM'),
  last_channel: on('channel', 'LAST_OCCURRENCE'),
  top_channel: on('channel', 'MAX_OCCURRENCE', { Conditions: { Range: { Value: 90, Unit: 'DAYS' } } }),
  paid_count: on('amount', 'COUNT', { Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { status: { DimensionType: 'INCLUSIVE', Values: ['paid'] } } }] }] } }),
  big_baskets: { AttributeDetails: { Attributes: [{ Name: 'amount' }, { Name: 'qty' }], Expression: '{Purchase.amount} * {Purchase.qty}' }, Statistic: 'SUM', Conditions: { Threshold: { Value: '500', Operator: 'GREATER_THAN' } } },
};

export const PURCHASE_TYPE = {
  Description: 'purchases',
  AllowProfileCreation: true,
  Fields: {
    id: { Source: '_source.id' },
    email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' as const },
    amount: { Source: '_source.amount' },
    qty: { Source: '_source.qty' },
    channel: { Source: '_source.channel' },
    status: { Source: '_source.status' },
  },
  Keys: { purchaseId: [{ StandardIdentifiers: ['UNIQUE' as const], FieldNames: ['id'] }], _email: [{ StandardIdentifiers: ['PROFILE' as const], FieldNames: ['email'] }] },
};

/** Object n: its own id; e-mails repeat every 1,000 objects, so most puts attach to an existing profile. */
export function purchase(n: number): Record<string, unknown> {
  return { id: `P${n}`, email: `user${n % 1000}@example.com`, amount: String(n % 97), qty: String(1 + (n % 4)), channel: ['VOICE', 'CHAT', 'EMAIL'][n % 3], status: n % 5 === 0 ? 'refunded' : 'paid' };
}

async function setUp(endpoint: string, credentials: Credentials): Promise<string[]> {
  const client = new CustomerProfilesClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  try {
    for (const domain of ['plain', 'calculated']) {
      await client.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 365 }));
      await client.send(new PutProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: 'Purchase', ...PURCHASE_TYPE }));
    }
    for (const [name, definition] of Object.entries(TEN_DEFINITIONS)) {
      await client.send(new CreateCalculatedAttributeDefinitionCommand({ DomainName: 'calculated', CalculatedAttributeName: name, ...definition }));
    }
    return [];
  } finally {
    client.destroy();
  }
}

async function profileIds(endpoint: string, credentials: Credentials, count: number): Promise<string[]> {
  const client = new CustomerProfilesClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  try {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const found = await client.send(new SearchProfilesCommand({ DomainName: 'calculated', KeyName: '_email', Values: [`user${n}@example.com`] }));
      ids.push(found.Items![0]!.ProfileId!);
    }
    return ids;
  } finally {
    client.destroy();
  }
}

async function checkOk(endpoint: string, request: FixedRequest): Promise<void> {
  const response = await fetch(`${endpoint}${request.path}`, { method: request.method, headers: request.headers, ...(request.body && { body: request.body }) });
  if (response.status !== 200) throw new Error(`${request.method} ${request.path} answered ${response.status} ${await response.text()}`);
}

function runBackfill(): Promise<{ seconds: number; maxRssMiB: number; seededPerSecond: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BACKFILL, String(BACKFILL_OBJECTS)], { env: serverEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(text.trim().split('\n').at(-1)!)) : reject(new Error(`backfill exited with ${code}: ${text}`))));
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'op-bench-calc-'));
  try {
    const server = await startListening([CLI, 'serve', '--port', '0', '--data-dir', dataDir], serverEnv());
    try {
      const credentials = readRootKey(dataDir);
      await setUp(server.endpoint, credentials);
      const puts = (domain: string) =>
        Promise.all(Array.from({ length: DISTINCT_REQUESTS }, (_, n) =>
          signedJson(server.endpoint, credentials, 'PUT', `/domains/${domain}/profiles/objects`, JSON.stringify({ ObjectTypeName: 'Purchase', Object: JSON.stringify(purchase(n)) }))));
      const plainPuts = await puts('plain');
      const calculatedPuts = await puts('calculated');
      await checkOk(server.endpoint, plainPuts[0]!);
      await checkOk(server.endpoint, calculatedPuts[0]!);
      const run = (requests: readonly FixedRequest[]) => load({ url: server.endpoint, requests, seconds: SECONDS, connections: CONNECTIONS });
      await run(plainPuts); // warm-up; afterwards every object exists in both domains, so both runs measure updates
      await run(calculatedPuts);
      const plain = await run(plainPuts);
      const calculated = await run(calculatedPuts);

      const ids = await profileIds(server.endpoint, credentials, 200);
      const reads = await Promise.all(ids.map((id, n) => signedJson(server.endpoint, credentials, 'GET', `/domains/calculated/profile/${id}/calculated-attributes/${Object.keys(TEN_DEFINITIONS)[n % 10]}`, '')));
      const searches = await Promise.all(ids.map((id) => signedSearch(server.endpoint, credentials, 'calculated', '_profileId', id)));
      await checkOk(server.endpoint, reads[0]!);
      await run(reads);
      const search = await run(searches);
      const read = await run(reads);

      log(`\n${CONNECTIONS} connections, ${SECONDS} s per run; ${DISTINCT_REQUESTS} distinct objects per domain, 1,000 profiles\n`);
      log('| Run (max load) | req/s | p50 ms | p99 ms | of baseline |');
      log('| --- | --- | --- | --- | --- |');
      log(tableRow('PutProfileObject, type feeding no calculated attribute', plain));
      log(tableRow('PutProfileObject, type feeding 10 calculated attributes', calculated, plain));
      log(tableRow('SearchProfiles by _profileId', search));
      log(tableRow('GetCalculatedAttributeForProfile (10 definitions, ~4 objects a profile each)', read, search));
      log(`\nwrites: ${((100 * calculated.requestsPerSecond) / plain.requestsPerSecond).toFixed(1)}% of the same writes without calculated attributes (target ≥ 70%)`);
      log(`reads: ${((100 * read.requestsPerSecond) / search.requestsPerSecond).toFixed(1)}% of SearchProfiles by _profileId (target ≥ 90%)`);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const backfill = await runBackfill();
  log(`\nbackfill: ${BACKFILL_OBJECTS.toLocaleString('en')} stored objects (seeded at ${Math.round(backfill.seededPerSecond)} objects/s) indexed in ${backfill.seconds.toFixed(1)} s (target ≤ 60 s), peak RSS ${backfill.maxRssMiB.toFixed(0)} MiB (target ≤ 1,024 MiB)`);
}

await main();
