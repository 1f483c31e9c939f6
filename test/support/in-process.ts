// A container (store, services, job runner) in the test process, on a fresh database of one backend,
// with the test's clock: for behaviour driven by time, tested without sleeps.
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { readConfig } from '../../src/config.js';
import { createContainer, type Container } from '../../src/container.js';
import type { Clock } from '../../src/domain/clock.js';
import { createTempDatabase, type TempDatabase } from './postgres.js';

/** Call inside a `describe`: opens the container before its tests and removes everything after. */
export function useInProcessContainer(backend: 'sqlite' | 'postgres', clock: Clock): () => Container {
  let container: Container | undefined;
  let dataDir: string | undefined;
  let database: TempDatabase | undefined;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'op-in-process-'));
    if (backend === 'postgres') database = await createTempDatabase();
    container = await createContainer(readConfig({ dataDir, database: database?.url }, {}), { clock, log: pino({ level: 'silent' }) });
  });
  after(async () => {
    await container?.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!container) throw new Error('the container is not open');
    return container;
  };
}
