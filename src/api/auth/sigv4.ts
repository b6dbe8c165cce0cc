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
 * Long-term keys sign without a session token; temporary keys (console sessions,
 * whose lookup answers `sessionTokenSha256`) must carry theirs, signed. Only
 * AWS4-HMAC-SHA256, and the payload must always be signed (sha256 of the body).
 */
import { createHash, createHmac, hash, timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '@smithy/protocol-http';
import { getCanonicalHeaders, getSigningKey, createScope } from '@smithy/signature-v4';
import { ALGORITHM, EMPTY_SHA256, DEFAULT_MAX_SKEW_SECONDS, DEFAULT_MAX_PRESIGN_SECONDS, Q_ALGORITHM, Q_DATE, Q_EXPIRES, Q_SIGNATURE, Q_TOKEN, MSG_MISSING, MSG_UNKNOWN_KEY, MSG_MISMATCH, MSG_SESSION_TOKEN, sha256Ctor, canonicalizerFor, shown, headerValue, parseQuery, formatIsoBasic, describeSkew, payloadHash } from './sigv4-parse';
import { parseHeaderAuth, parseQueryAuth, type ParsedAuth } from './sigv4-auth-forms';
import { AuthError, type IncomingSignedRequest, type SigningKey, type SigningKeyLookup, type VerifySigV4Options } from './auth-error';

export { AuthError, type AuthErrorCode, type IncomingSignedRequest, type SigningKey, type SigningKeyLookup, type VerifySigV4Options } from './auth-error';

/**
 * Derived signing keys by access key, day, region and service: deriving one takes
 * five HMACs (the library's cache still computes one per call to find its entry).
 * An entry is used only while the key's secret is the one it was derived from.
 */
const signingKeys = new Map<string, { secret: string; key: Uint8Array }>();
const MAX_SIGNING_KEYS = 10_000;

function signingKeyFor(accessKeyId: string, secretAccessKey: string, shortDate: string, region: string, service: string): Uint8Array | Promise<Uint8Array> {
  const id = `${accessKeyId}/${shortDate}/${region}/${service}`;
  const hit = signingKeys.get(id);
  // Answered without a promise when known: this runs on every request.
  return hit && hit.secret === secretAccessKey ? hit.key : deriveSigningKey(id, accessKeyId, secretAccessKey, shortDate, region, service);
}

async function deriveSigningKey(id: string, accessKeyId: string, secretAccessKey: string, shortDate: string, region: string, service: string) {
  const key = await getSigningKey(sha256Ctor, { accessKeyId, secretAccessKey }, shortDate, region, service);
  if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
  signingKeys.set(id, { secret: secretAccessKey, key });
  return key;
}

/** SignedHeaders as a set, kept with the (shared, frozen) parsed list it came from. */
const signedHeaderSets = new WeakMap<readonly string[], Set<string>>();
function signedHeaderSet(names: readonly string[]): Set<string> {
  let set = signedHeaderSets.get(names);
  if (!set) {
    set = new Set(names);
    signedHeaderSets.set(names, set);
  }
  return set;
}

export interface Verified<P> {
  principal: P;
  accessKeyId: string;
}

/**
 * Verify an AWS SigV4 signed request (Authorization header or presigned query
 * string). Resolves with the principal of the signing access key, or rejects
 * with an AuthError. Errors thrown by `lookup` propagate unchanged.
 */
export async function verifySigV4<P>(req: IncomingSignedRequest, lookup: SigningKeyLookup<P>, opts: VerifySigV4Options): Promise<Verified<P>> {
  const now = opts.now ?? new Date();
  const maxSkewSeconds = opts.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  const query = parseQuery(req.rawQuery);

  const authorization = req.headers['authorization'];
  const hasQuerySignature = query[Q_SIGNATURE] !== undefined || query[Q_ALGORITHM] !== undefined;
  let auth: ParsedAuth;
  let sessionToken: string | string[] | undefined;
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
    auth = parseHeaderAuth(req, authorization);
    sessionToken = req.headers['x-amz-security-token'];
    if (sessionToken !== undefined && !auth.signedHeaders.includes('x-amz-security-token')) {
      throw new AuthError('Authorization header is malformed: SignedHeaders must include x-amz-security-token', 'IncompleteSignatureException');
    }
  } else if (hasQuerySignature) {
    auth = parseQueryAuth(query);
    sessionToken = query[Q_TOKEN];
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
  if (auth.mode === 'header') {
    if (Math.abs(auth.requestTime.getTime() - now.getTime()) > skewMs) {
      throw new AuthError(
        `Signature expired: request time ${auth.longDate} is more than ${describeSkew(maxSkewSeconds)} from server time ${serverTime(now)}`,
      );
    }
  } else {
    const maxPresignSeconds = opts.maxPresignSeconds ?? DEFAULT_MAX_PRESIGN_SECONDS;
    if (auth.expiresSeconds! > maxPresignSeconds) {
      throw new AuthError(
        `${Q_EXPIRES} ${auth.expiresSeconds} seconds is longer than this server accepts for a presigned URL (${maxPresignSeconds} seconds, PLUMBLINE_PRESIGN_MAX_SECONDS)`,
      );
    }
    if (auth.requestTime.getTime() - now.getTime() > skewMs) {
      throw new AuthError(
        `Request is not yet valid: ${Q_DATE} ${auth.longDate} is more than ${describeSkew(maxSkewSeconds)} after server time ${serverTime(now)}`,
      );
    }
    if (now.getTime() > auth.requestTime.getTime() + auth.expiresSeconds! * 1000) {
      throw new AuthError(
        `Request has expired: ${Q_DATE} ${auth.longDate} plus ${Q_EXPIRES} ${auth.expiresSeconds} seconds is before server time ${serverTime(now)}`,
      );
    }
  }

  // Payload: the signature always covers sha256(body).
  const bodyHash = req.bodySha256 ?? (req.body.length === 0 ? EMPTY_SHA256 : hash('sha256', req.body, 'hex'));
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
  const signed: SignedParts = { req, query, auth, sessionToken, signedHeaderValues, signedPayloadHash, shortDate };
  return checkSignature(signed, await lookup(credential.accessKeyId));
}

/** What the signature check needs of a parsed request. */
interface SignedParts {
  req: IncomingSignedRequest;
  query: ReturnType<typeof parseQuery>;
  auth: ParsedAuth;
  sessionToken: string | string[] | undefined;
  signedHeaderValues: Record<string, string>;
  signedPayloadHash: string;
  shortDate: string;
}

function checkSignature<P>(signed: SignedParts, key: SigningKey<P> | undefined): Verified<P> | Promise<Verified<P>> {
  const { req, query, auth, sessionToken, signedHeaderValues, signedPayloadHash, shortDate } = signed;
  const { credential } = auth;
  if (!key) throw new AuthError(MSG_UNKNOWN_KEY, 'UnrecognizedClientException');
  if (key.sessionTokenSha256 !== undefined || sessionToken !== undefined) checkSessionToken(key.sessionTokenSha256, sessionToken);

  try {
    // The library's canonicalisation reads only these members of its HttpRequest.
    const signable = {
      method: req.method.toUpperCase(),
      path: req.rawPath === '' ? '/' : req.rawPath,
      query,
      headers: signedHeaderValues,
    } as unknown as HttpRequest;
    const canonicalHeaders = getCanonicalHeaders(signable, undefined, signedHeaderSet(auth.signedHeaders)) as Record<
      string,
      string
    >;
    const signer = canonicalizerFor(credential.service);
    const canonicalRequest = signer.canonicalRequest(signable, canonicalHeaders, signedPayloadHash);
    const scope = createScope(shortDate, credential.region, credential.service);
    // The string to sign as SigV4 defines it, hashed with node:crypto directly: the
    // library's Hash wrapper and async steps cost more than the hashing itself.
    const stringToSign = `${ALGORITHM}\n${auth.longDate}\n${scope}\n${hash('sha256', canonicalRequest, 'hex')}`;
    const known = signingKeyFor(credential.accessKeyId, key.secretAccessKey, shortDate, credential.region, credential.service);
    if (!(known instanceof Uint8Array)) {
      return known
        .then((signingKey) => compareSignature(signingKey, stringToSign, auth, key.principal))
        .catch(() => {
          throw new AuthError(MSG_MISMATCH);
        });
    }
    return compareSignature(known, stringToSign, auth, key.principal);
  } catch {
    // e.g. a path that cannot be URI-encoded (lone surrogates): it cannot match any signature.
    throw new AuthError(MSG_MISMATCH);
  }
}

function compareSignature<P>(signingKey: Uint8Array, stringToSign: string, auth: ParsedAuth, principal: P): Verified<P> {
  const expected = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest();
  if (expected.length !== auth.signature.length || !timingSafeEqual(expected, auth.signature)) {
    throw new AuthError(MSG_MISMATCH);
  }
  return { principal, accessKeyId: auth.credential.accessKeyId };
}

/** The server's time as error messages show it. */
function serverTime(now: Date): string {
  return formatIsoBasic(new Date(Math.floor(now.getTime() / 1000) * 1000));
}

/** A temporary key needs exactly its own session token; a long-term key takes none. */
function checkSessionToken(expectedSha256: string | undefined, token: string | string[] | undefined): void {
  if (expectedSha256 === undefined) throw new AuthError(MSG_SESSION_TOKEN, 'UnrecognizedClientException');
  if (typeof token !== 'string') throw new AuthError(MSG_UNKNOWN_KEY, 'UnrecognizedClientException');
  const actual = createHash('sha256').update(token).digest();
  const expected = Buffer.from(expectedSha256, 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new AuthError(MSG_UNKNOWN_KEY, 'UnrecognizedClientException');
  }
}
