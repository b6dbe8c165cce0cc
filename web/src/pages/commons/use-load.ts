import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again (after a change); the previous data stays shown meanwhile. */
  reload(): void;
}

/**
 * Runs `load` when the page opens and whenever `deps` change, keeping the last
 * answer, the error and whether a load is in flight. An answer that arrives after
 * a newer load started is dropped, so a slow first load never overwrites a reload.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    const id = ++latest.current;
    setLoading(true);
    run().then(
      (value) => {
        if (id !== latest.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (id !== latest.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [run, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}
