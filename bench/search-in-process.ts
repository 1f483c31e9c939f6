// Benchmark (not a test): one signed SearchProfiles request end to end in process — SigV4, routing,
// binding, authorization, validation, the search and serialization, without HTTP — on a data dir seeded
// by bench:search (BENCH_DATA_DIR). Prints CPU µs per request. For instruction counts, which other load
// on the machine does not disturb, run it under callgrind with two request counts and subtract:
//   valgrind --tool=callgrind node dist/bench/search-in-process.js 400    (then 1400; see docs/performance.md)
// Options: BENCH_KEY=custom searches by the custom key; BENCH_WARM requests first (default 600).
import { readConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';
import { handleRequest, type RawRequest } from '../src/server/handle-request.js';
import { CUSTOM_KEY, customKeyValue } from './seed-profiles.js';
import { readRootKey, signedSearch } from './signed-requests.js';

const COUNT = Number(process.argv[2] ?? 5000);
const WARM = Number(process.env['BENCH_WARM'] ?? 600);
const DATA_DIR = process.env['BENCH_DATA_DIR'];
const PROFILES = Number(process.env['BENCH_PROFILES'] ?? 1_000_000);
const BY_CUSTOM_KEY = process.env['BENCH_KEY'] === 'custom';
const ENDPOINT = 'http://127.0.0.1:4747';

if (!DATA_DIR) throw new Error('BENCH_DATA_DIR must name a data dir seeded by npm run bench:search');
for (const name of ['OPENPROFILES_ROOT_ACCESS_KEY_ID', 'OPENPROFILES_ROOT_SECRET_ACCESS_KEY', 'OPENPROFILES_DATABASE_URL']) delete process.env[name];
process.env['OPENPROFILES_LOG_LEVEL'] = 'warn';

const container = await createContainer(readConfig({ dataDir: DATA_DIR, port: 0 }));
const credentials = readRootKey(DATA_DIR);
const numbers = Array.from({ length: 64 }, (_, i) => Math.floor(((i + 0.5) * PROFILES) / 64));
const signed = await Promise.all(
  numbers.map((n) =>
    BY_CUSTOM_KEY ? signedSearch(ENDPOINT, credentials, 'bench', CUSTOM_KEY, customKeyValue(n)) : signedSearch(ENDPOINT, credentials, 'bench', '_email', `USER${n}@example.com`),
  ),
);
const requests: RawRequest[] = signed.map((request, index) => {
  const headers: Record<string, string> = { host: new URL(ENDPOINT).host, 'content-length': String(Buffer.byteLength(request.body)) };
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  return { id: `request-${index}`, method: request.method, url: request.path, rawHeaders: Object.entries(headers).flat(), headers, body: Buffer.from(request.body), remoteAddress: '127.0.0.1', secure: false };
});

async function run(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await handleRequest(container, requests[i % requests.length]!, container.log);
    if (response.statusCode !== 200) throw new Error(response.body);
  }
}

await run(WARM);
const before = process.cpuUsage();
await run(COUNT);
const used = process.cpuUsage(before);
process.stdout.write(`${COUNT} SearchProfiles by ${BY_CUSTOM_KEY ? CUSTOM_KEY : '_email'} in process: ${((used.user + used.system) / COUNT).toFixed(1)} µs CPU per request\n`);
await container.close();
