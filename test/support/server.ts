import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { buildApp, type BuiltApp } from '../../src/api/app';
import { loadConfig, type Config } from '../../src/config';
import { LISTEN_BACKLOG } from '../../src/server/serve';
import { createPostgresDatabase, type StoreKind } from './stores';

export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '111122223333';
export const ROOT_KEY = { accessKeyId: 'PLMBTESTROOTKEY000001', secretAccessKey: 'test-root-secret-key-0123456789' };

export interface TestServer {
  url: string;
  built: BuiltApp;
  client: WellArchitectedClient;
  clientFor(credentials: { accessKeyId: string; secretAccessKey: string }): WellArchitectedClient;
  /** Moves the server's clock; the SDK signs with the real clock, so keep moves small. */
  clock: { offsetMs: number };
  close(): Promise<void>;
  /** Stops this server and starts a new one on the same store (data directory or database), as a process restart would; url, built and client change. */
  restart(): Promise<void>;
  /** The settings it runs with: another app built with them shares its store (PostgreSQL), as a second process would. */
  config: Config;
}

/** A real listening Plumbline on a fresh store of the given kind. */
export async function startServer(kind: StoreKind, env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-test-'));
  const database = kind === 'postgres' ? await createPostgresDatabase() : undefined;
  const config = loadConfig({
    PLUMBLINE_DATA_DIR: dataDir,
    PLUMBLINE_ACCOUNT_ID: TEST_ACCOUNT,
    PLUMBLINE_REGION: TEST_REGION,
    PLUMBLINE_ROOT_ACCESS_KEY_ID: ROOT_KEY.accessKeyId,
    PLUMBLINE_ROOT_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey,
    PORT: '0',
    // Tests call as fast as they can with one key; throttling is tested with its own settings (test/api/throttling.test.ts).
    PLUMBLINE_THROTTLE_READS: '0',
    PLUMBLINE_THROTTLE_WRITES: '0',
    PLUMBLINE_THROTTLE_EXPENSIVE: '0',
    PLUMBLINE_THROTTLE_UNAUTHENTICATED: '0',
    // Test machines run many processes at once; a slow moment must not turn into 429s.
    PLUMBLINE_MAX_DELAY_MS: '0',
    ...(database ? { PLUMBLINE_DATABASE_URL: database.url } : {}),
    ...env,
  });
  const clock = { offsetMs: 0 };
  const start = async () => {
    const built = await buildApp({ config, now: () => Date.now() + clock.offsetMs });
    return { built, address: await built.app.listen({ host: '127.0.0.1', port: 0, backlog: LISTEN_BACKLOG }) };
  };
  let { built, address } = await start();
  const clientFor = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new WellArchitectedClient({ endpoint: address, region: TEST_REGION, credentials, maxAttempts: 1 });
  const server: TestServer = {
    url: address,
    built,
    client: clientFor(ROOT_KEY),
    clientFor,
    clock,
    config,
    close: async () => {
      await server.built.app.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    restart: async () => {
      await server.built.app.close();
      ({ built, address } = await start());
      Object.assign(server, { url: address, built, client: clientFor(ROOT_KEY) });
    },
  };
  return server;
}

/** The environment the plumbline commands (and the AWS CLI) read, with the server's root credentials. */
export const rootEnvironment = (server: Pick<TestServer, 'url'>) => ({
  AWS_ACCESS_KEY_ID: ROOT_KEY.accessKeyId,
  AWS_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey,
  AWS_REGION: TEST_REGION,
  AWS_ENDPOINT_URL: server.url,
});
