import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateWorkloadCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import autocannon from 'autocannon';
import { createBenchDatabase, POSTGRES_POOL_SIZE } from './postgres';
import { BENCH_CREDENTIALS, BENCH_REGION, startPlumbline, startProcess } from './processes';

/**
 * npm run bench [-- --store postgres]: starts a real Plumbline on its own data
 * (SQLite, or a fresh PostgreSQL database on PLUMBLINE_BENCH_POSTGRES_URL's
 * server), creates 1,000 workloads, then measures calls under concurrent load
 * next to a bare Fastify route in the same run, and prints the ratio (absolute
 * figures drift on shared machines), each server's CPU time per request and the
 * load generator's. On SQLite: UpdateAnswer and ListWorkloads against the same
 * SQL on the same schema (bench/baseline-server.ts). On PostgreSQL:
 * UpdateAnswer against one upsert of an answer row, GetWorkload, GetAnswer and
 * ListAnswers against one read of the same rows (bench/baseline-pg.ts), at 32
 * connections. BENCH_SECONDS (per side), BENCH_ROUNDS, BENCH_CONNECTIONS,
 * BENCH_ONLY=<operation> (UpdateAnswer, which seeds the answers, always runs) and
 * BENCH_PROFILE=DIR (CPU profiles) tune a run. The data-set scale checks are
 * npm run bench:scale (bench/scale.ts).
 */

const storeArg = process.argv.indexOf('--store');
const STORE = storeArg === -1 ? 'sqlite' : process.argv[storeArg + 1];
if (STORE !== 'sqlite' && STORE !== 'postgres') throw new Error(`--store takes sqlite or postgres, not ${STORE}`);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (STORE === 'postgres' ? 32 : 10));
// Each pair is measured in alternating slices (Plumbline, baseline, Plumbline, ...), so a
// change in the machine's background load during the run hits both sides alike.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const WARMUP_SECONDS = 1;
const WORKLOADS = 1000;
const region = BENCH_REGION;
const credentials = BENCH_CREDENTIALS;

async function waitHealthy(url: string) {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${url}/_plumbline/health`).catch(() => undefined);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Plumbline did not become healthy');
}

const signer = new SignatureV4({ service: 'wellarchitected', region, credentials, sha256: Hash.bind(null, 'sha256') });

async function signed(url: string, method: string, pathname: string, body?: unknown) {
  const { hostname, port } = new URL(url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const request = new HttpRequest({
    method,
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: pathname,
    headers: { host: `${hostname}:${port}`, 'content-type': 'application/json' },
    body: payload,
  });
  const s = await signer.sign(request);
  return { method, path: pathname, headers: s.headers as Record<string, string>, body: payload };
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU time per request, in microseconds: steadier than req/s on a shared machine. */
  cpuUs: number;
  /** The load generator's CPU time per request (it shares the machine with the server). */
  clientUs: number;
  /** The local PostgreSQL server's CPU time per request (all its processes), when the store is PostgreSQL. */
  dbUs: number;
}

/** User + system CPU time of a process so far, in microseconds (Linux /proc). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
}

/** CPU time so far of every process named postgres on this machine (the bench database's server is local), in microseconds. */
function postgresMicros(): number {
  if (STORE !== 'postgres') return 0;
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes('(postgres)')) total += cpuMicros(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

type Server = { url: string; child: ChildProcess };

interface Slice {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  cpu: number;
  /** This process's CPU time: the load generator's. */
  clientCpu: number;
  dbCpu: number;
}

/*
 * Each request is drawn at random from the list: autocannon would send the list in the
 * same order on every connection, so concurrent calls would keep meeting on the same
 * workload (on PostgreSQL, waiting for its row lock) far more than independent callers do.
 */
const drawn = (requests: autocannon.Request[]): autocannon.Request[] => [
  { setupRequest: (defaults: autocannon.Request) => ({ ...defaults, headers: {}, ...requests[Math.floor(Math.random() * requests.length)] }) } as autocannon.Request,
];

async function slice(server: Server, requests: autocannon.Request[], seconds: number): Promise<Slice> {
  const cpuBefore = cpuMicros(server.child.pid!);
  const clientBefore = cpuMicros(process.pid);
  const dbBefore = postgresMicros();
  const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: seconds, requests: drawn(requests) });
  const cpu = cpuMicros(server.child.pid!) - cpuBefore;
  const clientCpu = cpuMicros(process.pid) - clientBefore;
  const dbCpu = postgresMicros() - dbBefore;
  return { requests: result.requests.total, seconds: result.duration, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors, cpu, clientCpu, dbCpu };
}

/** Throughput over all slices; latencies are the slices' percentiles weighted by their requests. */
function combine(name: string, slices: Slice[]): Result {
  const requests = slices.reduce((n, s) => n + s.requests, 0);
  const weighted = (pick: (s: Slice) => number) => Math.round(slices.reduce((n, s) => n + pick(s) * s.requests, 0) / Math.max(1, requests));
  return {
    name,
    rps: requests / slices.reduce((n, s) => n + s.seconds, 0),
    p50: weighted((s) => s.p50),
    p99: weighted((s) => s.p99),
    errors: slices.reduce((n, s) => n + s.errors, 0),
    cpuUs: slices.reduce((n, s) => n + s.cpu, 0) / Math.max(1, requests),
    clientUs: slices.reduce((n, s) => n + s.clientCpu, 0) / Math.max(1, requests),
    dbUs: slices.reduce((n, s) => n + s.dbCpu, 0) / Math.max(1, requests),
  };
}

/** Plumbline and the baseline under the same load, in alternating slices after a warm-up of each. */
async function loadPair(names: [string, string], sides: Array<[Server, autocannon.Request[]]>): Promise<[Result, Result]> {
  for (const [server, requests] of sides) await slice(server, requests, WARMUP_SECONDS);
  const slices: Slice[][] = [[], []];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [server, requests]] of sides.entries()) slices[i].push(await slice(server, requests, DURATION / ROUNDS));
  }
  return [combine(names[0], slices[0]), combine(names[1], slices[1])];
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-bench-'));
const children: ChildProcess[] = [];
const database = STORE === 'postgres' ? await createBenchDatabase() : undefined;
try {
  const plumbline = await startPlumbline(dataDir, database?.url).catch(async () => {
    throw new Error('could not start Plumbline');
  });
  children.push(plumbline.child);
  await waitHealthy(plumbline.url);
  const baseline = database
    ? await startProcess('bench/baseline-pg.ts', { PORT: '0', BASELINE_DATABASE_URL: database.url, BASELINE_POOL_SIZE: String(POSTGRES_POOL_SIZE) })
    : await startProcess('bench/baseline-server.ts', { PORT: '0' });
  children.push(baseline.child);

  const client = new WellArchitectedClient({ endpoint: plumbline.url, region, credentials });
  const started = Date.now();
  const ids: string[] = [];
  for (let batch = 0; batch < WORKLOADS; batch += 20) {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.send(new CreateWorkloadCommand({ WorkloadName: `Bench workload ${batch + i}`, Description: 'Benchmark workload', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] })),
      ),
    );
    ids.push(...created.map((c) => c.WorkloadId!));
  }
  console.log(`created ${ids.length} workloads in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const questions = ['priorities', 'ops-model', 'securely-operate', 'identities', 'fault-isolation', 'backing-up-data'];
  const choices: Record<string, string[]> = {};
  const lensJson = await import('../src/services/lenses/builtin-lenses');
  const lens = lensJson.loadBuiltinLens('wellarchitected').current;
  for (const q of questions) choices[q] = lens.questions.get(q)!.choices.filter((c) => !c.id.endsWith('_no')).map((c) => c.id);
  const updates = [];
  for (let i = 0; i < WORKLOADS; i++) {
    const q = questions[i % questions.length];
    const selected = choices[q].slice(0, 1 + (i % choices[q].length));
    updates.push(await signed(plumbline.url, 'PATCH', `/workloads/${ids[i % ids.length]}/lensReviews/wellarchitected/answers/${q}`, { SelectedChoices: selected, Notes: `bench ${i}` }));
  }
  // The SQLite baseline has workloads of its own (item0000...); the PostgreSQL one uses Plumbline's.
  const baseItem = (i: number) => (database ? ids[i % ids.length] : `item${String(i % 1000).padStart(4, '0')}`);
  const baseUpdates = updates.map((u, i) => ({ method: 'PATCH' as const, path: `/baseline/${baseItem(i)}/${questions[i % questions.length]}`, headers: { 'content-type': 'application/json' }, body: u.body }));
  const list = await signed(plumbline.url, 'POST', '/workloadsSummaries', { MaxResults: 50 });

  const results: Array<[Result, Result]> = [];
  results.push(await loadPair(['UpdateAnswer', 'baseline write'], [[plumbline, updates as autocannon.Request[]], [baseline, baseUpdates]]));
  const only = process.env.BENCH_ONLY;
  // On PostgreSQL, also against UpdateAnswer's own statements sent by a bare route: what the engine allows that transaction.
  /** On PostgreSQL, each call against its own statements sent by a bare route (bench/baseline-pg.ts). */
  const own = new Map<string, [Result, Result]>();
  const transaction = database
    ? await loadPair(['UpdateAnswer', 'bare transaction'], [[plumbline, updates as autocannon.Request[]], [baseline, baseUpdates.map((u) => ({ ...u, path: u.path.replace('/baseline/', '/baseline-transaction/') }))]])
    : undefined;
  if (only !== 'UpdateAnswer' && !database) {
    const baseList = [{ method: 'POST' as const, path: '/baseline/list', headers: { 'content-type': 'application/json' }, body: '{}' }];
    results.push(await loadPair(['ListWorkloads', 'baseline read'], [[plumbline, [list as autocannon.Request]], [baseline, baseList]]));
  }
  if (only !== 'UpdateAnswer' && database) {
    // The reads on workloads the updates above answered, so the answer rows exist.
    const some = Array.from({ length: 200 }, (_, i) => i);
    const get = (p: string, base: (i: number) => string) =>
      Promise.all(some.map(async (i) => [await signed(plumbline.url, 'GET', p.replace('{w}', ids[i]).replace('{q}', questions[i % questions.length])), { method: 'GET' as const, path: base(i) }] as const));
    const reads: Array<[string, string, (i: number) => string]> = [
      ['GetWorkload', '/workloads/{w}', (i) => `/baseline/workload/${ids[i]}`],
      ['GetAnswer', '/workloads/{w}/lensReviews/wellarchitected/answers/{q}', (i) => `/baseline/answer/${ids[i]}/${questions[i % questions.length]}`],
      ['ListAnswers', '/workloads/{w}/lensReviews/wellarchitected/answers', (i) => `/baseline/answers/${ids[i]}`],
    ];
    for (const [name, p, base] of reads.filter(([name]) => !only || only === name)) {
      const pairs = await get(p, base);
      results.push(await loadPair([name, 'baseline read'], [[plumbline, pairs.map((x) => x[0]) as autocannon.Request[]], [baseline, pairs.map((x) => x[1])]]));
      // The same call against its own statement from a bare route: what the engine allows it.
      const statements = pairs.map((x) => ({ ...x[1], path: x[1].path.replace('/baseline/', '/baseline-statement/') }));
      own.set(name, await loadPair([name, 'bare statement'], [[plumbline, pairs.map((x) => x[0]) as autocannon.Request[]], [baseline, statements]]));
    }
  }

  console.log(`\n${DURATION} s per side in ${ROUNDS} alternating slices, ${CONNECTIONS} connections, ${database ? 'PostgreSQL' : 'SQLite'} store, ${WORKLOADS} workloads\n`);
  console.log(`operation        req/s    p50 ms  p99 ms  errors  cpu us/req | baseline req/s  p50 ms  p99 ms  cpu us/req | ratio | client cpu us/req${database ? ' | db cpu us/req' : ''}`);
  const line = (label: string, [r, b]: [Result, Result], note = '') =>
    console.log(
      `${label.padEnd(15)} ${r.rps.toFixed(0).padStart(6)}  ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)} ${r.cpuUs.toFixed(0).padStart(11)} | ${b.rps.toFixed(0).padStart(14)} ${String(b.p50).padStart(7)} ${String(b.p99).padStart(7)} ${b.cpuUs.toFixed(0).padStart(11)} | ${(r.rps / b.rps).toFixed(2)}  | ${r.clientUs.toFixed(0)} / ${b.clientUs.toFixed(0)}${database ? ` | ${r.dbUs.toFixed(0)} / ${b.dbUs.toFixed(0)}` : ''}${note}`,
    );
  // Each call against its target baseline, then (PostgreSQL) against its own statements from a bare route.
  const ownOf = (name: string) => (name === 'UpdateAnswer' ? transaction : own.get(name));
  for (const pair of results) {
    line(pair[0].name, pair);
    const mine = ownOf(pair[0].name);
    if (mine) line('  (same run)', mine, '   <- against its own statements from a bare route');
  }
  const ratio = results[0][0].rps / results[0][1].rps;
  console.log(`\nUpdateAnswer / baseline write = ${ratio.toFixed(2)} (target >= 0.50): ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
  if (database) {
    console.log(`UpdateAnswer p99 = ${results[0][0].p99} ms (target < 50 ms): ${results[0][0].p99 < 50 ? 'met' : 'NOT met'}`);
    for (const [r, b] of results.slice(1)) console.log(`${r.name} / baseline read = ${(r.rps / b.rps).toFixed(2)} (target >= 0.50): ${r.rps >= 0.5 * b.rps ? 'met' : 'NOT met'}`);
    for (const [r, b] of results) {
      const mine = ownOf(r.name);
      if (!mine) continue;
      console.log(
        `${r.name} / its own statements from a bare route = ${(mine[0].rps / mine[1].rps).toFixed(2)}; those statements / the baseline = ${(mine[1].rps / b.rps).toFixed(2)} (database CPU per call ${mine[1].dbUs.toFixed(0)} us against ${b.dbUs.toFixed(0)} us)`,
      );
    }
  }
  if (results.some(([r]) => r.errors > 0)) console.log('WARNING: some Plumbline requests failed; see the errors column');
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
}
