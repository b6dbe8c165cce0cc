import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { ValidationError } from '../domain/errors';
import { AuthError } from './auth/auth-error';
import { MSG_PAYLOAD_MISMATCH } from './auth/sigv4-parse';

/**
 * A streamed request body that fails, at its end, unless its bytes hash to the
 * SHA-256 the signature covered, and as soon as it passes `maxBytes`. Whoever
 * reads it must not keep anything before the stream has ended cleanly.
 */
export function verifiedBody(raw: Readable, declaredSha256: string, maxBytes: number, onBytes?: (total: number) => void): Readable {
  const hash = createHash('sha256');
  let total = 0;
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > maxBytes) return done(new ValidationError(`The upload is larger than ${maxBytes} bytes (PLUMBLINE_CHECKS_MAX_BYTES)`, [], 'OTHER'));
      hash.update(chunk);
      onBytes?.(total);
      done(null, chunk);
    },
    flush(done) {
      if (hash.digest('hex') !== declaredSha256) return done(new AuthError(MSG_PAYLOAD_MISMATCH, 'XAmzContentSHA256Mismatch'));
      done();
    },
  });
  raw.once('error', (error) => checked.destroy(error));
  return raw.pipe(checked);
}

/**
 * The value of a streaming payload member (src/api/model/): the request's body,
 * opened once by the service when it is ready to read it. Its audit record
 * keeps only the SHA-256 the caller signed (the stream is a private field, so
 * the record's redaction never walks it).
 */
export class StreamedPayload {
  readonly #open: () => Readable;
  #opened = false;

  constructor(
    readonly SHA256: string,
    open: () => Readable,
  ) {
    this.#open = open;
  }

  open(): Readable {
    if (this.#opened) throw new Error('a streamed payload can be read only once');
    this.#opened = true;
    return this.#open();
  }
}
