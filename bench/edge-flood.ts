// Benchmark (not a test): what stalled and abandoned clients do to a real server (issue 12, finding 1), against the
// same server idle in the same run. Signed SearchProfiles at a fixed rate is measured idle, during a flood of stalled
// unsigned uploads from many addresses, and during a flood of stalled signed 6 MiB uploads; then SIGTERM with the
// stalled uploads still open. Prints the signed clients' p99 and failures and the server's resident memory.
// Run: npm run bench:edge-flood (BENCH_UNSIGNED, BENCH_SIGNED_UPLOADS, BENCH_SECONDS, BENCH_RATE).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignatureV4 } from '@smithy/signature-v4';
import { CreateDomainCommand, CreateProfileCommand, CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { NodeSha256 } from '../src/auth/sigv4/sha256.js';
import { serverEnv, startListening } from './processes.js';
import { pacedLoad } from './paced-load.js';
import { readRootKey, signedSearch, type Credentials } from './signed-requests.js';
import type { LoadResult } from './load.js';

const UNSIGNED = Number(process.env['BENCH_UNSIGNED'] ?? 8000);
const SIGNED_UPLOADS = Number(process.env['BENCH_SIGNED_UPLOADS'] ?? 300);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const RATE = Number(process.env['BENCH_RATE'] ?? 100);
/** Source addresses the unsigned flood comes from (127.0.0.2 …), so no single address reaches its cap. */
const FLOOD_ADDRESSES = 40;
const UPLOAD_BYTES = 6 * 1024 * 1024;
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Stalled {
  readonly sockets: Socket[];
  /** Connections the server answered (e.g. 403, 429) or closed before the flood ended. */
  answered(): number;
  closed(): number;
}

/** Opens `count` connections that each send a request head and part of a large body, then nothing. */
async function stall(endpoint: string, count: number, head: (i: number) => string, sendBytes: number, addressOf: (i: number) => string): Promise<Stalled> {
  const { hostname, port } = new URL(endpoint);
  const sockets: Socket[] = [];
  let answered = 0;
  let closed = 0;
  const chunk = Buffer.alloc(sendBytes, 'a');
  const batch = 200;
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, (_, k) => {
        const i = start + k;
        return new Promise<void>((resolve) => {
          const socket = connect({ host: hostname, port: Number(port), localAddress: addressOf(i) });
          let counted = false;
          socket.on('data', () => {
            if (!counted) answered += 1;
            counted = true;
          });
          socket.on('error', () => {});
          socket.on('close', () => {
            closed += 1;
            resolve();
          });
          socket.once('connect', () => {
            socket.write(head(i));
            socket.write(chunk);
            resolve();
          });
          sockets.push(socket);
        });
      }),
    );
  }
  return { sockets, answered: () => answered, closed: () => closed };
}

async function signedUploadHead(endpoint: string, credentials: Credentials): Promise<string> {
  const url = new URL(endpoint);
  const body = Buffer.alloc(UPLOAD_BYTES, 'a');
  const signer = new SignatureV4({ service: 'profile', region: 'us-east-1', credentials, sha256: NodeSha256, uriEscapePath: true, applyChecksum: true });
  const path = '/domains/bench/profiles';
  const signed = await signer.sign({ method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path, query: {}, headers: { host: url.host, 'content-type': 'application/json' }, body });
  const lines = Object.entries(signed.headers).map(([name, value]) => `${name}: ${value}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\ncontent-length: ${UPLOAD_BYTES}\r\n\r\n`;
}

function row(name: string, result: LoadResult, rss: number, idle: { result: LoadResult; rss: number }, extra = ''): string {
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '—');
  return `| ${name} | ${result.p99Ms.toFixed(1)} | ${ratio(result.p99Ms, idle.result.p99Ms)} | ${result.non2xx + result.errors} | ${rss.toFixed(0)} | ${ratio(rss, idle.rss)} | ${extra} |`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'op-bench-edge-'));
  const server = await startListening([CLI, 'serve', '--port', '0', '--data-dir', dataDir], serverEnv());
  try {
    const credentials = readRootKey(dataDir);
    const client = new CustomerProfilesClient({ endpoint: server.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    await client.send(new CreateDomainCommand({ DomainName: 'bench', DefaultExpirationDays: 30 }));
    await client.send(new CreateProfileCommand({ DomainName: 'bench', EmailAddress: 'ada@example.com' }));
    client.destroy();
    const search = [await signedSearch(server.endpoint, credentials, 'bench', '_email', 'ada@example.com')];
    const measure = () => pacedLoad({ url: server.endpoint, requests: search, seconds: SECONDS, connections: 4, ratePerSecond: RATE });

    log(`# edge flood: ${UNSIGNED} stalled unsigned uploads from ${FLOOD_ADDRESSES} addresses, ${SIGNED_UPLOADS} stalled signed ${UPLOAD_BYTES / 1024 / 1024} MiB uploads; signed SearchProfiles at ${RATE} req/s`);
    log('| phase | p99 ms | p99 vs idle | failed requests | server RSS MiB | RSS vs idle | flood connections |');
    log('| --- | --- | --- | --- | --- | --- | --- |');
    const idleResult = await measure();
    const idle = { result: idleResult, rss: residentMiB(server.pid) };
    log(row('idle', idleResult, idle.rss, idle));

    const unsignedHead = `POST /domains/bench/profiles HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${UPLOAD_BYTES}\r\n\r\n`;
    const flood = await stall(server.endpoint, UNSIGNED, () => unsignedHead, 64 * 1024, (i) => `127.0.0.${2 + (i % FLOOD_ADDRESSES)}`);
    const duringFlood = await measure();
    log(row('unsigned flood', duringFlood, residentMiB(server.pid), idle, `${flood.answered()} answered, ${flood.closed()} closed of ${UNSIGNED}`));
    for (const socket of flood.sockets) socket.destroy();

    const uploads = await stall(server.endpoint, SIGNED_UPLOADS, () => '', 0, () => '127.0.0.200');
    const head = await signedUploadHead(server.endpoint, credentials);
    const part = Buffer.alloc(UPLOAD_BYTES - 1024 * 1024, 'a');
    for (const socket of uploads.sockets) {
      socket.write(head);
      socket.write(part);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const duringUploads = await measure();
    log(row('stalled signed uploads', duringUploads, residentMiB(server.pid), idle, `${uploads.answered()} answered (429), ${uploads.closed()} closed of ${SIGNED_UPLOADS}`));

    const stillOpen = SIGNED_UPLOADS - uploads.closed();
    const stoppedAt = performance.now();
    await server.stop();
    log(`\nSIGTERM with ${stillOpen} stalled uploads open: exited in ${((performance.now() - stoppedAt) / 1000).toFixed(2)} s`);
    for (const socket of uploads.sockets) socket.destroy();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
