import pg from 'pg';

/**
 * PostgreSQL as a service that comes and goes (restarts, failovers, network cuts):
 * no error of a connection ends the process, a call whose connection broke fails
 * (the API answers it with a retryable 500), later calls get fresh connections,
 * and start-up waits for the server instead of exiting.
 */

/** How long a call waits for a connection before it fails (the store is then reported unreachable). */
const CONNECT_TIMEOUT_MS = 5_000;

// Connection-level SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting up).
const CONNECTION_STATES = /^(08|57P0[123])/;
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
const CONNECTION_MESSAGES = /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Client was closed|terminating connection/i;

/** True when the error says the database could not be reached (rather than that it refused the statement). */
export function isStoreUnreachable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  if (!e) return false;
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || CONNECTION_STATES.test(e.code))) return true;
  return typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message);
}

/**
 * A pool whose every client has its errors handled. pg-pool listens for errors only
 * on idle clients; a client checked out for a transaction whose socket drops emits
 * 'error' with nobody listening, which ends the process. The query under way rejects
 * on its own; the pool discards the broken client when it is released.
 */
export function createPgPool(connectionString: string, max: number, onProblem: (message: string) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  pool.on('error', (error) => onProblem(`PostgreSQL connection lost (the pool reconnects): ${error.message}`));
  pool.on('connect', (client) => {
    client.on('error', (error) => onProblem(`PostgreSQL connection lost during a call (the call fails and may be retried): ${error.message}`));
  });
  return pool;
}

export interface WaitOptions {
  /** Told about each failed try, with the wait before the next. */
  onWait: (error: unknown, nextTryMs: number) => void;
  /** Gives up (rejects) once aborted: a SIGTERM during start-up. */
  signal?: AbortSignal;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/** Runs `attempt` until it stops failing for want of the database, waiting 0.25 s, 0.5 s, ... up to 5 s between tries. */
export async function retryWhileUnreachable<T>(attempt: () => Promise<T>, options: WaitOptions): Promise<T> {
  let delay = options.firstDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5_000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isStoreUnreachable(error) || options.signal?.aborted) throw error;
      options.onWait(error, delay);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        options.signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
      if (options.signal?.aborted) throw new Error('Stopped while waiting for the database');
      delay = Math.min(maxDelay, delay * 2);
    }
  }
}
