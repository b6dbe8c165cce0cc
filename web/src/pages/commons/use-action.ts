import { useCallback, useState, type ReactNode } from 'react';
import { useNotifications } from './notifications';

export interface Action<A extends unknown[]> {
  /** Runs the action; resolves true when it succeeded. Never throws: the error is kept in `error`. */
  run(...args: A): Promise<boolean>;
  running: boolean;
  error: unknown;
  clearError(): void;
}

/**
 * One user action (save, delete, attach...): whether it is in flight (for a loading
 * button), its error (to show where it happened, by field), and its outcome in the
 * flashbar. `success` may depend on the action's result.
 */
export function useAction<A extends unknown[], R>(
  act: (...args: A) => Promise<R>,
  success?: ReactNode | ((result: R) => ReactNode),
): Action<A> {
  const { notify } = useNotifications();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(
    async (...args: A) => {
      setRunning(true);
      setError(undefined);
      try {
        const result = await act(...args);
        const content = typeof success === 'function' ? (success as (r: R) => ReactNode)(result) : success;
        if (content) notify({ type: 'success', content });
        return true;
      } catch (e) {
        setError(e);
        return false;
      } finally {
        setRunning(false);
      }
    },
    [act, success, notify],
  );
  return { run, running, error, clearError: useCallback(() => setError(undefined), []) };
}
