import { AccessDeniedError } from '../../domain/errors';
import { findConsoleSession } from '../../store/console-sessions.repo';
import type { Store } from '../../store/database';
import type { SecretBox, SigningKey } from '../credentials/accounts.service';
import { rootArn } from '../principal';

/**
 * Console sessions sign like access keys (SigV4) plus a session token. Their key ids
 * start with their own prefix, so the signing-key lookup sends only them here and
 * ordinary keys pay nothing for sessions.
 */
export const SESSION_KEY_PREFIX = 'PLBS';

export const isSessionKeyId = (accessKeyId: string) => accessKeyId.startsWith(SESSION_KEY_PREFIX);

/** What a console shows to send its user back to sign-in; the console matches "session has expired". */
export const sessionExpired = () => new AccessDeniedError('Your console session has expired or was signed out: sign in again');

/** As long as ordinary keys are cached (SIGNING_KEY_CACHE_MS): a sign-out elsewhere takes at most this long. */
const CACHE_MS = 5_000;

interface CachedSession {
  at: number;
  key: SigningKey | undefined;
  expiresAt: number;
  ended: boolean;
}
type SessionCache = Map<string, CachedSession>;
const caches = new WeakMap<Store, SessionCache>();

/** Drops a session from this process's cache (sign-out), so its next request reads the store. */
export function forgetSessionKey(store: Store, accessKeyId: string): void {
  caches.get(store)?.delete(accessKeyId);
}

/**
 * The secret, token hash and principal of a console session. An expired or signed-out
 * session answers AccessDenied saying so (the console then asks to sign in again); an
 * unknown one answers undefined like any unknown key. Expiry is judged by the server's
 * clock (`now`) on every request, cached or not.
 */
export function sessionKeyLookup(store: Store, box: SecretBox, now: () => number) {
  const cache: SessionCache = caches.get(store) ?? new Map();
  caches.set(store, cache);
  return async (accessKeyId: string): Promise<SigningKey | undefined> => {
    let entry = cache.get(accessKeyId);
    if (!entry || Date.now() - entry.at >= CACHE_MS) {
      const row = await findConsoleSession(store.db, accessKeyId);
      // A user deleted since signing in has no session either.
      const gone = !row || (row.user_name !== null && row.user_id === null);
      entry = {
        at: Date.now(),
        expiresAt: row?.expires_at ?? 0,
        ended: row?.ended_at != null,
        key: gone
          ? undefined
          : {
              secretAccessKey: box.open(row.secret_sealed),
              sessionTokenSha256: row.token_sha256,
              principal: {
                accountId: row.account_id,
                arn: row.user_name ? `arn:aws:iam::${row.account_id}:user/${row.user_name}` : rootArn(row.account_id),
                userName: row.user_name ?? undefined,
                ...(row.user_id ? { userId: row.user_id } : {}),
                accessKeyId,
              },
            },
      };
      if (cache.size > 10_000) cache.clear();
      cache.set(accessKeyId, entry);
    }
    if (!entry.key) return undefined;
    if (entry.ended || now() >= entry.expiresAt) throw sessionExpired();
    return entry.key;
  };
}
