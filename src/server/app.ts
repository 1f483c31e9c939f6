// The HTTP server: Fastify gives us the socket, logging and graceful close; one catch-all route hands
// every request to handleRequest with its raw path and raw body.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Container } from '../container.js';
import { malformedPercentEncoding } from '../domain/errors.js';
import { BadRequestException, ServiceException } from '../generated/errors.js';
import { errorResponse, handleRequest } from './handle-request.js';
import { readBody } from './read-body.js';
import type { WireResponse } from './codec/to-wire.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

function send(reply: FastifyReply, response: WireResponse): FastifyReply {
  return reply.code(response.statusCode).headers(response.headers).send(response.body);
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
    frameworkErrors: (error, request, reply) => {
      reply.header('x-amzn-RequestId', request.id);
      const wire = error.code === 'FST_ERR_BAD_URL' ? malformedPercentEncoding('path') : new BadRequestException(error.message);
      void send(reply, errorResponse(wire, container.log));
    },
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request: FastifyRequest, payload: IncomingMessage) => readBody(payload, limit));

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-amzn-RequestId', request.id);
  });

  app.route({
    method: METHODS,
    url: '*',
    handler: async (request, reply) => {
      const log = container.log.child({ reqId: request.id });
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
        log,
      );
      return send(reply, response);
    },
  });

  app.setErrorHandler(async (error: { statusCode?: number; message: string }, request, reply) => {
    const clientError = !(error instanceof ServiceException) && error.statusCode !== undefined && error.statusCode < 500;
    const wire = clientError ? new BadRequestException(error.message) : error;
    return send(reply, errorResponse(wire, container.log.child({ reqId: request.id })));
  });

  return app;
}
