/**
 * Encryption at rest for stored secrets that must stay recoverable (e.g. the
 * secret half of an access key, needed to verify SigV4 signatures).
 *
 * Sealed format: `v1.<base64url(iv[12] || tag[16] || ciphertext)>`, AES-256-GCM
 * with a fresh random 96-bit IV per seal. The version prefix is also bound as
 * additional authenticated data, so it cannot be swapped without detection.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MASTER_KEY_FILE = 'master.key';

export function createSecretBox(masterKey: Buffer): SecretBox {
  if (!Buffer.isBuffer(masterKey) || masterKey.length !== KEY_BYTES) {
    throw new Error(`Secret box master key must be exactly ${KEY_BYTES} bytes`);
  }
  // Private copy: later mutation of the caller's buffer must not change the key.
  const key = Buffer.from(masterKey);
  const aad = Buffer.from(VERSION, 'utf8');

  return {
    seal(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${VERSION}.${Buffer.concat([iv, tag, ciphertext]).toString('base64url')}`;
    },
    open(sealed: string): string {
      const dot = sealed.indexOf('.');
      const version = dot === -1 ? '' : sealed.slice(0, dot);
      if (version !== VERSION) {
        throw new Error(`Sealed secret has an unsupported format (expected version ${VERSION})`);
      }
      const payload = sealed.slice(dot + 1);
      if (!/^[A-Za-z0-9_-]*$/.test(payload)) {
        throw new Error('Sealed secret is not valid base64url');
      }
      const raw = Buffer.from(payload, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) {
        throw new Error('Sealed secret is truncated');
      }
      const iv = raw.subarray(0, IV_BYTES);
      const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
      const ciphertext = raw.subarray(IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('Sealed secret could not be decrypted: wrong master key or tampered data');
      }
    },
  };
}

const ENV_KEY_FORMAT =
  'PLUMBLINE_MASTER_KEY must be 32 bytes given as 64 hexadecimal characters or as base64 (44 characters, standard or URL-safe alphabet)';

function parseEnvKey(value: string): Buffer {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) {
    const buf = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (buf.length === KEY_BYTES) return buf;
  }
  throw new Error(ENV_KEY_FORMAT);
}

/**
 * The master key: from `envKey` (PLUMBLINE_MASTER_KEY) when given, else from
 * `<dataDir>/master.key` (32 raw bytes), creating that file with 32 random
 * bytes and mode 0600 (and the directory, mode 0700) when it does not exist.
 */
export function loadOrCreateMasterKey(opts: { dataDir: string; envKey?: string }): Buffer {
  if (opts.envKey !== undefined && opts.envKey !== '') return parseEnvKey(opts.envKey);

  const file = join(opts.dataDir, MASTER_KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return existing;

  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  try {
    // 'wx': fail if another process created it first; then use theirs.
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      const raced = readKeyFile(file);
      if (raced) return raced;
    }
    throw err;
  }
  // The process umask may have narrowed the mode further; make sure it is exactly 0600.
  chmodSync(file, 0o600);
  return key;
}

function readKeyFile(file: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (data.length !== KEY_BYTES) {
    throw new Error(
      `Master key file ${file} must contain exactly ${KEY_BYTES} raw bytes (found ${data.length}); restore it from backup or remove it only if no secrets were sealed with it`,
    );
  }
  return data;
}
