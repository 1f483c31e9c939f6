// The backends every API suite runs on: SQLite always; PostgreSQL when OPENPROFILES_TEST_DATABASE_URL
// names a server (skipped loudly otherwise, and a failure under CI=true).
import { after, before } from 'node:test';
import { createTempDatabase, postgresAdminUrl, postgresSkipReason } from './postgres.js';
import { startServer, type RunningServer, type ServerOptions } from './server.js';

export interface BackendTarget {
  readonly name: 'sqlite' | 'postgres';
  /** A skip reason, when this backend cannot run here. */
  readonly skip?: string;
  /** Starts a server on a fresh, empty database of this backend; stop() also drops the database. */
  start(options?: Omit<ServerOptions, 'databaseUrl'>): Promise<RunningServer>;
}

const sqlite: BackendTarget = { name: 'sqlite', start: (options) => startServer(options) };

function postgres(): BackendTarget {
  const skip = postgresSkipReason();
  return {
    name: 'postgres',
    skip,
    start: async (options) => {
      if (postgresAdminUrl() === undefined) throw new Error('CI=true requires PostgreSQL: set OPENPROFILES_TEST_DATABASE_URL');
      const database = await createTempDatabase();
      const server = await startServer({ ...options, databaseUrl: database.url });
      return {
        ...server,
        stop: async (signal) => {
          const code = await server.stop(signal);
          await database.drop();
          return code;
        },
      };
    },
  };
}

export function backends(): BackendTarget[] {
  return [sqlite, postgres()];
}

/**
 * The one server harness of the API suites: call inside a `describe`; a server on a fresh database of `backend`
 * starts before its tests and stops (its database dropped) after them. The returned function gives the server.
 */
export function useServer(backend: BackendTarget, options?: Omit<ServerOptions, 'databaseUrl'>): () => RunningServer {
  let server: RunningServer | undefined;
  before(async () => {
    server = await backend.start(options);
  });
  after(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the server is not started');
    return server;
  };
}
