import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox, loadOrCreateMasterKey } from './secret-box';

const tmpDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-secret-box-'));
  tmpDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of tmpDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('createSecretBox', () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it('round trips, including empty and non-ASCII strings', () => {
    for (const plain of ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '', 'héllo wörld ✓ 🔑', 'x'.repeat(10_000)]) {
      const sealed = box.seal(plain);
      expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
      expect(sealed).not.toContain(plain || '\u0000');
      expect(box.open(sealed)).toBe(plain);
    }
  });

  it('uses a fresh IV each time', () => {
    const a = box.seal('same');
    const b = box.seal('same');
    expect(a).not.toBe(b);
    const iv = (s: string) => Buffer.from(s.slice(3), 'base64url').subarray(0, 12).toString('hex');
    expect(iv(a)).not.toBe(iv(b));
    expect(box.open(a)).toBe('same');
    expect(box.open(b)).toBe('same');
  });

  it('detects tampering with ciphertext, tag, IV or version', () => {
    const sealed = box.seal('secret value');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    for (const index of [0, 11, 12, 27, 28, raw.length - 1]) {
      const t = Buffer.from(raw);
      t[index]! ^= 0x01;
      expect(() => box.open(`v1.${t.toString('base64url')}`)).toThrow(/wrong master key or tampered/);
    }
    expect(() => box.open(`v1.${raw.subarray(0, raw.length - 1).toString('base64url')}`)).toThrow();
    expect(() => box.open(`v1.${raw.subarray(0, 20).toString('base64url')}`)).toThrow(/truncated/);
    expect(() => box.open(`v2.${raw.toString('base64url')}`)).toThrow(/unsupported format/);
    expect(() => box.open(raw.toString('base64url'))).toThrow(/unsupported format/);
    expect(() => box.open('v1.not base64!')).toThrow(/base64url/);
  });

  it('fails with the wrong key, without revealing the plaintext', () => {
    const sealed = box.seal('top secret');
    const other = createSecretBox(randomBytes(32));
    expect(() => other.open(sealed)).toThrow(/wrong master key or tampered/);
    try {
      other.open(sealed);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('top secret');
    }
  });

  it('requires a 32-byte key and copies it', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
    const k = randomBytes(32);
    const b = createSecretBox(k);
    const sealed = b.seal('v');
    k.fill(0);
    expect(b.open(sealed)).toBe('v');
  });
});

describe('loadOrCreateMasterKey', () => {
  it('accepts 64 hex characters from the environment', () => {
    const key = randomBytes(32);
    expect(loadOrCreateMasterKey({ dataDir: tempDir(), envKey: key.toString('hex') })).toEqual(key);
    expect(loadOrCreateMasterKey({ dataDir: tempDir(), envKey: key.toString('hex').toUpperCase() })).toEqual(key);
  });

  it('accepts base64 (standard and URL-safe) of 32 bytes from the environment', () => {
    const key = randomBytes(32);
    expect(loadOrCreateMasterKey({ dataDir: tempDir(), envKey: key.toString('base64') })).toEqual(key);
    expect(loadOrCreateMasterKey({ dataDir: tempDir(), envKey: key.toString('base64url') })).toEqual(key);
  });

  it('does not touch the data directory when the environment key is used', () => {
    const dir = join(tempDir(), 'data');
    loadOrCreateMasterKey({ dataDir: dir, envKey: randomBytes(32).toString('hex') });
    expect(() => statSync(dir)).toThrow();
  });

  it('rejects other formats with a message saying what is expected', () => {
    for (const bad of [
      'abc',
      randomBytes(31).toString('hex'),
      randomBytes(33).toString('hex'),
      randomBytes(16).toString('base64'),
      randomBytes(48).toString('base64'),
      'z'.repeat(64),
    ]) {
      expect(() => loadOrCreateMasterKey({ dataDir: tempDir(), envKey: bad })).toThrow(
        /PLUMBLINE_MASTER_KEY must be 32 bytes given as 64 hexadecimal characters or as base64/,
      );
    }
  });

  it('creates <dataDir>/master.key with mode 0600 (and the directory) and reuses it', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const key = loadOrCreateMasterKey({ dataDir: dir });
    expect(key.length).toBe(32);
    const file = join(dir, 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file)).toEqual(key);

    const again = loadOrCreateMasterKey({ dataDir: dir });
    expect(again).toEqual(key);

    // A secret sealed with the first load opens with the second.
    const sealed = createSecretBox(key).seal('persisted');
    expect(createSecretBox(again).open(sealed)).toBe('persisted');
  });

  it('treats an empty envKey as absent', () => {
    const dir = tempDir();
    const key = loadOrCreateMasterKey({ dataDir: dir, envKey: '' });
    expect(readFileSync(join(dir, 'master.key'))).toEqual(key);
  });

  it('refuses a master.key file of the wrong size', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'master.key'), Buffer.alloc(10));
    expect(() => loadOrCreateMasterKey({ dataDir: dir })).toThrow(/exactly 32 raw bytes/);
  });
});
