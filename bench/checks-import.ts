import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateWorkloadCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { signedFetch } from '../src/cli/signed-request';
import { writeProwlerFile } from '../test/support/prowler-findings';
import { BENCH_CREDENTIALS, BENCH_REGION, startPlumbline } from './processes';

/**
 * npm run bench:checks: imports a Prowler json-ocsf file of BENCH_FINDINGS findings
 * (default 100,000, built from Prowler's mapping over 3 accounts) into a workload of
 * a real Plumbline (its own data; SQLite, or PostgreSQL with --store postgres and
 * PLUMBLINE_BENCH_POSTGRES_URL / the CI database), and prints the time of the
 * import (upload, parse, placing, the replacing transaction) and the server's peak
 * resident memory (VmHWM) before and after it. Target: under 20 s and 300 MB.
 */

const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 100_000);
const region = BENCH_REGION;
const credentials = BENCH_CREDENTIALS;
const postgres = process.argv.includes('--store') && process.argv[process.argv.indexOf('--store') + 1] === 'postgres';

const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function sha256(file: string) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-bench-checks-'));
let database: { url: string; drop: () => Promise<void> } | undefined;
if (postgres) {
  process.env.PLUMBLINE_TEST_POSTGRES_URL ??= process.env.PLUMBLINE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const { createPostgresDatabase } = await import('../test/support/stores');
  database = await createPostgresDatabase();
}
const started = await startPlumbline(dataDir, database?.url);
try {
  const client = new WellArchitectedClient({ endpoint: started.url, region, credentials });
  const { WorkloadId } = await client.send(
    new CreateWorkloadCommand({ WorkloadName: 'Scanned', Description: 'Benchmark', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: [region] }),
  );
  const file = path.join(dataDir, 'findings.ocsf.json');
  await writeProwlerFile(file, FINDINGS, ['111111111111', '222222222222', '333333333333']);
  const size = statSync(file).size;
  const hash = await sha256(file);
  const rssBefore = peakRssMb(started.child.pid!);
  const t0 = process.hrtime.bigint();
  const env = { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_REGION: region, AWS_ENDPOINT_URL: started.url };
  const response = await signedFetch(env, undefined, 'POST', `/_plumbline/workloads/${WorkloadId}/checks/import`, { Format: 'PROWLER_OCSF' }, { sha256: hash, stream: createReadStream(file) });
  const report = (await response.json()) as { FindingsPlaced: number; CheckResults: number };
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!response.ok) throw new Error(`import failed: ${JSON.stringify(report)}`);
  console.log(`${postgres ? 'PostgreSQL' : 'SQLite'}: ${FINDINGS} findings (${(size / 1024 ** 2).toFixed(1)} MB), ${report.FindingsPlaced} placed, ${report.CheckResults} check results`);
  console.log(`import: ${seconds.toFixed(1)} s (target < 20 s); server peak RSS ${rssBefore.toFixed(0)} MB before, ${peakRssMb(started.child.pid!).toFixed(0)} MB after (target < 300 MB)`);
} finally {
  started.child.kill('SIGTERM');
  await new Promise((resolve) => started.child.once('exit', resolve));
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
