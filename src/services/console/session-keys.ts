import { AccessDeniedError } from '../../domain/errors';
import { findConsoleSession } from '../../store/console-sessions.repo';
import type { Store } from '../../store/database';
import type { SecretBox, SigningKey } from '../credentials/accounts.service';
import { rootArn } from '../principal';
import type { CacheVersions } from '../caches/cache-versions';
import { NOT_CACHED, ScopedCache } from '../caches/scoped-cache';

/**
 * Console sessions sign like access keys (SigV4) plus a session token. Their key ids
 * start with their own prefix, so the signing-key lookup sends only them here and
 * ordinary keys pay nothing for sessions.
 */
export const SESSION_KEY_PREFIX = 'PLBS';

export const isSessionKeyId = (accessKeyId: string) => accessKeyId.startsWith(SESSION_KEY_PREFIX);

/** What a console shows to send its user back to sign-in; the console matches "session has expired". */
export const sessionExpired = () => new AccessDeniedError('Your console session has expired or was signed out: sign in again');

interface CachedSession {
  key: SigningKey | undefined;
  expiresAt: number;
  ended: boolean;
}

/**
 * The secret, token hash and principal of console sessions, kept until a session is
 * signed out or a user deleted in any process (the 'sessions' and 'keys' scopes of
 * CacheVersions). An expired or signed-out session answers AccessDenied saying so
 * (the console then asks to sign in again); an unknown one answers undefined like
 * any unknown key. Expiry is judged by the server's clock (`now`) on every request,
 * cached or not.
 */
export class SessionKeys {
  private readonly cache: ScopedCache<CachedSession>;

  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    private readonly now: () => number,
    versions: CacheVersions,
  ) {
    this.cache = new ScopedCache(versions, ['sessions', 'keys']);
  }

  async find(accessKeyId: string): Promise<SigningKey | undefined> {
    let entry = this.cache.get(accessKeyId);
    if (entry === NOT_CACHED) {
      const mark = this.cache.mark();
      const row = await findConsoleSession(this.store.db, accessKeyId);
      // A user deleted since signing in has no session either.
      const gone = !row || (row.user_name !== null && row.user_id === null);
      entry = {
        expiresAt: row?.expires_at ?? 0,
        ended: row?.ended_at != null,
        key: gone
          ? undefined
          : {
              secretAccessKey: this.box.open(row.secret_sealed),
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
      this.cache.set(accessKeyId, entry, mark);
    }
    if (!entry.key) return undefined;
    if (entry.ended || this.now() >= entry.expiresAt) throw sessionExpired();
    return entry.key;
  }
}
