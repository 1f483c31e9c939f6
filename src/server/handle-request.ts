// One request, end to end (ARCHITECTURE.md): authenticate, route, bind, invoke, serialize.
// Fastify-free so that every step can be driven directly.
import type { Logger } from 'pino';
import type { Container } from '../container.js';
import { ServiceException } from '../generated/errors.js';
import type { OperationName } from '../generated/operations.js';
import { authenticateHeaders, verifyBody, type PendingSignature } from '../auth/sigv4/verify.js';
import type { ResolvedKey } from '../auth/credentials.js';
import { SigV4Error } from '../auth/sigv4/failures.js';
import { internalError, storageFull, unknownOperation, unsupportedContentType, UnmodeledServiceError } from '../domain/errors.js';
import { StorageFullError } from '../storage/errors.js';
import { invoke } from '../operations/invoke.js';
import { bindInput } from './codec/from-wire.js';
import { parseJsonBody } from './codec/json-body.js';
import { parseQueryString } from './codec/query-string.js';
import { serializeError } from './codec/errors.js';
import { serializeOutput, type WireResponse } from './codec/to-wire.js';
import { handleQueryRequest, isQueryRequest, queryErrorResponse } from './iam-api/handle-query.js';
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
  /** Steps 1–5 of SigV4, when the edge already ran them on the headers before reading the body. */
  readonly signature?: PendingSignature<ResolvedKey>;
}

/** The SigV4 signing names a request may be signed for: IAM/STS on the awsQuery protocol, else Customer Profiles. */
function signingServices(request: Omit<RawRequest, 'body'>, rawPath: string, rawQuery: string): readonly string[] {
  return isQueryRequest(request, rawPath, rawQuery) ? ['iam', 'sts'] : ['profile'];
}

function splitTarget(url: string): { rawPath: string; rawQuery: string } {
  const queryStart = url.indexOf('?');
  return { rawPath: queryStart < 0 ? url : url.slice(0, queryStart), rawQuery: queryStart < 0 ? '' : url.slice(queryStart + 1) };
}

/**
 * SigV4 steps 1–5 from the request line and headers alone: a request that is not signed, signed badly or
 * by no known key is refused before its body is read.
 */
export function authenticateRequestHeaders(container: Container, request: Omit<RawRequest, 'body'>): Promise<PendingSignature<ResolvedKey>> {
  const { rawPath, rawQuery } = splitTarget(request.url);
  return authenticateHeaders(
    { method: request.method, rawPath, rawQuery, rawHeaders: request.rawHeaders },
    container.credentials.lookup,
    { services: signingServices(request, rawPath, rawQuery), now: container.clock() },
  );
}

/** The answer to a request whose headers failed authentication, in its protocol's error form. */
export function authenticationFailure(error: unknown, request: Omit<RawRequest, 'body'>, log: Logger): WireResponse {
  const { rawPath, rawQuery } = splitTarget(request.url);
  return isQueryRequest(request, rawPath, rawQuery) ? queryErrorResponse(error, request.id, undefined, log) : errorResponse(error, log);
}

const JSON_CONTENT = /^application\/(json|x-amz-json-1\.[01])\s*(;|$)/i;

function checkContentType(request: RawRequest): void {
  const contentType = request.headers['content-type'];
  if (request.body.length === 0 || contentType === undefined) return;
  const value = Array.isArray(contentType) ? contentType.join(',') : contentType;
  if (!JSON_CONTENT.test(value)) throw unsupportedContentType(value);
}

export async function handleRequest(container: Container, request: RawRequest, log: Logger): Promise<WireResponse> {
  const { rawPath, rawQuery } = splitTarget(request.url);
  // The IAM and STS subset speaks awsQuery on `/` (issue 5); everything else is Customer Profiles.
  if (isQueryRequest(request, rawPath, rawQuery)) return handleQueryRequest(container, request, rawQuery, log);
  let operation: OperationName | undefined;
  try {
    const verified = await verifyBody(request.signature ?? (await authenticateRequestHeaders(container, request)), request.body);
    await container.credentials.noteUse(verified.key, verified.service, verified.region, container.clock());
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
