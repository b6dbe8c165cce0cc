/**
 * The server answers AccessDenied "Your console session has expired or was signed out"
 * once a session's credentials end (src/services/console/session-keys.ts). Every API
 * client of the console reports its errors here, and the app listens to send the user
 * back to sign-in, wherever the call was made.
 */

type Listener = () => void;
const listeners = new Set<Listener>();

export function isSessionExpiredError(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | undefined;
  return e?.name === 'AccessDeniedException' && /session has expired/.test(e.message ?? '');
}

/** Tells the app when `error` says the session is over; returns the error for rethrowing. */
export function reportIfSessionExpired<E>(error: E): E {
  if (isSessionExpiredError(error)) for (const listener of [...listeners]) listener();
  return error;
}

/** Subscribes; returns the unsubscribe function (fits useEffect). */
export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
