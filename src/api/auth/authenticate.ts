import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../../domain/errors';
import type { signingKeyLookup } from '../../services/credentials/accounts.service';
import type { Principal } from '../../services/principal';
import './presign-setting';
import { verifySigV4Now } from './sigv4';

export type KeyLookup = ReturnType<typeof signingKeyLookup>;

export interface AuthenticatedRequest {
  principal: Principal;
  /** The path as received, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
  /** The raw body; `json()` parses it as a JSON object or throws CANNOT_PARSE. */
  json(): Record<string, unknown>;
}

export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`, [], 'CANNOT_PARSE');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError('The request body must be a JSON object', [], 'CANNOT_PARSE');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Every call - the API, the admin API, exports - is signed like an AWS call
 * (service "wellarchitected", the server's region) and checked by the same
 * verifier against the same key lookup.
 */
export async function authenticate(request: FastifyRequest, lookup: KeyLookup, region: string, now: () => number): Promise<AuthenticatedRequest> {
  return authenticateNow(request, lookup, region, now);
}

/**
 * authenticate for the API's hot path: answers at once when the signing key is
 * known in memory (a promise otherwise), and throws what authenticate rejects with.
 */
export function authenticateNow(
  request: FastifyRequest,
  lookup: KeyLookup,
  region: string,
  now: () => number,
): AuthenticatedRequest | Promise<AuthenticatedRequest> {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const verified = verifySigV4Now({ method: request.method, rawPath, rawQuery, headers: request.headers, body }, lookup, {
    service: 'wellarchitected',
    region,
    now: new Date(now()),
    maxPresignSeconds: request.server.presignMaxSeconds,
  });
  const signed = (principal: Principal): AuthenticatedRequest =>
    // A bound function rather than an arrow: under tsx every arrow created per call also
    // pays for a name-setting helper, measurable on the hottest path.
    ({ principal, rawPath, query: new URLSearchParams(rawQuery), json: parseJsonObject.bind(undefined, body) });
  return verified instanceof Promise ? verified.then((v) => signed(v.principal)) : signed(verified.principal);
}
