/** The request and key types of SigV4 verification, and its one error. */

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
  /**
   * For a body read only after the signature is checked (a streamed upload): its
   * declared SHA-256, which the reader compares with the bytes as they arrive.
   */
  bodySha256?: string;
}

export interface SigningKey<P> {
  secretAccessKey: string;
  principal: P;
  /** The key is temporary and requests must carry the token with this SHA-256 (hex). */
  sessionTokenSha256?: string;
}

/** Finds a key by its id: at once when it is known in memory, else through a promise. */
export interface SigningKeyLookup<P> {
  (accessKeyId: string): Promise<SigningKey<P> | undefined> | SigningKey<P> | undefined;
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
  /** Longest X-Amz-Expires a presigned URL may ask for (default 3600, PLUMBLINE_PRESIGN_MAX_SECONDS). */
  maxPresignSeconds?: number;
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
