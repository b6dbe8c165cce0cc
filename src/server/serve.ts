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
  const address = await built.app.listen({ host: config.host, port: config.port });
  options.onListening?.(address, built);
}
