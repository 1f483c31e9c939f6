// Starts a real `openprofiles serve` process on a free port for a test, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CustomerProfilesClient, type CustomerProfilesClientConfig } from '@aws-sdk/client-customer-profiles';

/** dist/src/cli/main.js, found from dist/test/support/. */
export const CLI_ENTRY = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface ServerOptions {
  /** postgres://… to use PostgreSQL; SQLite in the data dir otherwise. */
  readonly databaseUrl?: string;
  /** Reuse a data dir (to restart a server on the same data). */
  readonly dataDir?: string;
  /** Leave the root key unset in the environment, so the server generates and stores one. */
  readonly generatedRootKey?: boolean;
  readonly extraArgs?: readonly string[];
  /** Extra environment of the server process. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface RunningServer {
  readonly endpoint: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly root: Credentials;
  /** Everything the process printed so far. */
  output(): string;
  client(options?: { region?: string; credentials?: Credentials } & Partial<CustomerProfilesClientConfig>): CustomerProfilesClient;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function randomRootKey(): Credentials {
  return {
    accessKeyId: 'AKIA' + randomBytes(8).toString('hex').toUpperCase(),
    secretAccessKey: randomBytes(30).toString('base64'),
  };
}

function waitForEndpoint(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${output()}`)), 20_000);
    const check = () => {
      const found = /listening on (http:\/\/\S+)/.exec(output());
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output()}`));
    });
  });
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'op-server-'));
  const root = randomRootKey();
  const env: NodeJS.ProcessEnv = { ...process.env, OPENPROFILES_LOG_LEVEL: 'warn', ...options.env };
  delete env['OPENPROFILES_DATABASE_URL'];
  if (!options.generatedRootKey) {
    env['OPENPROFILES_ROOT_ACCESS_KEY_ID'] = root.accessKeyId;
    env['OPENPROFILES_ROOT_SECRET_ACCESS_KEY'] = root.secretAccessKey;
  }
  const args = [CLI_ENTRY, 'serve', '--port', '0', '--data-dir', dataDir];
  if (options.databaseUrl) args.push('--database', options.databaseUrl);
  args.push(...(options.extraArgs ?? []));
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const output = () => text;
  const endpoint = await waitForEndpoint(child, output);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    endpoint,
    dataDir,
    databaseUrl: options.databaseUrl,
    root,
    output,
    client: ({ region = 'us-east-1', credentials = root, ...rest } = {}) =>
      new CustomerProfilesClient({ endpoint, region, credentials, maxAttempts: 1, ...rest }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
