import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * HTTPS straight from Plumbline: PLUMBLINE_TLS_CERT and PLUMBLINE_TLS_KEY name PEM
 * files (the certificate may carry its chain). With TLS on, every answer tells
 * browsers to use HTTPS only from then on (HSTS): the console's session credentials
 * live in the page, and a single plain-HTTP visit could hand them to whoever sits
 * on the network.
 */

export interface TlsFiles {
  cert: string;
  key: string;
}

// A year, the value HSTS preload lists ask for; not includeSubDomains: Plumbline does not own its parent domain.
const HSTS = 'max-age=31536000';

/** The https options for Fastify, read from the files; a clear error naming the setting when one cannot be read. */
export function readTls(files: TlsFiles): { cert: Buffer; key: Buffer } {
  const read = (setting: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new Error(`${setting} (${file}) cannot be read: ${(error as Error).message}`);
    }
  };
  const cert = read('PLUMBLINE_TLS_CERT', files.cert);
  const key = read('PLUMBLINE_TLS_KEY', files.key);
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`PLUMBLINE_TLS_CERT (${files.cert}) is not a PEM certificate`);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.toString('latin1'))) throw new Error(`PLUMBLINE_TLS_KEY (${files.key}) is not a PEM private key`);
  return { cert, key };
}

/** HSTS on every answer; only registered when TLS is on, so plain-HTTP servers pay nothing for it. */
export function addTlsHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('strict-transport-security', HSTS);
    done();
  });
}
