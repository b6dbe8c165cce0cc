import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openStore, type Store } from '../../src/store/database';

/**
 * The stores every store and API test runs on. PostgreSQL runs when CI is set
 * (CI machines have it on 127.0.0.1:5432) or when PLUMBLINE_TEST_POSTGRES_URL
 * names a server; elsewhere those runs are skipped with a message.
 */

export type StoreKind = 'sqlite' | 'postgres';

const ADMIN_URL = process.env.PLUMBLINE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const postgresEnabled = Boolean(process.env.CI || process.env.PLUMBLINE_TEST_POSTGRES_URL);

let warned = false;
export function storeKinds(): StoreKind[] {
  if (!postgresEnabled && !warned) {
    warned = true;
    console.warn(
      'PostgreSQL runs skipped: set CI=1 (with PostgreSQL on 127.0.0.1:5432) or PLUMBLINE_TEST_POSTGRES_URL=postgres://user@host:port/db to run them.',
    );
  }
  return postgresEnabled ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, empty PostgreSQL database; the returned function drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `plumbline_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A store of a describe block's own: a data directory (and a fresh database on
 * PostgreSQL), opened before its tests - before the block's later beforeAll hooks - and
 * closed and removed after them. Read `.store` in hooks and tests.
 */
export function storeOfTests(kind: StoreKind, prefix: string): { store: Store } {
  const opened = {} as { store: Store };
  let dir = '';
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
    const database = kind === 'postgres' ? await createPostgresDatabase() : undefined;
    drop = database?.drop;
    opened.store = await openStore({ dataDir: dir, databaseUrl: database?.url });
  });
  afterAll(async () => {
    await opened.store?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });
  return opened;
}
