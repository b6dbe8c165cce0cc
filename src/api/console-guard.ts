import type { FastifyRequest } from 'fastify';
import { AccessDeniedError, ValidationError } from '../domain/errors';

/**
 * The console sign-in is the one unsigned route that acts on a body, so a page on
 * another site could post to it from a victim's browser (login CSRF, password
 * guessing through other people's browsers). A cross-site form can only send
 * text/plain, form-encoded or multipart bodies without a preflight, so requiring
 * application/json stops it; a browser's fetch names the page's origin, which must be
 * the host this server is reached at. Callers that are not browsers send no Origin.
 */
export function checkSignInRequest(request: FastifyRequest): void {
  const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ValidationError('Sign-in takes a JSON body: the Content-Type must be application/json', [], 'CANNOT_PARSE');
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (!host || host !== request.headers.host) {
    throw new AccessDeniedError(`Sign-in is only accepted from pages of this server (Origin ${origin.slice(0, 200)} is not ${request.headers.host ?? 'the served host'})`);
  }
}
