import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../domain/errors';
import { writeError } from './error-writer';

/**
 * Refusals that happen before any route runs: a URL that does not decode, a header
 * block or request line past Node's limit, a request HTTP cannot parse. Fastify and
 * Node answer these in their own formats; here they get the API's (x-amzn-ErrorType
 * and a JSON body with Message), or a plain 404 for console pages, so that no client
 * ever sees a shape it cannot read and nothing of these is a 500.
 */

const CONSOLE_PATH = /^\/console(\/|$)/;

/** Fastify's `frameworkErrors`: bad percent-encoding, over-long path parameters. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (CONSOLE_PATH.test(request.raw.url ?? '')) {
    void reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('Not found\n');
    return;
  }
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'The request URL is not valid percent-encoding'
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'A segment of the request path is longer than the service accepts'
        : 'The request cannot be routed';
  writeError(reply, new ValidationError(message, [], 'CANNOT_PARSE'));
}

/** The raw HTTP answer for a request Node refused before Fastify saw it. */
function clientErrorResponse(status: number, reason: string, message: string): string {
  const body = JSON.stringify({ Message: message, Reason: 'CANNOT_PARSE' });
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json',
    'x-amzn-ErrorType: ValidationException',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (oversized headers or URL, bad framing). */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let response: string;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    response = clientErrorResponse(431, 'Request Header Fields Too Large', 'The request line and headers are larger than the service accepts (16 KB)');
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    response = clientErrorResponse(408, 'Request Timeout', 'The request was not received in time');
  } else {
    response = clientErrorResponse(400, 'Bad Request', 'The request is not valid HTTP');
  }
  if (socket.writable) socket.write(response);
  socket.destroy(error);
}
