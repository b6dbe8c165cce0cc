/** The two forms a SigV4 signature arrives in, parsed: the Authorization header and a presigned URL's query (see sigv4.ts). */
import { AuthError, type IncomingSignedRequest } from './auth-error';
import {
  ALGORITHM,
  MAX_PARSES,
  MAX_PRESIGN_EXPIRES,
  Q_ALGORITHM,
  Q_CONTENT_SHA256,
  Q_CREDENTIAL,
  Q_DATE,
  Q_EXPIRES,
  Q_SIGNATURE,
  Q_SIGNED_HEADERS,
  formatIsoBasic,
  headerValue,
  parseCredential,
  parseIsoBasic,
  parseSignature,
  parseSignedHeaders,
  shown,
  singleQueryParam,
  type ParsedCredential,
  type QueryBag,
} from './sigv4-parse';

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
