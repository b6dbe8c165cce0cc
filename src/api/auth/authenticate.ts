import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../../domain/errors';
import type { signingKeyLookup } from '../../services/credentials/accounts.service';
import type { Principal } from '../../services/principal';
import './presign-setting';
import { verifySigV4 } from './sigv4';

export type KeyLookup = ReturnType<typeof signingKeyLookup>;

export interface RequestParts {
  /** The path as received, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
  /** The raw body; `json()` parses it as a JSON object or throws CANNOT_PARSE. */
  json(): Record<string, unknown>;
}

export interface AuthenticatedRequest extends RequestParts {
  principal: Principal;
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
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const verified = await verifySigV4({ method: request.method, rawPath, rawQuery, headers: request.headers, body }, lookup, {
    service: 'wellarchitected',
    region,
    now: new Date(now()),
    maxPresignSeconds: request.server.presignMaxSeconds,
  });
  // A bound function rather than an arrow: under tsx every arrow created per call also
  // pays for a name-setting helper, measurable on the hottest path.
  return { principal: verified.principal, rawPath, query: new URLSearchParams(rawQuery), json: parseJsonObject.bind(undefined, body) };
}

/** The parts of a call that is not signed (console sign-in: the credentials are the body). */
export function unsignedRequest(request: FastifyRequest): RequestParts {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  return {
    rawPath: q === -1 ? url : url.slice(0, q),
    query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)),
    json: parseJsonObject.bind(undefined, body),
  };
}

export interface StreamedRequest extends AuthenticatedRequest {
  /** The body's SHA-256 as signed; the body must hash to it (see verifiedBody). */
  declaredSha256: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const NO_JSON = () => ({});

/**
 * authenticate for an operation whose payload is read as a stream after the
 * signature is checked (src/api/model/: a streaming member): the signature
 * covers the body's SHA-256 declared in x-amz-content-sha256, required here
 * (UNSIGNED-PAYLOAD is refused), and the reader must compare the bytes with it
 * before using them. The body is no JSON: the payload is the only body member.
 */
export async function authenticateStreamed(request: FastifyRequest, lookup: KeyLookup, region: string, now: () => number): Promise<StreamedRequest> {
  const declared = request.headers['x-amz-content-sha256'];
  const sha = typeof declared === 'string' ? declared.trim().toLowerCase() : '';
  if (!SHA256_HEX.test(sha)) {
    throw new ValidationError('An upload must be signed with its SHA-256 in the x-amz-content-sha256 header (64 hex digits, not UNSIGNED-PAYLOAD)', [], 'OTHER');
  }
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const verified = await verifySigV4(
    { method: request.method, rawPath, rawQuery, headers: request.headers, body: Buffer.alloc(0), bodySha256: sha },
    lookup,
    { service: 'wellarchitected', region, now: new Date(now()), maxPresignSeconds: request.server.presignMaxSeconds },
  );
  return { principal: verified.principal, rawPath, query: new URLSearchParams(rawQuery), json: NO_JSON, declaredSha256: sha };
}
