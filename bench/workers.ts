import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateWorkloadCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_CREDENTIALS, BENCH_REGION, startPlumbline } from './processes';

/**
 * npm run bench:workers: the same load (UpdateAnswer and GetWorkload, half each) on
 * Plumbline with PLUMBLINE_WORKERS=1 and then 2, on fresh data each time, and the
 * throughput of each. `--store postgres` runs on PostgreSQL (PLUMBLINE_BENCH_POSTGRES_URL,
 * default postgres://postgres@127.0.0.1:5432/test; a database of its own is made and
 * dropped). BENCH_SECONDS (default 8) and BENCH_CONNECTIONS (default 16) tune a run.
 * On a machine with fewer free cores than workers the second figure cannot double.
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const WORKLOADS = 50;
const region = BENCH_REGION;
const credentials = BENCH_CREDENTIALS;
const postgres = process.argv.includes('--store') && process.argv[process.argv.indexOf('--store') + 1] === 'postgres';
const adminUrl = process.env.PLUMBLINE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const signer = new SignatureV4({ service: 'wellarchitected', region, credentials, sha256: Hash.bind(null, 'sha256') });

async function signed(url: string, method: string, pathname: string, body?: unknown): Promise<autocannon.Request> {
  const { hostname, port } = new URL(url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const request = new HttpRequest({ method, protocol: 'http:', hostname, port: Number(port), path: pathname, headers: { host: `${hostname}:${port}`, 'content-type': 'application/json' }, body: payload });
  const s = await signer.sign(request);
  return { method: method as autocannon.Request['method'], path: pathname, headers: s.headers as Record<string, string>, body: payload };
}

/** The process that answers a new connection's readiness check. */
function answeringInstance(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = httpRequest(`${url}/_plumbline/ready`, { headers: { connection: 'close' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(res.statusCode === 200 ? (JSON.parse(text) as { instance: string }).instance : undefined));
    });
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

async function database(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function measure(workers: number): Promise<{ rps: number; p99: number; errors: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-bench-workers-'));
  const db = postgres ? await database(`plumbline_bench_w${workers}_${process.pid}`) : undefined;
  const { child, url } = await startPlumbline(dataDir, db?.url, { PORT: String(18_000 + (process.pid % 1000) + workers), PLUMBLINE_WORKERS: String(workers) });
  try {
    // Every worker up: new connections reach each in turn.
    const seen = new Set<string>();
    // Each worker starts in a few seconds (more on a busy machine).
    for (const deadline = Date.now() + 90_000; seen.size < workers && Date.now() < deadline; ) {
      const instance = await answeringInstance(url);
      if (instance) seen.add(instance);
      await new Promise((r) => setTimeout(r, 50));
    }
    if (seen.size < workers) throw new Error(`only ${seen.size} of ${workers} workers answered`);
    const client = new WellArchitectedClient({ endpoint: url, region, credentials });
    const ids: string[] = [];
    for (let i = 0; i < WORKLOADS; i++) {
      ids.push((await client.send(new CreateWorkloadCommand({ WorkloadName: `Bench ${i}`, Description: 'workers bench', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }))).WorkloadId!);
    }
    const requests: autocannon.Request[] = [];
    for (let i = 0; i < 100; i++) {
      const id = ids[i % ids.length];
      requests.push(
        i % 2 === 0
          ? await signed(url, 'PATCH', `/workloads/${id}/lensReviews/wellarchitected/answers/priorities`, { SelectedChoices: ['ops_priorities_ext_cust_needs'], Notes: `n${i}` })
          : await signed(url, 'GET', `/workloads/${id}`),
      );
    }
    const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
    return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const one = await measure(1);
const two = await measure(2);
console.log(`\nPLUMBLINE_WORKERS, ${postgres ? 'PostgreSQL' : 'SQLite'} store, UpdateAnswer + GetWorkload (half each), ${CONNECTIONS} connections, ${SECONDS} s each\n`);
console.log('workers   req/s   p99 ms  errors');
for (const [n, r] of [[1, one], [2, two]] as const) console.log(`${String(n).padStart(7)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)}`);
console.log(`\n2 workers / 1 worker = ${(two.rps / one.rps).toFixed(2)}`);
