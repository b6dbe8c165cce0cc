import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureAccount, findAccessKey, findRootKeys, insertAccessKey, lockAccount, resealRootKey } from '../../store/accounts.repo';
import type { Store, Trx } from '../../store/database';
import { findUser } from '../../store/identity.repo';
import { rootArn, type Principal } from '../principal';
import { isSessionKeyId, type SessionKeys } from '../console/session-keys';
import type { CacheVersions } from '../caches/cache-versions';
import { NOT_CACHED, ScopedCache } from '../caches/scoped-cache';

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
  // Several instances may start together on one database: the account's row lock makes
  // them take turns, so the root key is created once (lockAccount: a no-op on SQLite,
  // whose writers take turns anyway).
  const { credentials, created } = await store.db.transaction().execute(async (trx) => {
    await lockAccount(trx, store.dialect, options.accountId);
    return rootKeyIn(trx, box, options, now);
  });
  if (created) {
    mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, CREDENTIALS_FILE);
    writeFileSync(file, JSON.stringify({ accountId: options.accountId, accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return credentials;
}

async function rootKeyIn(trx: Trx, box: SecretBox, options: BootstrapOptions, now: number): Promise<{ credentials: RootCredentials; created: boolean }> {
  if (options.rootAccessKeyId && options.rootSecretAccessKey) {
    const existing = await findAccessKey(trx, options.rootAccessKeyId);
    if (!existing) {
      await insertAccessKey(trx, {
        accessKeyId: options.rootAccessKeyId,
        accountId: options.accountId,
        userName: null,
        secretSealed: box.seal(options.rootSecretAccessKey),
        createdAt: now,
      });
    } else {
      await resealRootKey(trx, { accessKeyId: options.rootAccessKeyId, accountId: options.accountId, secretSealed: box.seal(options.rootSecretAccessKey) });
    }
    return { credentials: { accessKeyId: options.rootAccessKeyId, secretAccessKey: options.rootSecretAccessKey, generated: false }, created: false };
  }
  const [existing] = await findRootKeys(trx, options.accountId);
  if (existing) return { credentials: { accessKeyId: existing.access_key_id, secretAccessKey: box.open(existing.secret_sealed), generated: false }, created: false };
  const credentials = { accessKeyId: newAccessKeyId(), secretAccessKey: newSecretAccessKey(), generated: true };
  await insertAccessKey(trx, {
    accessKeyId: credentials.accessKeyId,
    accountId: options.accountId,
    userName: null,
    secretSealed: box.seal(credentials.secretAccessKey),
    createdAt: now,
  });
  return { credentials, created: true };
}

export interface SigningKey {
  secretAccessKey: string;
  principal: Principal;
  /** Console sessions only: SHA-256 (hex) of the session token their requests must carry. */
  sessionTokenSha256?: string;
}

/**
 * The secrets and principals of access keys, kept until a key or user changes in
 * any process (the 'keys' scope of CacheVersions: within one poll, 250 ms). Built in
 * buildApp, carried by ServiceContext.
 */
export class SigningKeys {
  private readonly cache: ScopedCache<SigningKey | undefined>;

  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    versions: CacheVersions,
  ) {
    this.cache = new ScopedCache(versions, ['keys']);
  }

  /** A key known in memory is answered at once, without a promise: this runs on every call. */
  find(accessKeyId: string): Promise<SigningKey | undefined> | SigningKey | undefined {
    const hit = this.cache.get(accessKeyId);
    return hit !== NOT_CACHED ? hit : this.load(accessKeyId);
  }

  private async load(accessKeyId: string): Promise<SigningKey | undefined> {
    const mark = this.cache.mark();
    const row = await findAccessKey(this.store.db, accessKeyId);
    // The user's unique id names it in audit records; looked up only when the key is not cached.
    const user = row?.user_name ? await findUser(this.store.db, row.account_id, row.user_name) : undefined;
    const key = row
      ? {
          secretAccessKey: this.box.open(row.secret_sealed),
          principal: {
            accountId: row.account_id,
            arn: row.user_name ? `arn:aws:iam::${row.account_id}:user/${row.user_name}` : rootArn(row.account_id),
            userName: row.user_name ?? undefined,
            ...(user ? { userId: user.user_id } : {}),
            accessKeyId,
          },
        }
      : undefined;
    this.cache.set(accessKeyId, key, mark);
    return key;
  }
}

/** Finds the secret and principal of an access key or console session (by its prefix: they have their own table and expiry). */
export function signingKeyLookup(keys: SigningKeys, sessions: SessionKeys) {
  return (accessKeyId: string): Promise<SigningKey | undefined> | SigningKey | undefined =>
    isSessionKeyId(accessKeyId) ? sessions.find(accessKeyId) : keys.find(accessKeyId);
}
