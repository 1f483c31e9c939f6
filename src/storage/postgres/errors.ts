// Classifies node-postgres errors (SQLSTATE codes and socket errors) into the neutral storage error kinds.
import { errorCode } from '../kysely/error-mapping.js';
import type { StorageErrorKind } from '../kysely/error-mapping.js';

// SQLSTATE codes, https://www.postgresql.org/docs/current/errcodes-appendix.html
const UNIQUE = new Set(['23505']);
const CONFLICT = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const UNAVAILABLE_SQLSTATE = new Set([
  '57P01', '57P02', '57P03', // admin_shutdown, crash_shutdown, cannot_connect_now
  '53300', // too_many_connections
  '28000', '28P01', // invalid authorization, invalid password
  '3D000', // invalid_catalog_name: the database does not exist
]);
// disk_full, and the same from the operating system where pg reports it so.
const FULL = new Set(['53100', 'ENOSPC']);
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);
// pg raises these without a code when a socket dies or the pool's connect timeout fires.
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /^Client has encountered a connection error/];

export function classifyPostgresError(error: unknown): StorageErrorKind | undefined {
  const code = errorCode(error);
  if (code !== undefined) {
    if (UNIQUE.has(code)) return 'unique';
    if (CONFLICT.has(code)) return 'conflict';
    if (FULL.has(code)) return 'full';
    // Class 08: connection exception.
    if (UNAVAILABLE_SQLSTATE.has(code) || UNAVAILABLE_SOCKET.has(code) || code.startsWith('08')) return 'unavailable';
  }
  // Node reports a refused dual-stack connect as an AggregateError of per-address errors.
  if (error instanceof AggregateError && error.errors.some((inner) => classifyPostgresError(inner) === 'unavailable')) {
    return 'unavailable';
  }
  if (error instanceof Error && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message))) return 'unavailable';
  return undefined;
}
