// The HTTP edge over an in-process container (store, services, job runner) with the test's clock, on a
// free port: SDK calls go over the wire while the test drives jobs with runOnce() and moves time itself.
// SigV4 checks request times against that clock: keep it within minutes of the real one, or sign with it
// (signedFetch's signingDate, the client's systemClockOffset).
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { readConfig } from '../../src/config.js';
import { createContainer, type Container } from '../../src/container.js';
import type { Clock } from '../../src/domain/clock.js';
import { buildApp } from '../../src/server/app.js';
import { createTempDatabase, type TempDatabase } from './postgres.js';
import { randomRootKey, type Credentials } from './server.js';

export interface InProcessServer {
  readonly container: Container;
  readonly client: CustomerProfilesClient;
  /** For signedFetch: the server's address and the root key it accepts. */
  readonly endpoint: string;
  readonly root: Credentials;
}

/** Call inside a `describe`: starts before its tests, removes everything after. */
export function useInProcessServer(backend: 'sqlite' | 'postgres', clock: Clock): () => InProcessServer {
  let server: InProcessServer | undefined;
  let app: ReturnType<typeof buildApp> | undefined;
  let dataDir: string | undefined;
  let database: TempDatabase | undefined;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'op-in-process-'));
    if (backend === 'postgres') database = await createTempDatabase();
    const root = randomRootKey();
    const env = { OPENPROFILES_ROOT_ACCESS_KEY_ID: root.accessKeyId, OPENPROFILES_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey };
    const container = await createContainer(readConfig({ dataDir, database: database?.url, port: 0 }, env), { clock, log: pino({ level: 'silent' }) });
    await container.accounts.ensureAccount(container.config.accountId);
    app = buildApp(container);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const endpoint = `http://127.0.0.1:${port}`;
    const client = new CustomerProfilesClient({ endpoint, region: container.config.region, credentials: root, maxAttempts: 1 });
    server = { container, client, endpoint, root };
  });
  after(async () => {
    server?.client.destroy();
    await app?.close();
    await server?.container.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new Error('the server is not started');
    return server;
  };
}
