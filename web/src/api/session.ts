/**
 * A console session: temporary credentials issued by POST /_plumbline/console/sign-in.
 * The console signs every API call with them (SigV4 with a session token), so it goes
 * through the same authentication and authorization as any SDK.
 */
export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  accountId: string;
  /** Undefined for the account's root user. */
  userName?: string;
  arn: string;
  region: string;
}

const KEY = 'plumbline.session';

export function loadSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
  return session;
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

export const isRootSession = (session: Session) => session.userName === undefined;
