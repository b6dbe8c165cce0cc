import type { FastifyRequest } from 'fastify';
import { AuditCall } from '../services/audit/call';
import type { AuditTrail } from '../services/audit/trail';
import { AuthError } from './auth/sigv4';
import type { KeyLookup } from './auth/authenticate';
import { wireError } from './error-writer';
import { matchRoute } from './routing';

/** The audit side of an API call: where it came from, and how a failure is recorded. */

const MAX_USER_AGENT = 1024;

export function beginAuditCall(trail: AuditTrail, request: FastifyRequest, now: () => number): AuditCall {
  const agent = request.headers['user-agent'];
  const userAgent = typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT) : '';
  return new AuditCall(trail, request.id, now(), request.ip, userAgent);
}

/** The access key id a request claims to be signed with (header or presigned query), unverified. */
export function claimedAccessKeyId(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  const fromHeader = typeof authorization === 'string' ? /Credential=([A-Za-z0-9]+)\//.exec(authorization)?.[1] : undefined;
  if (fromHeader) return fromHeader;
  const query = request.query as Record<string, unknown> | undefined;
  const credential = query?.['X-Amz-Credential'];
  return typeof credential === 'string' ? /^([A-Za-z0-9]+)\//.exec(credential)?.[1] : undefined;
}

/**
 * Records a failed call. A call whose signature did not check out is recorded
 * only when the access key it names exists, and then only in the trail of the
 * key's own account (with no request members, as none were read): the key's
 * owner learns that someone is trying its key, and the caller learns nothing.
 * A call naming no known key has no account to be recorded in and is not.
 */
export async function recordFailure(call: AuditCall, request: FastifyRequest, error: unknown, lookup: KeyLookup): Promise<void> {
  try {
    if (!call.principal) {
      if (!(error instanceof AuthError)) return;
      const keyId = claimedAccessKeyId(request);
      const key = keyId ? await lookup(keyId) : undefined;
      if (!key) return;
      call.principal = key.principal;
    }
    if (!call.eventName) {
      const url = request.raw.url ?? '/';
      const q = url.indexOf('?');
      const route = matchRoute(request.method, q === -1 ? url : url.slice(0, q));
      if (route.kind === 'none') return;
      call.eventName = route.op.name;
    }
    // What the record says went wrong is exactly the error the caller was sent.
    const sent = wireError(error, request.id);
    call.sink.recordLater(call, { errorCode: sent.code, errorMessage: sent.message });
  } catch (recordError) {
    // The caller gets the original error; a trail that cannot record must not replace it.
    request.log.error({ err: recordError }, 'cannot record a failed call in the audit trail');
  }
}
