// The limits the HTTP edge holds every client to (docs/operations.md, Security), read once from the environment.

export interface EdgeLimits {
  /** Time from a connection's first byte (or its previous request) until its request headers are complete. */
  readonly headersTimeoutMs: number;
  /** Time to receive a whole request, headers and body. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  readonly keepAliveTimeoutMs: number;
  /** A connection with no traffic either way for this long is closed (a client that stops reading its answer). */
  readonly idleSocketTimeoutMs: number;
  /** Open connections per process; more are closed as they arrive. */
  readonly maxConnections: number;
  /** Open connections per client address; 0 turns the cap off (behind a proxy every client has its address). */
  readonly maxConnectionsPerAddress: number;
  /** Bytes of request bodies held in memory at once while their signatures are not yet verified. */
  readonly bodyMemoryBytes: number;
  /** On SIGTERM, how long requests being handled may take to finish before their connections are closed. */
  readonly drainMs: number;
}

export const DEFAULT_EDGE_LIMITS: EdgeLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  idleSocketTimeoutMs: 120_000,
  maxConnections: 4096,
  maxConnectionsPerAddress: 512,
  bodyMemoryBytes: 128 * 1024 * 1024,
  drainMs: 10_000,
};

/** Each limit's environment variable and the unit it is written in there. */
const SETTINGS: ReadonlyArray<readonly [keyof EdgeLimits, string, number, number]> = [
  // [limit, variable, multiplier to the limit's unit, smallest value]
  ['headersTimeoutMs', 'OPENPROFILES_HEADERS_TIMEOUT_SECONDS', 1000, 1],
  ['requestTimeoutMs', 'OPENPROFILES_REQUEST_TIMEOUT_SECONDS', 1000, 1],
  ['keepAliveTimeoutMs', 'OPENPROFILES_KEEP_ALIVE_SECONDS', 1000, 1],
  ['idleSocketTimeoutMs', 'OPENPROFILES_IDLE_SOCKET_SECONDS', 1000, 1],
  ['maxConnections', 'OPENPROFILES_MAX_CONNECTIONS', 1, 1],
  ['maxConnectionsPerAddress', 'OPENPROFILES_MAX_CONNECTIONS_PER_ADDRESS', 1, 0],
  ['bodyMemoryBytes', 'OPENPROFILES_BODY_MEMORY_MIB', 1024 * 1024, 1],
  ['drainMs', 'OPENPROFILES_DRAIN_SECONDS', 1000, 0],
];

export function readEdgeLimits(env: NodeJS.ProcessEnv): EdgeLimits {
  const limits: Record<string, number> = { ...DEFAULT_EDGE_LIMITS };
  for (const [limit, variable, unit, smallest] of SETTINGS) {
    const text = env[variable];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < smallest) throw new Error(`invalid ${variable} (a number, ${smallest} or more): ${text}`);
    limits[limit] = Math.round(value * unit);
  }
  return limits as unknown as EdgeLimits;
}
