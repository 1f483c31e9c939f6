// One request, end to end (ARCHITECTURE.md): authenticate, route, bind, invoke, serialize.
// Fastify-free so that every step can be driven directly.
import type { Logger } from 'pino';
import type { Container } from '../container.js';
import { ServiceException } from '../generated/errors.js';
import type { OperationName } from '../generated/operations.js';
import { verifySigV4 } from '../auth/sigv4/verify.js';
import { SigV4Error } from '../auth/sigv4/failures.js';
import { internalError, storageFull, unknownOperation, unsupportedContentType, UnmodeledServiceError } from '../domain/errors.js';
import { StorageFullError } from '../storage/errors.js';
import { invoke } from '../operations/invoke.js';
import { bindInput } from './codec/from-wire.js';
import { parseJsonBody } from './codec/json-body.js';
import { parseQueryString } from './codec/query-string.js';
import { serializeError } from './codec/errors.js';
import { serializeOutput, type WireResponse } from './codec/to-wire.js';
import { handleQueryRequest, isQueryRequest } from './iam-api/handle-query.js';
import { originOf } from './request-origin.js';
import { EXTENSION_PREFIX } from './extensions/extension-router.js';
import { handleExtension } from './extensions/handle-extension.js';
import { deferredChild } from './deferred-logger.js';
import type { StorageFullLog } from './storage-full.js';

export interface RawRequest {
  readonly id: string;
  readonly method: string;
  /** The request target exactly as received: raw path plus query. */
  readonly url: string;
  readonly rawHeaders: readonly string[];
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
  /** The client's address as the socket saw it (aws:SourceIp). */
  readonly remoteAddress?: string;
  /** Whether the request came over TLS (aws:SecureTransport). */
  readonly secure?: boolean;
}

const JSON_CONTENT = /^application\/(json|x-amz-json-1\.[01])\s*(;|$)/i;

function checkContentType(request: RawRequest): void {
  const contentType = request.headers['content-type'];
  if (request.body.length === 0 || contentType === undefined) return;
  const value = Array.isArray(contentType) ? contentType.join(',') : contentType;
  if (!JSON_CONTENT.test(value)) throw unsupportedContentType(value);
}

export async function handleRequest(container: Container, request: RawRequest, log: Logger): Promise<WireResponse> {
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : request.url.slice(queryStart + 1);
  // The IAM and STS subset speaks awsQuery on `/` (issue 5); everything else is Customer Profiles.
  if (isQueryRequest(request, rawPath, rawQuery)) return handleQueryRequest(container, request, rawQuery, log);
  let operation: OperationName | undefined;
  try {
    const verified = await verifySigV4(
      { method: request.method, rawPath, rawQuery, rawHeaders: request.rawHeaders, body: request.body },
      container.credentials.lookup,
      { services: ['profile'], now: container.clock() },
    );
    if (rawPath.startsWith(EXTENSION_PREFIX)) {
      checkContentType(request);
      const principal = verified.key.principal;
      const scope = { accountId: principal.accountId, region: verified.region };
      const origin = originOf(request, verified.region, container.clock());
      const call = { method: request.method, rawPath, rawQuery, body: request.body, requestId: request.id, principal, scope, origin };
      return await handleExtension(container, container.extensions, call, log);
    }
    const route = container.router.match(request.method, rawPath);
    if (!route) throw unknownOperation(request.method, rawPath);
    operation = route.operation.name;
    checkContentType(request);
    const input = bindInput(route.operation, {
      labels: route.labels,
      query: parseQueryString(rawQuery),
      headers: request.headers,
      body: parseJsonBody(request.body),
    });
    const principal = verified.key.principal;
    const scope = { accountId: principal.accountId, region: verified.region };
    const opLog = deferredChild(log, { operation, accountId: scope.accountId, region: scope.region });
    const origin = originOf(request, verified.region, container.clock());
    const context = { scope, principal, requestId: request.id, services: container.services, log: opLog, origin };
    const output = await invoke(operation, context, input as never, container.authorizer);
    return serializeOutput(route.operation, output);
  } catch (error) {
    return errorResponse(error, log, operation, container.storageFullLog);
  }
}

export function errorResponse(error: unknown, log: Logger, operation?: string, storageFullLog?: StorageFullLog): WireResponse {
  if (error instanceof ServiceException) return serializeError(error);
  if (error instanceof SigV4Error) return serializeError(new UnmodeledServiceError(error.code, error.statusCode, error.message));
  if (error instanceof StorageFullError && storageFullLog) {
    storageFullLog.report(log, error, { operation });
    return serializeError(storageFull());
  }
  log.error({ err: error, operation }, 'unexpected failure');
  return serializeError(internalError());
}
