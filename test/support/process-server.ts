import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { ROOT_KEY, TEST_ACCOUNT, TEST_REGION, type TestServer } from './server';
import { freePort } from './tcp-proxy';
import { until } from './webhook-receiver';

/**
 * Plumbline as a separate process (`src/main.ts`), for what only a process shows:
 * that it survives the database going away, that SIGTERM ends it with exit code 0,
 * that SIGKILL loses nothing acknowledged.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ProcessServer {
  url: string;
  child: ChildProcess;
  client: WellArchitectedClient;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** For the admin helpers (adminCall), which need only the url. */
  asTestServer(): TestServer;
  readyStatus(): Promise<number | undefined>;
  stop(): Promise<void>;
}

export async function startProcess(env: Record<string, string>, options: { waitReady?: boolean } = {}): Promise<ProcessServer> {
  const port = await freePort();
  const dataDir = env.PLUMBLINE_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'plumbline-proc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PLUMBLINE_DATA_DIR: dataDir,
      PLUMBLINE_ACCOUNT_ID: TEST_ACCOUNT,
      PLUMBLINE_REGION: TEST_REGION,
      PLUMBLINE_ROOT_ACCESS_KEY_ID: ROOT_KEY.accessKeyId,
      PLUMBLINE_ROOT_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey,
      PLUMBLINE_MASTER_KEY: 'a'.repeat(64),
      PLUMBLINE_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const readyStatus = async () => {
    try {
      return (await fetch(`${url}/_plumbline/ready`)).status;
    } catch {
      return undefined;
    }
  };
  const server: ProcessServer = {
    url,
    child,
    client: new WellArchitectedClient({ endpoint: url, region: TEST_REGION, credentials: ROOT_KEY, maxAttempts: 1 }),
    stderr: () => stderr,
    exited,
    asTestServer: () =>
      ({ url, clientFor: (credentials) => new WellArchitectedClient({ endpoint: url, region: TEST_REGION, credentials, maxAttempts: 1 }) }) as TestServer,
    readyStatus,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (!env.PLUMBLINE_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (options.waitReady !== false) {
    await until(async () => (child.exitCode !== null ? Promise.reject(new Error(`Plumbline exited: ${stderr}`)) : (await readyStatus()) === 200 || undefined), 'the Plumbline process to be ready', 60_000);
  }
  return server;
}
