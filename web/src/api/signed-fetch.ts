import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';
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

/**
 * Sends one call and reads Plumbline's answer: the parsed JSON, or an ApiError with the
 * type the server wrote in x-amzn-ErrorType, its message and its Fields.
 */
async function send(url: string, init: RequestInit): Promise<any> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError('NetworkError', 'Plumbline cannot be reached: check that the server is running and try again.', 0);
  }
  const text = await response.text();
  let json: Record<string, any> = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { Message: text };
  }
  if (!response.ok) {
    const type = (response.headers.get('x-amzn-ErrorType') ?? 'Error').split(':')[0];
    throw new ApiError(type, json.Message ?? json.message ?? `Plumbline answered HTTP ${response.status}`, response.status, json.Fields);
  }
  return json;
}

/** An unsigned call (console sign-in, whose credentials are the body), returning parsed JSON. */
export function unsignedFetch(method: string, path: string, body: unknown): Promise<any> {
  return send(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** A signed call to one of Plumbline's own routes, returning parsed JSON; callers name the operation through plumbline-client.ts. */
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
  try {
    return await send(`${path}${search ? `?${search}` : ''}`, { method, headers, body });
  } catch (error) {
    throw reportIfSessionExpired(error);
  }
}
