// The HTTP server: Fastify gives us the socket, logging and graceful close; one catch-all route hands
// every request to handleRequest with its raw path and raw body.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Container } from '../container.js';
import { malformedPercentEncoding } from '../domain/errors.js';
import { BadRequestException, ServiceException } from '../generated/errors.js';
import { errorResponse, handleRequest } from './handle-request.js';
import { deferredChild } from './deferred-logger.js';
import { readBody } from './read-body.js';
import type { WireResponse } from './codec/to-wire.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

const REQUEST_ID = 'x-amzn-RequestId';

function send(reply: FastifyReply, response: WireResponse): FastifyReply {
  return reply.code(response.statusCode).header(REQUEST_ID, reply.request.id).headers(response.headers).send(response.body);
}

export function buildApp(container: Container) {
  const limit = container.config.bodyLimitBytes;
  const app = Fastify({
    loggerInstance: container.log,
    logController: new LogController({ disableRequestLogging: true }),
    // Our own reader enforces the limit (read-body.ts); Fastify's would reset the connection mid-upload.
    bodyLimit: Number.MAX_SAFE_INTEGER,
    routerOptions: { maxParamLength: 65536 },
    return503OnClosing: true,
    genReqId: () => randomUUID(),
    // Fastify makes a child logger for every request; ours is made only if the request logs something.
    childLoggerFactory: (logger, bindings, options) => deferredChild(logger as Logger, bindings, options),
    frameworkErrors: (error, request, reply) => {
      const wire = error.code === 'FST_ERR_BAD_URL' ? malformedPercentEncoding('path') : new BadRequestException(error.message);
      void send(reply, errorResponse(wire, container.log));
    },
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request: FastifyRequest, payload: IncomingMessage) => readBody(payload, limit));

  app.route({
    method: METHODS,
    url: '*',
    handler: async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const response = await handleRequest(
        container,
        {
          id: request.id,
          method: request.method,
          url: request.raw.url ?? '/',
          rawHeaders: request.raw.rawHeaders,
          headers: request.headers,
          body,
          remoteAddress: request.raw.socket.remoteAddress,
          secure: request.protocol === 'https',
        },
        request.log as Logger,
      );
      return send(reply, response);
    },
  });

  app.setErrorHandler(async (error: { statusCode?: number; message: string }, request, reply) => {
    const clientError = !(error instanceof ServiceException) && error.statusCode !== undefined && error.statusCode < 500;
    const wire = clientError ? new BadRequestException(error.message) : error;
    return send(reply, errorResponse(wire, request.log as Logger));
  });

  return app;
}
