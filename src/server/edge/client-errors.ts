// Answers what Node's HTTP parser refuses (a malformed request, headers too large, a request not received in
// time) in the service's own error form, written straight to the socket since no request object exists.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { headersTooLarge, requestTimedOut, unreadableHttpRequest } from '../../domain/errors.js';
import type { ServiceException } from '../../generated/errors.js';
import { serializeError } from '../codec/errors.js';

const CLOSE_GRACE_MS = 1000;

/** llhttp's error codes, as a reader would name them (HPE_INVALID_METHOD -> "invalid method"). */
function reasonOf(code: string | undefined): string {
  if (code === undefined || !code.startsWith('HPE_')) return 'malformed request';
  return code.slice(4).toLowerCase().replace(/_/g, ' ');
}

function wireErrorOf(code: string | undefined): ServiceException {
  if (code === 'HPE_HEADER_OVERFLOW') return headersTooLarge();
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return requestTimedOut();
  return unreadableHttpRequest(reasonOf(code));
}

export function answerClientError(log: Logger) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const response = serializeError(wireErrorOf(error.code));
    const requestId = randomUUID();
    log.debug({ code: error.code, requestId }, 'unreadable HTTP request');
    if (socket.writable) {
      const headers = {
        ...response.headers,
        'x-amzn-RequestId': requestId,
        date: new Date().toUTCString(),
        'content-length': String(Buffer.byteLength(response.body)),
        connection: 'close',
      };
      const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
      socket.end(`HTTP/1.1 ${response.statusCode} ${STATUS_CODES[response.statusCode] ?? ''}\r\n${head}\r\n${response.body}`);
      // A client that does not read its answer does not keep the socket.
      setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
    } else {
      socket.destroy();
    }
  };
}
