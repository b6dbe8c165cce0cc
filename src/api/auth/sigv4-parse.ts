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
const MAX_PARSES = 1000;
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

export interface ParsedAuth {
  mode: 'header' | 'query';
  credential: ParsedCredential;
  signedHeaders: string[];
  signature: Buffer;
  longDate: string;
  requestTime: Date;
  /** Presigned URLs only. */
  expiresSeconds?: number;
  /** Presigned URLs only: X-Amz-Content-Sha256 query parameter. */
  contentSha256Param?: string;
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

type ParsedHeader = Omit<ParsedAuth, 'longDate' | 'requestTime' | 'mode'>;

/**
 * A client's Authorization headers differ only in their trailing Signature, so
 * the part before it, once it has parsed, is kept: a header that starts with a
 * known part and ends with a Signature parses to the same Credential and
 * SignedHeaders without parsing them again.
 */
const SIGNATURE_COMPONENT = 'Signature=';
const headerStarts = new Map<string, Pick<ParsedHeader, 'credential' | 'signedHeaders'>>();

export function parseAuthorizationHeader(header: string): ParsedHeader {
  const at = header.lastIndexOf(SIGNATURE_COMPONENT);
  const start = at > 0 ? header.slice(0, at) : undefined;
  const known = start === undefined ? undefined : headerStarts.get(start);
  const signature = at > 0 ? header.slice(at + SIGNATURE_COMPONENT.length).trim() : '';
  if (known && signature !== '' && !signature.includes(',')) {
    return { credential: known.credential, signedHeaders: known.signedHeaders, signature: parseSignature(signature, 'Authorization header') };
  }
  const parsed = parseWholeAuthorizationHeader(header);
  // Kept only when the Signature found last is the header's own last component.
  if (start !== undefined && signature !== '' && !signature.includes(',') && parsed.signature.equals(Buffer.from(signature, 'hex'))) {
    if (headerStarts.size >= MAX_PARSES) headerStarts.clear();
    headerStarts.set(start, { credential: parsed.credential, signedHeaders: parsed.signedHeaders });
  }
  return parsed;
}

function parseWholeAuthorizationHeader(header: string): ParsedHeader {
  const where = 'Authorization header';
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw new AuthError(
      `${where} is malformed: unsupported algorithm '${shown(algorithm)}' (expected ${ALGORITHM})`,
      'IncompleteSignatureException',
    );
  }
  const components = new Map<string, string>();
  const rest = space === -1 ? '' : trimmed.slice(space + 1);
  for (const rawPart of rest.split(',')) {
    const part = rawPart.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      throw new AuthError(
        `${where} is malformed: component '${shown(part)}' is not of the form Name=Value`,
        'IncompleteSignatureException',
      );
    }
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name !== 'Credential' && name !== 'SignedHeaders' && name !== 'Signature') {
      throw new AuthError(
        `${where} is malformed: unexpected component '${shown(name)}'`,
        'IncompleteSignatureException',
      );
    }
    if (components.has(name)) {
      throw new AuthError(`${where} is malformed: ${name} appears more than once`, 'IncompleteSignatureException');
    }
    components.set(name, value);
  }
  for (const required of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!components.get(required)) {
      throw new AuthError(`${where} is malformed: ${required} is missing`, 'IncompleteSignatureException');
    }
  }
  return {
    credential: parseCredential(components.get('Credential')!, where),
    signedHeaders: parseSignedHeaders(components.get('SignedHeaders')!, where),
    signature: parseSignature(components.get('Signature')!, where),
  };
}

export function parseHeaderAuth(req: IncomingSignedRequest, authorization: string): ParsedAuth {
  const parsed = parseAuthorizationHeader(authorization);
  const amzDate = headerValue(req.headers, 'x-amz-date');
  const httpDate = amzDate === undefined ? headerValue(req.headers, 'date') : undefined;
  let requestTime: Date | undefined;
  let dateHeader: string;
  let longDate: string | undefined;
  if (amzDate !== undefined) {
    dateHeader = 'x-amz-date';
    longDate = amzDate.trim();
    requestTime = parseIsoBasic(longDate);
    if (!requestTime) {
      throw new AuthError(
        "X-Amz-Date header is malformed: expected the ISO 8601 basic format YYYYMMDD'T'HHMMSS'Z'",
        'IncompleteSignatureException',
      );
    }
  } else if (httpDate !== undefined) {
    dateHeader = 'date';
    const v = httpDate.trim();
    requestTime = parseIsoBasic(v);
    if (!requestTime) {
      const ms = Date.parse(v);
      if (Number.isNaN(ms) || !/[A-Za-z]{3},? /.test(v)) {
        throw new AuthError(
          "Date header is malformed: expected an HTTP date or YYYYMMDD'T'HHMMSS'Z'",
          'IncompleteSignatureException',
        );
      }
      requestTime = new Date(Math.floor(ms / 1000) * 1000);
    }
  } else {
    throw new AuthError('Request is missing the X-Amz-Date or Date header', 'IncompleteSignatureException');
  }
  if (!parsed.signedHeaders.includes(dateHeader)) {
    throw new AuthError(
      `Authorization header is malformed: SignedHeaders must include ${dateHeader}`,
      'IncompleteSignatureException',
    );
  }
  // A valid X-Amz-Date is already in the basic format; only an HTTP Date needs formatting.
  return {
    mode: 'header',
    credential: parsed.credential,
    signedHeaders: parsed.signedHeaders,
    signature: parsed.signature,
    requestTime,
    longDate: longDate ?? formatIsoBasic(requestTime),
  };
}

export function parseQueryAuth(query: QueryBag): ParsedAuth {
  const where = 'Presigned query string';
  const get = (name: string) => singleQueryParam(query, name);
  const algorithm = get(Q_ALGORITHM);
  const credential = get(Q_CREDENTIAL);
  const date = get(Q_DATE);
  const expires = get(Q_EXPIRES);
  const signedHeaders = get(Q_SIGNED_HEADERS);
  const signature = get(Q_SIGNATURE);
  const missing = (
    [
      [Q_ALGORITHM, algorithm],
      [Q_CREDENTIAL, credential],
      [Q_DATE, date],
      [Q_EXPIRES, expires],
      [Q_SIGNED_HEADERS, signedHeaders],
      [Q_SIGNATURE, signature],
    ] as const
  ).find(([, v]) => !v);
  if (missing) {
    throw new AuthError(`${where} is malformed: ${missing[0]} is missing`, 'IncompleteSignatureException');
  }
  if (algorithm !== ALGORITHM) {
    throw new AuthError(
      `${where} is malformed: unsupported ${Q_ALGORITHM} '${shown(algorithm!)}' (expected ${ALGORITHM})`,
      'IncompleteSignatureException',
    );
  }
  const requestTime = parseIsoBasic(date!);
  if (!requestTime) {
    throw new AuthError(
      `${where} is malformed: ${Q_DATE} must use the ISO 8601 basic format YYYYMMDD'T'HHMMSS'Z'`,
      'IncompleteSignatureException',
    );
  }
  if (!/^\d{1,6}$/.test(expires!) || Number(expires) < 1 || Number(expires) > MAX_PRESIGN_EXPIRES) {
    throw new AuthError(
      `${where} is malformed: ${Q_EXPIRES} must be an integer number of seconds between 1 and ${MAX_PRESIGN_EXPIRES}`,
      'IncompleteSignatureException',
    );
  }
  return {
    mode: 'query',
    credential: parseCredential(credential!, where),
    signedHeaders: parseSignedHeaders(signedHeaders!, where),
    signature: parseSignature(signature!, where),
    requestTime,
    longDate: date!,
    expiresSeconds: Number(expires),
    contentSha256Param: get(Q_CONTENT_SHA256),
  };
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
