/** Signing helpers shared by the SigV4 verifier's tests: requests signed by @smithy/signature-v4 as the server receives them. */
import { expect } from 'vitest';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { AuthError, type IncomingSignedRequest } from './sigv4';
import { AKID, ARN, REGION, SECRET, SERVICE } from './sigv4-test-keys';

export const NOW = new Date('2025-01-01T00:00:00Z');
export const HOST = 'wellarchitected.us-east-1.amazonaws.com';
export const opts = { service: SERVICE, region: REGION, now: NOW };

export function signer(over: { service?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {}) {
  return new SignatureV4({
    service: over.service ?? SERVICE,
    region: over.region ?? REGION,
    credentials: { accessKeyId: over.accessKeyId ?? AKID, secretAccessKey: over.secretAccessKey ?? SECRET },
    sha256: Hash.bind(null, 'sha256'),
  });
}

/** Serialise a query bag the way the SDK's HTTP handlers put it on the wire. */
function escape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function wireQuery(query: Record<string, string | string[] | null> | undefined): string {
  const parts: string[] = [];
  for (const key of Object.keys(query ?? {}).sort()) {
    const value = query![key];
    if (value === null) parts.push(escape(key));
    else if (Array.isArray(value)) for (const v of value) parts.push(`${escape(key)}=${escape(v)}`);
    else parts.push(`${escape(key)}=${escape(value)}`);
  }
  return parts.join('&');
}

/** What the server would receive for a signed HttpRequest. */
export function received(req: HttpRequest): IncomingSignedRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
  const body = req.body === undefined ? Buffer.alloc(0) : Buffer.from(req.body as string | Uint8Array);
  return { method: req.method, rawPath: req.path, rawQuery: wireQuery(req.query), headers, body };
}

export interface Spec {
  method?: string;
  path?: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
}

export function request(spec: Spec): HttpRequest {
  const headers: Record<string, string> = { host: HOST, ...(spec.headers ?? {}) };
  if (spec.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(spec.body));
  }
  return new HttpRequest({
    method: spec.method ?? 'GET',
    protocol: 'https:',
    hostname: HOST,
    path: spec.path ?? '/lenses',
    query: spec.query ?? {},
    headers,
    body: spec.body,
  });
}

export async function signed(spec: Spec, over?: Parameters<typeof signer>[0], signingDate = NOW) {
  const out = await signer(over).sign(request(spec), { signingDate });
  return received(out as HttpRequest);
}

export async function expectAuthError(p: Promise<unknown>, message: string | RegExp, code?: string): Promise<AuthError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthError);
  const authErr = err as AuthError;
  if (typeof message === 'string') expect(authErr.message).toBe(message);
  else expect(authErr.message).toMatch(message);
  if (code) expect(authErr.code).toBe(code);
  expect(authErr.message).not.toContain(SECRET);
  return authErr;
}

export const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';

export const PATCH_SPEC: Spec = {
  method: 'PATCH',
  path: '/workloads/0123456789abcdef0123456789abcdef',
  body: JSON.stringify({ Description: 'new description', Environment: 'PRODUCTION' }),
};
export const ARN_PATH = `/tags/${encodeURIComponent(ARN)}`;
export const UNTAG_SPEC: Spec = { method: 'DELETE', path: ARN_PATH, query: { tagKeys: ['b', 'a', 'with space'] } };
