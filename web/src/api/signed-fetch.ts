import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';
import { useMemo } from 'react';
import { useSession } from '../pages/commons/session-context';
import type { Session } from './session';
import { reportIfSessionExpired } from './session-expiry';

const encoder = new TextEncoder();
const bytes = (data: SourceData): Uint8Array =>
  typeof data === 'string' ? encoder.encode(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** SHA-256 and HMAC-SHA256 from the browser's WebCrypto, in the shape the signer expects. */
class WebSha256 implements Checksum {
  private chunks: Uint8Array[] = [];
  constructor(private readonly secret?: SourceData) {}
  update(data: Uint8Array): void {
    this.chunks.push(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    const data = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const chunk of this.chunks) {
      data.set(chunk, offset);
      offset += chunk.length;
    }
    if (this.secret === undefined) return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    const key = await crypto.subtle.importKey('raw', bytes(this.secret) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
  }
  reset(): void {
    this.chunks = [];
  }
}

const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An error answered by Plumbline, as the API writes it (x-amzn-ErrorType and a JSON body). */
export class ApiError extends Error {
  constructor(
    readonly name: string,
    message: string,
    readonly status: number,
    readonly Fields?: Array<{ Name: string; Message: string }>,
  ) {
    super(message);
  }
}

export interface FetchOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/** A signed call to one of Plumbline's own routes (/_plumbline/admin/..., exports), returning parsed JSON. */
export async function signedFetch(session: Session, method: string, path: string, options: FetchOptions = {}): Promise<any> {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') query[k] = String(v);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const url = new URL(window.location.origin);
  const request = new HttpRequest({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path,
    query,
    headers: { host: url.host, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body,
  });
  const signer = new SignatureV4({
    service: 'wellarchitected',
    region: session.region,
    credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken },
    sha256: WebSha256,
  });
  const signed = await signer.sign(request);
  const headers = { ...signed.headers };
  delete headers.host;
  // Encoded as SigV4 canonicalizes it (RFC 3986): URLSearchParams would send a space as '+'
  // and leave !'()* bare, and the server would then see a different string than was signed.
  const search = Object.entries(query)
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&');
  const response = await fetch(`${path}${search ? `?${search}` : ''}`, { method, headers, body });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const type = (response.headers.get('x-amzn-ErrorType') ?? 'Error').split(':')[0];
    throw reportIfSessionExpired(new ApiError(type, json.Message ?? json.message ?? response.statusText, response.status, json.Fields));
  }
  return json;
}

/** `const call = useSignedFetch(); await call('GET', '/_plumbline/admin/users')`. */
export function useSignedFetch(): (method: string, path: string, options?: FetchOptions) => Promise<any> {
  const { session } = useSession();
  return useMemo(() => (method: string, path: string, options?: FetchOptions) => signedFetch(session, method, path, options), [session]);
}
