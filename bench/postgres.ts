import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { POSTGRES_POOL_SIZE } from '../src/store/pool-size';

export { POSTGRES_POOL_SIZE };

/** The server the PostgreSQL benchmarks make their databases on (trust auth, like CI's). */
const ADMIN_URL = process.env.PLUMBLINE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database for one benchmark run; drop() removes it (connections still open are ended). */
export async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `plumbline_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
