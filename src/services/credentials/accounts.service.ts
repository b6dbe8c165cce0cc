import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureAccount, findAccessKey, findRootKeys, insertAccessKey } from '../../store/accounts.repo';
import type { Store } from '../../store/database';
import { findUser } from '../../store/identity.repo';
import { rootArn, type Principal } from '../principal';
import { isSessionKeyId, sessionKeyLookup } from '../console/session-keys';

/**
 * Accounts and the access keys requests are signed with. Secrets are kept
 * sealed (AES-256-GCM under the master key) because SigV4 verification needs
 * the secret itself, not a hash of it.
 */

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function newAccessKeyId(): string {
  const bytes = randomBytes(16);
  return 'PLMB' + [...bytes].map((b) => ALPHABET[b % 32]).join('');
}

export const newSecretAccessKey = (): string => randomBytes(30).toString('base64').replace(/[+/=]/g, 'x').slice(0, 40);

export interface RootCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  generated: boolean;
}

export interface BootstrapOptions {
  accountId: string;
  dataDir: string;
  rootAccessKeyId?: string;
  rootSecretAccessKey?: string;
}

const CREDENTIALS_FILE = 'root-credentials.json';

/**
 * Makes sure the default account and its root key exist. Keys from the
 * environment win; otherwise a key is generated once, stored sealed in the
 * database and written to <dataDir>/root-credentials.json with mode 0600.
 */
export async function bootstrapRoot(store: Store, box: SecretBox, options: BootstrapOptions, now: number): Promise<RootCredentials> {
  await ensureAccount(store.db, options.accountId, now);
  if (options.rootAccessKeyId && options.rootSecretAccessKey) {
    const existing = await findAccessKey(store.db, options.rootAccessKeyId);
    if (!existing) {
      await insertAccessKey(store.db, {
        accessKeyId: options.rootAccessKeyId,
        accountId: options.accountId,
        userName: null,
        secretSealed: box.seal(options.rootSecretAccessKey),
        createdAt: now,
      });
    } else {
      await store.db
        .updateTable('access_keys')
        .set({ secret_sealed: box.seal(options.rootSecretAccessKey), account_id: options.accountId, user_name: null })
        .where('access_key_id', '=', options.rootAccessKeyId)
        .execute();
    }
    return { accessKeyId: options.rootAccessKeyId, secretAccessKey: options.rootSecretAccessKey, generated: false };
  }
  const [existing] = await findRootKeys(store.db, options.accountId);
  if (existing) return { accessKeyId: existing.access_key_id, secretAccessKey: box.open(existing.secret_sealed), generated: false };
  const credentials = { accessKeyId: newAccessKeyId(), secretAccessKey: newSecretAccessKey(), generated: true };
  await insertAccessKey(store.db, {
    accessKeyId: credentials.accessKeyId,
    accountId: options.accountId,
    userName: null,
    secretSealed: box.seal(credentials.secretAccessKey),
    createdAt: now,
  });
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, CREDENTIALS_FILE);
  writeFileSync(file, JSON.stringify({ accountId: options.accountId, accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, null, 2) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return credentials;
}

export interface SigningKey {
  secretAccessKey: string;
  principal: Principal;
  /** Console sessions only: SHA-256 (hex) of the session token their requests must carry. */
  sessionTokenSha256?: string;
}

/**
 * How long a key's answer is reused. Deleting a key or user forgets its keys at once
 * in the process that deleted it (forgetSigningKeys); other processes serving the same
 * database stop accepting them within this time.
 */
export const SIGNING_KEY_CACHE_MS = 5_000;

type KeyCache = Map<string, { at: number; key: SigningKey | undefined }>;
const caches = new WeakMap<Store, KeyCache>();

/** Drops cached answers for these keys, so their next signature is checked against the store. */
export function forgetSigningKeys(store: Store, accessKeyIds: string[]): void {
  const cache = caches.get(store);
  for (const id of accessKeyIds) cache?.delete(id);
}

/** Finds the secret and principal of an access key; answers are cached briefly (keys change rarely). */
export function signingKeyLookup(store: Store, box: SecretBox, now: () => number = Date.now) {
  const cache: KeyCache = caches.get(store) ?? new Map();
  caches.set(store, cache);
  const sessions = sessionKeyLookup(store, box, now);
  const load = async (accessKeyId: string): Promise<SigningKey | undefined> => {
    const row = await findAccessKey(store.db, accessKeyId);
    // The user's unique id names it in audit records; looked up only when the key is not cached.
    const user = row?.user_name ? await findUser(store.db, row.account_id, row.user_name) : undefined;
    const key = row
      ? {
          secretAccessKey: box.open(row.secret_sealed),
          principal: {
            accountId: row.account_id,
            arn: row.user_name ? `arn:aws:iam::${row.account_id}:user/${row.user_name}` : rootArn(row.account_id),
            userName: row.user_name ?? undefined,
            ...(user ? { userId: user.user_id } : {}),
            accessKeyId,
          },
        }
      : undefined;
    if (cache.size > 10_000) cache.clear();
    cache.set(accessKeyId, { at: Date.now(), key });
    return key;
  };
  // A key known in memory is answered at once, without a promise: this runs on every call.
  return (accessKeyId: string): Promise<SigningKey | undefined> | SigningKey | undefined => {
    // Console sessions (by their prefix) have their own table and expiry.
    if (isSessionKeyId(accessKeyId)) return sessions(accessKeyId);
    const hit = cache.get(accessKeyId);
    if (hit && Date.now() - hit.at < SIGNING_KEY_CACHE_MS) return hit.key;
    return load(accessKeyId);
  };
}
