import type { FastifyReply } from 'fastify';
import { AccessDeniedError, ApiError, ValidationError } from '../domain/errors';
import { AuthError } from './auth/sigv4';

/**
 * The one place errors are written to the wire: status from the error shape,
 * `x-amzn-ErrorType`, and a JSON body with Message and every member of the
 * shape. Anything unexpected becomes a 500 that reveals nothing of it.
 */

function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
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

export function writeError(reply: FastifyReply, error: unknown): FastifyReply {
  reply.header('x-amzn-RequestId', reply.request.id);
  const apiError = asApiError(error);
  if (!apiError) {
    reply.log.error({ err: error }, 'unexpected error');
    return reply
      .status(500)
      .header('x-amzn-ErrorType', 'InternalServerException')
      .header('content-type', 'application/json')
      .send({ Message: `An internal error occurred. Request ID: ${reply.request.id}` });
  }
  return reply
    .status(apiError.status)
    .header('x-amzn-ErrorType', apiError.code)
    .header('content-type', 'application/json')
    .send({ Message: apiError.message, ...apiError.members() });
}
