import { buildApp, type BuiltApp } from '../api/app';
import type { Config } from '../config';

/**
 * One Plumbline process: builds the app (waiting for the database if it is not up
 * yet), listens, and stops gracefully on SIGTERM or SIGINT: no new connections,
 * calls in flight finish, the audit batch is written and event deliveries under way
 * end (their rows stay in the outbox), the store closes, exit 0.
 */

export interface ServeOptions {
  /** Told once the server listens (the cluster's first worker prints the root credentials). */
  onListening?: (address: string, built: BuiltApp) => void;
}

/**
 * Connections the kernel holds, handshake done, until the server accepts them (Node
 * accepts one per turn of its event loop). Node's default (511) is too few for a burst
 * that arrives while the loop is busy, or for throttled clients coming back on new
 * connections (a 429 closes its connection: ../api/error-writer.ts): the kernel then
 * drops further SYNs and the clients wait for their retransmission (1 s, 3 s, 7 s…), a
 * wait no 429 can shorten. Linux caps it at net.core.somaxconn (4096 since 5.4).
 */
export const LISTEN_BACKLOG = 4096;

/** After this long a shutdown that is still waiting for calls gives up (exit 1). */
const SHUTDOWN_TIMEOUT_MS = 30_000;

export async function serve(config: Config, options: ServeOptions = {}): Promise<void> {
  const starting = new AbortController();
  let built: BuiltApp | undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`Plumbline: ${signal} received, finishing calls in flight\n`);
    // Still waiting for the database: nothing to finish.
    if (!built) return starting.abort();
    const timer = setTimeout(() => {
      process.stderr.write(`Plumbline: calls still in flight after ${SHUTDOWN_TIMEOUT_MS / 1000} s, exiting anyway\n`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    built.app.close().then(
      () => {
        clearTimeout(timer);
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`Plumbline: error while shutting down: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  try {
    built = await buildApp({ config, logger: { level: config.logLevel }, signal: starting.signal });
  } catch (error) {
    if (starting.signal.aborted) process.exit(0);
    throw error;
  }
  if (stopping) {
    await built.app.close();
    process.exit(0);
  }
  const address = await built.app.listen({ host: config.host, port: config.port, backlog: LISTEN_BACKLOG });
  options.onListening?.(address, built);
}
