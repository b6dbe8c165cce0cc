import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { ROOT_KEY, TEST_REGION } from './server';

/**
 * Raw HTTP against a test server, for checks below the SDK: requests signed
 * with SigV4 exactly as the SDK signs them (or not signed at all), the
 * response read as bytes on the wire.
 */

export interface RawRequest {
  method: string;
  /** Path as sent on the wire (already percent-encoded where needed). */
  path: string;
  query?: Record<string, string | string[]>;
  body?: string;
  headers?: Record<string, string>;
  /** sessionToken: a console session's (signed as x-amz-security-token, as the SDK does). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A body to send in place of the signed one (to test tampering). */
  sentBody?: string;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body as received (a PDF's bytes do not survive decoding as text). */
  bytes: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: Record<string, unknown> | undefined;
}

function queryString(query: RawRequest['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  const text = params.toString().replace(/\+/g, '%20');
  return text ? `?${text}` : '';
}

async function send(baseUrl: string, req: RawRequest, headers: Record<string, string>): Promise<RawResponse> {
  const response = await fetch(`${baseUrl}${req.path}${queryString(req.query)}`, {
    method: req.method,
    headers,
    body: req.sentBody ?? req.body,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, bytes, json };
}

/** Sends the request signed with SigV4 (root credentials unless others are given). */
export async function signedFetch(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const signer = new SignatureV4({
    service: 'wellarchitected',
    region: TEST_REGION,
    credentials: req.credentials ?? ROOT_KEY,
    sha256: Hash.bind(null, 'sha256'),
  });
  const request = new HttpRequest({
    method: req.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: req.path,
    query: req.query,
    headers: { host: url.host, 'content-type': 'application/json', ...(req.headers ?? {}) },
    body: req.body,
  });
  const signed = await signer.sign(request);
  const headers = { ...signed.headers } as Record<string, string>;
  delete headers.host; // fetch sets the same host itself
  return send(baseUrl, req, headers);
}

/** Sends the request with no signature at all. */
export function unsignedFetch(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  return send(baseUrl, req, { 'content-type': 'application/json', ...(req.headers ?? {}) });
}
