/**
 * AWS Signature Version 4 request verification.
 *
 * The canonical request, string-to-sign and signing key are produced by
 * @smithy/signature-v4 (the signer used by the AWS SDK for JavaScript v3), so
 * that exactly the same canonicalisation is applied on both sides:
 *
 *  - path: normalised (empty and dot segments removed) and URI-encoded once
 *    more, i.e. the already percent-encoded path received on the wire is
 *    double-encoded, as the JS SDK v3 and botocore do for every service but S3;
 *  - query: decoded here, then re-encoded and sorted by the library (repeated
 *    keys sorted by value, empty values kept as `key=`);
 *  - headers: only the headers named in SignedHeaders, values trimmed and
 *    inner whitespace collapsed by the library.
 *
 * Only long-term access keys are supported (no session tokens), only
 * AWS4-HMAC-SHA256, and the payload must always be signed (sha256 of the body).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4Base, getCanonicalHeaders, getSigningKey, createScope } from '@smithy/signature-v4';

export interface IncomingSignedRequest {
  method: string;
  /** Path exactly as received, still percent-encoded, without query. */
  rawPath: string;
  /** Query string as received (without '?'), may be ''. */
  rawQuery: string;
  /** Node's lower-cased headers (IncomingMessage.headers). */
  headers: Record<string, string | string[] | undefined>;
  /** Raw body bytes (empty Buffer when none). */
  body: Buffer;
}

export interface SigningKeyLookup<P> {
  (accessKeyId: string): Promise<{ secretAccessKey: string; principal: P } | undefined>;
}

export interface VerifySigV4Options {
  /** Signing name expected in the credential scope, e.g. 'wellarchitected'. */
  service: string;
  /** Region expected in the credential scope, e.g. 'us-east-1'. */
  region: string;
  /** Server time (defaults to new Date()). */
  now?: Date;
  /** Allowed clock skew in seconds, either way (default 900). */
  maxSkewSeconds?: number;
}

/**
 * AWS error codes a client understands for authentication failures. The HTTP
 * layer can use `code` as the error type (x-amzn-errortype / __type) and
 * `statusCode` as the HTTP status.
 */
export type AuthErrorCode =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException'
  | 'XAmzContentSHA256Mismatch';

const STATUS_BY_CODE: Record<AuthErrorCode, number> = {
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 400,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  XAmzContentSHA256Mismatch: 400,
};

export class AuthError extends Error {
  readonly code: AuthErrorCode;
  readonly statusCode: number;
  constructor(message: string, code: AuthErrorCode = 'InvalidSignatureException') {
    super(message);
    this.name = 'AuthError';
    this.code = code;
    this.statusCode = STATUS_BY_CODE[code];
  }
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const TERMINATOR = 'aws4_request';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const MAX_PRESIGN_EXPIRES = 604800;
const DEFAULT_MAX_SKEW_SECONDS = 900;

const Q_ALGORITHM = 'X-Amz-Algorithm';
const Q_CREDENTIAL = 'X-Amz-Credential';
const Q_DATE = 'X-Amz-Date';
const Q_EXPIRES = 'X-Amz-Expires';
const Q_SIGNED_HEADERS = 'X-Amz-SignedHeaders';
const Q_SIGNATURE = 'X-Amz-Signature';
const Q_TOKEN = 'X-Amz-Security-Token';
const Q_CONTENT_SHA256 = 'X-Amz-Content-Sha256';

const MSG_MISSING = 'Request is missing the Authorization header or X-Amz-Signature query parameter';
const MSG_UNKNOWN_KEY = 'The security token included in the request is invalid';
const MSG_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';
const MSG_PAYLOAD_MISMATCH = 'The provided x-amz-content-sha256 header does not match the request body';
const MSG_SESSION_TOKEN =
  'Session tokens are not supported (x-amz-security-token): sign requests with a long-term access key';

const sha256Ctor = Hash.bind(null, 'sha256');

/**
 * Thin subclass exposing the library's (protected) canonical request and
 * string-to-sign builders. It never signs anything itself, so the credentials
 * and region given to the base constructor are placeholders.
 */
class CanonicalSigV4 extends SignatureV4Base {
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
  stringToSign(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM);
  }
}

const canonicalizers = new Map<string, CanonicalSigV4>();
function canonicalizerFor(service: string): CanonicalSigV4 {
  let c = canonicalizers.get(service);
  if (!c) {
    c = new CanonicalSigV4(service);
    canonicalizers.set(service, c);
  }
  return c;
}

/** Quote a client-supplied value for an error message: bounded, printable ASCII only. */
function shown(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 64)}...` : clean;
}

function headerValue(headers: IncomingSignedRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(',') : v;
}

type QueryBag = Record<string, string | string[]>;

function parseQuery(rawQuery: string): QueryBag {
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

function singleQueryParam(query: QueryBag, name: string): string | undefined {
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

interface ParsedCredential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

function parseCredential(value: string, where: string): ParsedCredential {
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

function parseSignedHeaders(value: string, where: string): string[] {
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

function parseSignature(value: string, where: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(value)) {
    throw new AuthError(
      `${where} is malformed: Signature must be 64 hexadecimal characters`,
      'IncompleteSignatureException',
    );
  }
  return Buffer.from(value, 'hex');
}

interface ParsedAuth {
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

function parseIsoBasic(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject out-of-range fields (e.g. month 13) that Date.UTC would roll over.
  if (formatIsoBasic(t) !== value) return undefined;
  return t;
}

function formatIsoBasic(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function parseAuthorizationHeader(header: string): Omit<ParsedAuth, 'longDate' | 'requestTime' | 'mode'> {
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

function parseHeaderAuth(req: IncomingSignedRequest, authorization: string): ParsedAuth {
  const parsed = parseAuthorizationHeader(authorization);
  const amzDate = headerValue(req.headers, 'x-amz-date');
  const httpDate = headerValue(req.headers, 'date');
  let requestTime: Date | undefined;
  let dateHeader: string;
  if (amzDate !== undefined) {
    dateHeader = 'x-amz-date';
    requestTime = parseIsoBasic(amzDate.trim());
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
  return { ...parsed, mode: 'header', requestTime, longDate: formatIsoBasic(requestTime) };
}

function parseQueryAuth(query: QueryBag): ParsedAuth {
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

function describeSkew(seconds: number): string {
  if (seconds % 60 === 0) {
    const minutes = seconds / 60;
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** The payload hash the signature must cover; validates any declared hash against the body. */
function payloadHash(declared: string | undefined, bodyHash: string): string {
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

/**
 * Verify an AWS SigV4 signed request (Authorization header or presigned query
 * string). Resolves with the principal of the signing access key, or rejects
 * with an AuthError. Errors thrown by `lookup` propagate unchanged.
 */
export async function verifySigV4<P>(
  req: IncomingSignedRequest,
  lookup: SigningKeyLookup<P>,
  opts: VerifySigV4Options,
): Promise<{ principal: P; accessKeyId: string }> {
  const now = opts.now ?? new Date();
  const maxSkewSeconds = opts.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  const query = parseQuery(req.rawQuery);

  const authorization = req.headers['authorization'];
  const hasQuerySignature = query[Q_SIGNATURE] !== undefined || query[Q_ALGORITHM] !== undefined;
  let auth: ParsedAuth;
  if (authorization !== undefined) {
    if (Array.isArray(authorization)) {
      throw new AuthError('Authorization header is malformed: it appears more than once', 'IncompleteSignatureException');
    }
    if (hasQuerySignature) {
      throw new AuthError(
        'Only one authentication mechanism is allowed: use either the Authorization header or X-Amz-Signature query parameters',
        'IncompleteSignatureException',
      );
    }
    if (authorization.trim() === '') throw new AuthError(MSG_MISSING, 'MissingAuthenticationTokenException');
    if (req.headers['x-amz-security-token'] !== undefined) {
      throw new AuthError(MSG_SESSION_TOKEN, 'UnrecognizedClientException');
    }
    auth = parseHeaderAuth(req, authorization);
  } else if (hasQuerySignature) {
    if (query[Q_TOKEN] !== undefined) throw new AuthError(MSG_SESSION_TOKEN, 'UnrecognizedClientException');
    auth = parseQueryAuth(query);
  } else {
    throw new AuthError(MSG_MISSING, 'MissingAuthenticationTokenException');
  }

  // Credential scope.
  const { credential } = auth;
  if (credential.service !== opts.service) {
    throw new AuthError(
      `Credential should be scoped to correct service: '${opts.service}', not '${shown(credential.service)}'`,
    );
  }
  if (credential.region !== opts.region) {
    throw new AuthError(
      `Credential should be scoped to the region '${opts.region}', not '${shown(credential.region)}'`,
    );
  }
  const shortDate = auth.longDate.slice(0, 8);
  if (credential.date !== shortDate) {
    throw new AuthError(
      `Credential should be scoped to the request date: the credential date ${credential.date} does not match ${shortDate} from ${auth.mode === 'header' ? 'the request date header' : Q_DATE}`,
    );
  }

  // Time window.
  const skewMs = maxSkewSeconds * 1000;
  const nowText = formatIsoBasic(new Date(Math.floor(now.getTime() / 1000) * 1000));
  if (auth.mode === 'header') {
    if (Math.abs(auth.requestTime.getTime() - now.getTime()) > skewMs) {
      throw new AuthError(
        `Signature expired: request time ${auth.longDate} is more than ${describeSkew(maxSkewSeconds)} from server time ${nowText}`,
      );
    }
  } else {
    if (auth.requestTime.getTime() - now.getTime() > skewMs) {
      throw new AuthError(
        `Request is not yet valid: ${Q_DATE} ${auth.longDate} is more than ${describeSkew(maxSkewSeconds)} after server time ${nowText}`,
      );
    }
    if (now.getTime() > auth.requestTime.getTime() + auth.expiresSeconds! * 1000) {
      throw new AuthError(
        `Request has expired: ${Q_DATE} ${auth.longDate} plus ${Q_EXPIRES} ${auth.expiresSeconds} seconds is before server time ${nowText}`,
      );
    }
  }

  // Payload: the signature always covers sha256(body).
  const bodyHash = req.body.length === 0 ? EMPTY_SHA256 : createHash('sha256').update(req.body).digest('hex');
  const signedPayloadHash = payloadHash(
    auth.mode === 'header' ? headerValue(req.headers, 'x-amz-content-sha256') : auth.contentSha256Param,
    bodyHash,
  );

  // Signed headers must be present.
  const signedHeaderValues: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const v = headerValue(req.headers, name);
    if (v === undefined) {
      throw new AuthError(
        `${auth.mode === 'header' ? 'Authorization header' : 'Presigned query string'} is malformed: signed header '${name}' is not present in the request`,
        'IncompleteSignatureException',
      );
    }
    signedHeaderValues[name] = v;
  }

  // Only now consult the key store.
  const key = await lookup(credential.accessKeyId);
  if (!key) throw new AuthError(MSG_UNKNOWN_KEY, 'UnrecognizedClientException');

  let expected: Buffer;
  try {
    const signable = new HttpRequest({
      method: req.method.toUpperCase(),
      path: req.rawPath === '' ? '/' : req.rawPath,
      query,
      headers: signedHeaderValues,
    });
    const canonicalHeaders = getCanonicalHeaders(signable, undefined, new Set(auth.signedHeaders)) as Record<
      string,
      string
    >;
    const signer = canonicalizerFor(credential.service);
    const canonicalRequest = signer.canonicalRequest(signable, canonicalHeaders, signedPayloadHash);
    const scope = createScope(shortDate, credential.region, credential.service);
    const stringToSign = await signer.stringToSign(auth.longDate, scope, canonicalRequest);
    const signingKey = await getSigningKey(
      sha256Ctor,
      { accessKeyId: credential.accessKeyId, secretAccessKey: key.secretAccessKey },
      shortDate,
      credential.region,
      credential.service,
    );
    expected = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest();
  } catch {
    // e.g. a path that cannot be URI-encoded (lone surrogates): it cannot match any signature.
    throw new AuthError(MSG_MISMATCH);
  }
  if (expected.length !== auth.signature.length || !timingSafeEqual(expected, auth.signature)) {
    throw new AuthError(MSG_MISMATCH);
  }
  return { principal: key.principal, accessKeyId: credential.accessKeyId };
}
