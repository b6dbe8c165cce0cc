import type { ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateMilestoneCommand,
  CreateWorkloadCommand,
  DeleteWorkloadCommand,
  GetConsolidatedReportCommand,
  GetLensReviewCommand,
  GetMilestoneCommand,
  GetWorkloadCommand,
  ListAnswersCommand,
  ListLensReviewImprovementsCommand,
  ListMilestonesCommand,
  ListWorkloadsCommand,
  UpdateAnswerCommand,
  WellArchitectedClient,
  type UpdateAnswerCommandInput,
} from '@aws-sdk/client-wellarchitected';
import { signedCall } from '../src/cli/export-command';
import { openStore } from '../src/store/database';
import { createBenchDatabase } from './postgres';
import { BENCH_CREDENTIALS, BENCH_REGION, startPlumbline } from './processes';
import { createInput, FRAMEWORK, layout, MILESTONES, milestoneName, planFor, seed, SHARED, workloadName } from './scale-data';

/**
 * npm run bench:scale [-- --store sqlite|postgres|both]: seeds a data set of 100 and
 * one of 10,000 workloads (bench/scale-data.ts: the framework lens fully answered, 5
 * milestones each) on each store, starts a built Plumbline on each, checks that a
 * seeded workload reads back through the API exactly as one made through the API,
 * then times the calls that must not grow with the data (median of SCALE_SAMPLES
 * sequential calls through the AWS SDK, the two data sets alternating call by call)
 * and prints each ratio against the 2x target. Default: both stores.
 */

const storeArg = process.argv.indexOf('--store');
const STORES = storeArg === -1 || process.argv[storeArg + 1] === 'both' ? ['sqlite', 'postgres'] : [process.argv[storeArg + 1]];
if (STORES.some((s) => s !== 'sqlite' && s !== 'postgres')) throw new Error(`--store takes sqlite, postgres or both, not ${STORES.join()}`);
const SIZES = (process.env.SCALE_SIZES ?? '100,10000').split(',').map(Number);
const SAMPLES = Number(process.env.SCALE_SAMPLES ?? 15);
const WARMUP = 3;
const TARGET = 2;

interface DataSet {
  size: number;
  url: string;
  client: WellArchitectedClient;
  ownIds: string[];
  seconds: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function plumblineCall(url: string, operation: string, input: Record<string, unknown>) {
  const env = { AWS_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey, AWS_REGION: BENCH_REGION };
  const out = await signedCall(env, url, operation, input);
  if (!out.ok) throw new Error(`${operation}: ${out.message}`);
  return JSON.parse(out.bytes.toString('utf8')) as Record<string, unknown>;
}

/** One timed call; `k` counts the calls made on this data set so far (to vary the workload). */
type Call = (d: DataSet, k: number) => Promise<unknown>;

const some = (d: DataSet, k: number) => d.ownIds[(k * 37 + 11) % d.ownIds.length];
const ref = (d: DataSet, k: number) => ({ WorkloadId: some(d, k), LensAlias: FRAMEWORK });

async function everyWorkloadPage(d: DataSet) {
  let NextToken: string | undefined;
  let n = 0;
  do {
    const page = await d.client.send(new ListWorkloadsCommand({ NextToken, MaxResults: 50 }));
    n += page.WorkloadSummaries!.length;
    NextToken = page.NextToken;
  } while (NextToken);
  return n;
}

const CALLS: Array<[string, Call, { target: boolean }]> = [
  ['ListWorkloads, first page (50)', (d) => d.client.send(new ListWorkloadsCommand({})), { target: true }],
  ['Dashboard counts (GetWorkloadRiskCounts)', (d) => plumblineCall(d.url, 'GetWorkloadRiskCounts', {}), { target: true }],
  ['ListWorkloads, every page (dashboard table)', (d) => everyWorkloadPage(d), { target: false }],
  ['GetLensReview', (d, k) => d.client.send(new GetLensReviewCommand(ref(d, k))), { target: true }],
  ['ListLensReviewImprovements, first page', (d, k) => d.client.send(new ListLensReviewImprovementsCommand(ref(d, k))), { target: true }],
  ['GetConsolidatedReport JSON, first page', (d) => d.client.send(new GetConsolidatedReportCommand({ Format: 'JSON', IncludeSharedResources: true })), { target: true }],
  ['GetConsolidatedReport PDF, first page', (d) => d.client.send(new GetConsolidatedReportCommand({ Format: 'PDF', IncludeSharedResources: true })), { target: true }],
  // A new milestone on a different workload each call (each has MILESTONES already).
  ['CreateMilestone', (d, k) => d.client.send(new CreateMilestoneCommand({ WorkloadId: d.ownIds[k % d.ownIds.length], MilestoneName: `Timed ${k}` })), { target: true }],
];

/** Times every call on every data set, alternating data sets call by call so that the machine's load hits both alike. */
async function measure(sets: DataSet[]) {
  const results: Array<{ name: string; target: boolean; ms: number[] }> = [];
  for (const [name, call, { target }] of CALLS) {
    const samples: number[][] = sets.map(() => []);
    for (let k = 0; k < WARMUP + SAMPLES; k++) {
      for (const [s, d] of sets.entries()) {
        const started = process.hrtime.bigint();
        await call(d, k);
        if (k >= WARMUP) samples[s].push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    results.push({ name, target, ms: samples.map(median) });
  }
  return results;
}

/** Ids, names and times replaced, so that two workloads made the same way compare equal. */
function normalized(value: unknown, names: Map<string, string>): unknown {
  if (value instanceof Date) return '<time>';
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => normalized(v, names));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== '$metadata')
        .map(([k, v]) => [k, k === 'UpdatedAt' || k === 'RecordedAt' ? '<time>' : normalized(v, names)]),
    );
  }
  return value;
}

async function allPages<T>(fetch: (token?: string) => Promise<{ NextToken?: string }>, items: (out: never) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    out.push(...(items(page as never) ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

/** Everything the API says about a workload's review and milestones. */
async function readBack(client: WellArchitectedClient, WorkloadId: string) {
  const r = { WorkloadId, LensAlias: FRAMEWORK };
  const out: Record<string, unknown> = {
    workload: (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload,
    review: (await client.send(new GetLensReviewCommand(r))).LensReview,
    answers: await allPages((NextToken) => client.send(new ListAnswersCommand({ ...r, NextToken })), (o: { AnswerSummaries?: unknown[] }) => o.AnswerSummaries),
    improvements: await allPages(
      (NextToken) => client.send(new ListLensReviewImprovementsCommand({ ...r, NextToken })),
      (o: { ImprovementSummaries?: unknown[] }) => o.ImprovementSummaries,
    ),
    milestones: await allPages((NextToken) => client.send(new ListMilestonesCommand({ WorkloadId, NextToken })), (o: { MilestoneSummaries?: unknown[] }) => o.MilestoneSummaries),
  };
  for (let m = 1; m <= MILESTONES; m++) {
    out[`milestone ${m}`] = (await client.send(new GetMilestoneCommand({ WorkloadId, MilestoneNumber: m }))).Milestone;
    out[`milestone ${m} review`] = (await client.send(new GetLensReviewCommand({ ...r, MilestoneNumber: m }))).LensReview;
    out[`milestone ${m} answers`] = (await client.send(new ListAnswersCommand({ ...r, MilestoneNumber: m, MaxResults: 50 }))).AnswerSummaries;
  }
  return out;
}

/** Makes seeded workload 0's twin through the API from the same plan and compares what the API says of both; deletes the twin. */
async function checkSeededRows(d: DataSet) {
  const seededId = d.ownIds[0];
  const plan = planFor(0);
  const name = 'Scale reference made through the API';
  const { WorkloadId } = await d.client.send(new CreateWorkloadCommand(createInput(name)));
  let milestone = 0;
  for (const [j, { questionId, update }] of plan.answers.entries()) {
    await d.client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: FRAMEWORK, QuestionId: questionId, ...(update as Omit<UpdateAnswerCommandInput, 'WorkloadId' | 'LensAlias' | 'QuestionId'>) }));
    if (j + 1 === plan.milestoneAfter[milestone]) await d.client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: milestoneName(++milestone) }));
  }
  const made = await d.client.send(new GetWorkloadCommand({ WorkloadId }));
  const seeded = normalized(await readBack(d.client, seededId), new Map([[seededId, '<id>'], [workloadName(0), '<name>'], [made.Workload!.WorkloadArn!.replace(WorkloadId!, seededId), '<arn>']]));
  const viaApi = normalized(await readBack(d.client, WorkloadId!), new Map([[WorkloadId!, '<id>'], [name, '<name>'], [made.Workload!.WorkloadArn!, '<arn>']]));
  await d.client.send(new DeleteWorkloadCommand({ WorkloadId }));
  const seededRecord = seeded as Record<string, unknown>;
  const apiRecord = viaApi as Record<string, unknown>;
  const differing = Object.keys(apiRecord).filter((k) => !isDeepStrictEqual(seededRecord[k], apiRecord[k]));
  if (differing.length) {
    const k = differing[0];
    throw new Error(`seeded rows differ from the service's in ${differing.join(', ')}:\nseeded  ${JSON.stringify(seededRecord[k])}\nthrough the API ${JSON.stringify(apiRecord[k])}`);
  }
  return Object.keys(apiRecord).length;
}

const fmt = (ms: number) => ms.toFixed(1).padStart(9);

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
try {
  for (const storeName of STORES) {
    const sets: DataSet[] = [];
    for (const size of SIZES) {
      const dataDir = mkdtempSync(path.join(tmpdir(), `plumbline-bench-scale-${size}-`));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const database = storeName === 'postgres' ? await createBenchDatabase() : undefined;
      if (database) cleanups.push(() => database.drop());
      const started = Date.now();
      const store = await openStore({ dataDir, databaseUrl: database?.url });
      const ownIds = await seed(store, size).finally(() => store.close());
      const seconds = (Date.now() - started) / 1000;
      const plumbline = await startPlumbline(dataDir, database?.url);
      children.push(plumbline.child);
      const client = new WellArchitectedClient({ endpoint: plumbline.url, region: BENCH_REGION, credentials: BENCH_CREDENTIALS });
      sets.push({ size, url: plumbline.url, client, ownIds, seconds });
      const { own } = layout(size);
      console.log(`${storeName}: seeded ${size} workloads (${own} of the caller's account, the rest in others, ${SHARED} of theirs shared with it) in ${seconds.toFixed(1)} s`);
    }
    const compared = await checkSeededRows(sets[0]);
    console.log(`${storeName}: a seeded workload reads back as one made through the API (${compared} reads compared)`);
    const results = await measure(sets);
    console.log(`\n${storeName === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: median of ${SAMPLES} calls (ms), data sets alternating call by call`);
    console.log(`${'call'.padEnd(46)}${sets.map((s) => `${s.size} wl`.padStart(10)).join('')}    ratio  within ${TARGET}x`);
    for (const r of results) {
      const ratio = r.ms[r.ms.length - 1] / r.ms[0];
      const verdict = r.target ? (ratio <= TARGET ? 'yes' : 'NO') : '(not a target)';
      console.log(`${r.name.padEnd(46)}${r.ms.map((ms) => ` ${fmt(ms)}`).join('')} ${ratio.toFixed(2).padStart(8)}  ${verdict}`);
    }
    console.log('');
    for (const child of children.splice(0)) child.kill('SIGTERM');
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  for (const cleanup of cleanups) await cleanup();
}
