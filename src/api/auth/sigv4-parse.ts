/** Parsing and canonicalisation helpers of SigV4 verification (see sigv4.ts). */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4Base } from '@smithy/signature-v4';
import { AuthError, type IncomingSignedRequest } from './auth-error';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const TERMINATOR = 'aws4_request';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const MAX_PRESIGN_EXPIRES = 604800;
export const DEFAULT_MAX_SKEW_SECONDS = 900;
/**
 * A presigned URL is a bearer credential that anyone who sees it (a proxy log, a
 * browser history) may use until it expires: an hour unless the operator allows more.
 */
export const DEFAULT_MAX_PRESIGN_SECONDS = 3600;

export const Q_ALGORITHM = 'X-Amz-Algorithm';
export const Q_CREDENTIAL = 'X-Amz-Credential';
export const Q_DATE = 'X-Amz-Date';
export const Q_EXPIRES = 'X-Amz-Expires';
export const Q_SIGNED_HEADERS = 'X-Amz-SignedHeaders';
export const Q_SIGNATURE = 'X-Amz-Signature';
export const Q_TOKEN = 'X-Amz-Security-Token';
export const Q_CONTENT_SHA256 = 'X-Amz-Content-Sha256';

export const MSG_MISSING = 'Request is missing the Authorization header or X-Amz-Signature query parameter';
export const MSG_UNKNOWN_KEY = 'The security token included in the request is invalid';
export const MSG_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';
export const MSG_PAYLOAD_MISMATCH = 'The provided x-amz-content-sha256 header does not match the request body';
export const MSG_SESSION_TOKEN =
  'Session tokens are not supported for long-term access keys (x-amz-security-token): sign without one, or with a console session key';

export const sha256Ctor = Hash.bind(null, 'sha256');

/**
 * Thin subclass exposing the library's (protected) canonical request builder.
 * It never signs anything itself, so the credentials and region given to the
 * base constructor are placeholders.
 */
export class CanonicalSigV4 extends SignatureV4Base {
  constructor(service: string) {
    super({
      service,
      region: 'unused',
      credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
      sha256: sha256Ctor,
      uriEscapePath: true,
      applyChecksum: false,
    });
  }
  canonicalRequest(request: HttpRequest, canonicalHeaders: Record<string, string>, payloadHash: string): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }
}

export const canonicalizers = new Map<string, CanonicalSigV4>();
export function canonicalizerFor(service: string): CanonicalSigV4 {
  let c = canonicalizers.get(service);
  if (!c) {
    c = new CanonicalSigV4(service);
    canonicalizers.set(service, c);
  }
  return c;
}

/** Quote a client-supplied value for an error message: bounded, printable ASCII only. */
export function shown(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 64)}...` : clean;
}

export function headerValue(headers: IncomingSignedRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(',') : v;
}

export type QueryBag = Record<string, string | string[]>;

export function parseQuery(rawQuery: string): QueryBag {
  const query: QueryBag = Object.create(null) as QueryBag;
  if (!rawQuery) return query;
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey);
      value = decodeURIComponent(rawValue);
    } catch {
      throw new AuthError(
        'The request query string is not valid percent-encoded UTF-8 and cannot be canonicalised for signing',
        'IncompleteSignatureException',
      );
    }
    const prev = query[key];
    if (prev === undefined) query[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else query[key] = [prev, value];
  }
  return query;
}

export function singleQueryParam(query: QueryBag, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) {
    throw new AuthError(
      `Presigned query string is malformed: ${name} appears more than once`,
      'IncompleteSignatureException',
    );
  }
  return v;
}

export interface ParsedCredential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/**
 * A client sends the same Credential and SignedHeaders on every request of a
 * day, so their successful parses are kept (bounded; failures are not kept).
 */
export const MAX_PARSES = 1000;
function remembered<T>(cache: Map<string, T>, value: string, parse: () => T): T {
  let parsed = cache.get(value);
  if (parsed === undefined) {
    parsed = parse();
    if (cache.size >= MAX_PARSES) cache.clear();
    cache.set(value, parsed);
  }
  return parsed;
}
const credentials = new Map<string, ParsedCredential>();
const signedHeaderLists = new Map<string, readonly string[]>();

export function parseCredential(value: string, where: string): ParsedCredential {
  return remembered(credentials, value, () => Object.freeze(parseCredentialText(value, where)));
}

/** The names of SignedHeaders, in the order given (frozen: shared between requests). */
export function parseSignedHeaders(value: string, where: string): string[] {
  return remembered(signedHeaderLists, value, () => Object.freeze(parseSignedHeadersText(value, where))) as string[];
}

function parseCredentialText(value: string, where: string): ParsedCredential {
  const parts = value.split('/');
  const [accessKeyId, date, region, service, terminator] = parts;
  if (
    parts.length !== 5 ||
    !accessKeyId ||
    !/^[\x21-\x7e]{1,128}$/.test(accessKeyId) ||
    !date ||
    !/^\d{8}$/.test(date) ||
    !region ||
    !service ||
    terminator !== TERMINATOR
  ) {
    throw new AuthError(
      `${where} is malformed: Credential must have the form <AccessKeyId>/<YYYYMMDD>/<region>/<service>/aws4_request`,
      'IncompleteSignatureException',
    );
  }
  return { accessKeyId, date, region, service };
}

function parseSignedHeadersText(value: string, where: string): string[] {
  const names = value.split(';');
  if (names.length === 0 || names.some((n) => !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(n))) {
    throw new AuthError(
      `${where} is malformed: SignedHeaders must be a semicolon-separated list of lower-case header names`,
      'IncompleteSignatureException',
    );
  }
  if (new Set(names).size !== names.length) {
    throw new AuthError(`${where} is malformed: SignedHeaders lists a header twice`, 'IncompleteSignatureException');
  }
  if (!names.includes('host')) {
    throw new AuthError(`${where} is malformed: SignedHeaders must include host`, 'IncompleteSignatureException');
  }
  return names;
}

export function parseSignature(value: string, where: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(value)) {
    throw new AuthError(
      `${where} is malformed: Signature must be 64 hexadecimal characters`,
      'IncompleteSignatureException',
    );
  }
  return Buffer.from(value, 'hex');
}

// Requests arriving in the same second carry the same date: the last one parsed is kept.
let lastIsoBasic = { value: '', time: 0 };

export function parseIsoBasic(value: string): Date | undefined {
  if (value === lastIsoBasic.value) return new Date(lastIsoBasic.time);
  const parsed = parseIsoBasicText(value);
  if (parsed) lastIsoBasic = { value, time: parsed.getTime() };
  return parsed;
}

function parseIsoBasicText(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject out-of-range fields (e.g. month 13) that Date.UTC would roll over, and
  // years below 100, which it maps to 19xx.
  if (
    t.getUTCFullYear() !== y ||
    t.getUTCMonth() !== mo - 1 ||
    t.getUTCDate() !== d ||
    t.getUTCHours() !== h ||
    t.getUTCMinutes() !== mi ||
    t.getUTCSeconds() !== s
  ) {
    return undefined;
  }
  return t;
}

export function formatIsoBasic(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export function describeSkew(seconds: number): string {
  if (seconds % 60 === 0) {
    const minutes = seconds / 60;
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** The payload hash the signature must cover; validates any declared hash against the body. */
export function payloadHash(declared: string | undefined, bodyHash: string): string {
  if (declared === undefined) return bodyHash;
  const v = declared.trim();
  if (v === 'UNSIGNED-PAYLOAD' || v.startsWith('STREAMING-')) {
    throw new AuthError(
      `x-amz-content-sha256 value ${shown(v)} is not supported: the request payload must be signed`,
      'XAmzContentSHA256Mismatch',
    );
  }
  if (v.toLowerCase() !== bodyHash) {
    throw new AuthError(MSG_PAYLOAD_MISMATCH, 'XAmzContentSHA256Mismatch');
  }
  // Sign with the value as sent, exactly as the client's signer does.
  return v;
}
