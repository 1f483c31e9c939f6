// The HTTP server: Fastify gives us the socket, logging and graceful close; one catch-all route hands
// every request to handleRequest with its raw path and raw body. The edge refuses what it can before a
// body is read (unsigned requests, unknown keys) and bounds the time, connections and memory clients take.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Container } from '../container.js';
import type { PendingSignature } from '../auth/sigv4/verify.js';
import type { ResolvedKey } from '../auth/credentials.js';
import { malformedPercentEncoding } from '../domain/errors.js';
import { BadRequestException, ServiceException } from '../generated/errors.js';
import { authenticateRequestHeaders, authenticationFailure, errorResponse, handleRequest, type RawRequest } from './handle-request.js';
import { deferredChild } from './deferred-logger.js';
import { ClientAborted, readBody } from './read-body.js';
import type { WireResponse } from './codec/to-wire.js';
import { BodyBudget } from './edge/body-budget.js';
import { answerClientError } from './edge/client-errors.js';
import { ConnectionGuard } from './edge/connection-guard.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

const REQUEST_ID = 'x-amzn-RequestId';

/** How often Node looks for connections past their header or request deadline. */
const DEADLINE_CHECK_MS = 1000;

function send(reply: FastifyReply, response: WireResponse): FastifyReply {
  // An answer given before the whole body arrived (refused unread, or out of body memory) ends the
  // connection: the rest of that body is never read, so the connection cannot carry another request.
  if (!reply.request.raw.complete) reply.header('connection', 'close');
  return reply.code(response.statusCode).header(REQUEST_ID, reply.request.id).headers(response.headers).send(response.body);
}

function requestFacts(request: FastifyRequest): Omit<RawRequest, 'body'> {
  return {
    id: request.id,
    method: request.method,
    url: request.raw.url ?? '/',
    rawHeaders: request.raw.rawHeaders,
    headers: request.headers,
    remoteAddress: request.raw.socket.remoteAddress,
    secure: request.protocol === 'https',
  };
}

export interface AppOptions {
  /** The connection caps and their bookkeeping; `serve` keeps it to close connections on shutdown. */
  readonly connections?: ConnectionGuard;
}

export function buildApp(container: Container, options: AppOptions = {}) {
  const limit = container.config.bodyLimitBytes;
  const edge = container.config.edge;
  const budget = new BodyBudget(edge.bodyMemoryBytes);
  const signatures = new WeakMap<IncomingMessage, PendingSignature<ResolvedKey>>();
  const app = Fastify({
    loggerInstance: container.log,
    logController: new LogController({ disableRequestLogging: true }),
    // Our own reader enforces the limit (read-body.ts); Fastify's would reset the connection mid-upload.
    bodyLimit: Number.MAX_SAFE_INTEGER,
    routerOptions: { maxParamLength: 65536 },
    return503OnClosing: true,
    http: {
      headersTimeout: edge.headersTimeoutMs,
      requestTimeout: edge.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(DEADLINE_CHECK_MS, edge.headersTimeoutMs),
    },
    requestTimeout: edge.requestTimeoutMs,
    keepAliveTimeout: edge.keepAliveTimeoutMs,
    connectionTimeout: edge.idleSocketTimeoutMs,
    clientErrorHandler: answerClientError(container.log),
    genReqId: () => randomUUID(),
    // Fastify makes a child logger for every request; ours is made only if the request logs something.
    childLoggerFactory: (logger, bindings, childOptions) => deferredChild(logger as Logger, bindings, childOptions),
    frameworkErrors: (error, request, reply) => {
      const wire = error.code === 'FST_ERR_BAD_URL' ? malformedPercentEncoding('path') : new BadRequestException(error.message);
      void send(reply, errorResponse(wire, container.log));
    },
  });
  (options.connections ?? new ConnectionGuard(edge)).attach(app.server);
  // Node would answer `Expect: 100-continue` before any hook runs; the client is told to send its body only
  // once its headers are authenticated (below).
  app.server.on('checkContinue', (request, response) => app.server.emit('request', request, response));

  // SigV4 steps 1–5 need only the headers: a request that fails them is answered before its body is read.
  app.addHook('onRequest', async (request, reply) => {
    const facts = requestFacts(request);
    try {
      signatures.set(request.raw, await authenticateRequestHeaders(container, facts));
      if (/^100-continue$/i.test(String(request.headers.expect ?? ''))) reply.raw.writeContinue();
    } catch (error) {
      return send(reply, authenticationFailure(error, facts, request.log as Logger));
    }
  });

  // Fastify never reads a GET's (or HEAD's) body, but a client may have signed one: the signature is checked over
  // the bytes actually received, whatever the method.
  const unparsedBody = (raw: IncomingMessage): Promise<Buffer> =>
    raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length'] ?? 0) > 0 ? readBody(raw, limit, budget) : Promise.resolve(Buffer.alloc(0));

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request: FastifyRequest, payload: IncomingMessage) => readBody(payload, limit, budget));

  app.route({
    method: METHODS,
    url: '*',
    handler: async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : await unparsedBody(request.raw);
      const signature = signatures.get(request.raw);
      const response = await handleRequest(container, { ...requestFacts(request), body, ...(signature && { signature }) }, request.log as Logger);
      return send(reply, response);
    },
  });

  app.setErrorHandler(async (error: { statusCode?: number; message: string }, request, reply) => {
    if (error instanceof ClientAborted) {
      request.log.debug('client closed the connection before sending its whole body');
      request.raw.destroy();
      return reply.hijack();
    }
    const clientError = !(error instanceof ServiceException) && error.statusCode !== undefined && error.statusCode < 500;
    const wire = clientError ? new BadRequestException(error.message) : error;
    return send(reply, errorResponse(wire, request.log as Logger));
  });

  return app;
}
