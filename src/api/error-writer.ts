import type { FastifyReply } from 'fastify';
import { AccessDeniedError, ApiError, ValidationError } from '../domain/errors';
import { AuthError } from './auth/sigv4';

/**
 * The one error model: every failure becomes one WireError, which is both what
 * the caller is sent and what the call's audit record says (errorCode and
 * errorMessage). Status from the error shape, `x-amzn-ErrorType`, and a JSON
 * body with Message and every member of the shape. Anything unexpected
 * becomes a 500 that reveals nothing of it.
 */

export interface WireError {
  status: number;
  code: string;
  message: string;
  members: Record<string, unknown>;
  /** Not one of ours: logged, never shown. */
  unexpected: boolean;
}

function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  // The SDKs retry and explain AccessDeniedException; the signature's detail stays in the message.
  if (error instanceof AuthError) return new AccessDeniedError(error.message);
  const fastifyError = error as { code?: string; statusCode?: number; message?: string };
  if (fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new ValidationError('The request body is larger than the service accepts', [], 'OTHER');
  }
  // Fastify's own client errors (unreadable content type, bad framing) are requests it cannot parse.
  if (fastifyError?.code?.startsWith('FST_') && (fastifyError.statusCode ?? 500) < 500) {
    return new ValidationError(`The request cannot be read: ${fastifyError.message}`, [], 'CANNOT_PARSE');
  }
  return undefined;
}

export function wireError(error: unknown, requestId: string): WireError {
  const apiError = asApiError(error);
  if (!apiError) {
    return { status: 500, code: 'InternalServerException', message: `An internal error occurred. Request ID: ${requestId}`, members: {}, unexpected: true };
  }
  return { status: apiError.status, code: apiError.code, message: apiError.message, members: apiError.members(), unexpected: false };
}

/**
 * A throttled caller's connection is closed after its 429. Node accepts one new
 * connection per turn of the event loop (libuv since 1.45), and a turn serves every
 * open connection that has a request waiting: a flood that keeps a thousand
 * connections busy makes each turn long and new connections wait for seconds in the
 * kernel's queue, however fast each refusal is. Closing refused connections keeps
 * turns short; a throttled client retries on a new connection, in the order it
 * connects. Successful calls keep theirs.
 */
const THROTTLED_CONNECTION = { connection: 'close' };

export function writeError(reply: FastifyReply, error: unknown): FastifyReply {
  reply.header('x-amzn-RequestId', reply.request.id);
  const wire = wireError(error, reply.request.id);
  if (wire.unexpected) reply.log.error({ err: error }, 'unexpected error');
  if (wire.status === 429) reply.headers(THROTTLED_CONNECTION);
  return reply
    .status(wire.status)
    .header('x-amzn-ErrorType', wire.code)
    .header('content-type', 'application/json')
    .send({ Message: wire.message, ...wire.members });
}
