import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateWorkloadCommand,
  GetConsolidatedReportCommand,
  GetLensReviewReportCommand,
  ListAnswersCommand,
  UpdateAnswerCommand,
  WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { BENCH_CREDENTIALS, BENCH_REGION, startPlumbline } from './processes';

/**
 * npm run bench:reports: against a real Plumbline (its own data, SQLite), times
 * GetLensReviewReport for a workload whose framework-lens review is fully
 * answered (every question, with notes and not-applicable practices), and a
 * consolidated report of 100 workloads (every page, MaxResults 15) in JSON and
 * in PDF. BENCH_ITERATIONS (default 10) repeats each measurement.
 */

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10);
const WORKLOADS = 100;
const region = BENCH_REGION;
const credentials = BENCH_CREDENTIALS;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { min: sorted[0], p50: at(0.5), p90: at(0.9) };
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

async function answerEverything(client: WellArchitectedClient, WorkloadId: string, limit = Infinity) {
  const questions = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', NextToken }));
    questions.push(...page.AnswerSummaries!);
    NextToken = page.NextToken;
  } while (NextToken);
  for (const [i, q] of questions.slice(0, limit).entries()) {
    const practices = q.Choices!.map((c) => c.ChoiceId!).filter((id) => !id.endsWith('_no'));
    // A mix of risks: all, most, or few practices followed; one marked not applicable.
    const notApplicable = practices[practices.length - 1];
    const others = practices.slice(0, -1);
    const followed = others.slice(0, i % 3 === 0 ? others.length : i % 3 === 1 ? others.length - 1 : 1);
    await client.send(
      new UpdateAnswerCommand({
        WorkloadId,
        LensAlias: 'wellarchitected',
        QuestionId: q.QuestionId!,
        SelectedChoices: followed,
        ChoiceUpdates: { [notApplicable]: { Status: 'NOT_APPLICABLE', Reason: 'OUT_OF_SCOPE', Notes: 'Handled by the platform team.' } },
        Notes: `Discussed in the review of week ${i + 1}; owners agreed on the follow-ups listed in the improvement plan.`,
      }),
    );
  }
  return questions.length;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-bench-reports-'));
let server: ChildProcess | undefined;
try {
  const started = await startPlumbline(dataDir);
  server = started.child;
  const client = new WellArchitectedClient({ endpoint: started.url, region, credentials });
  const ids: string[] = [];
  for (let i = 0; i < WORKLOADS; i++) {
    const { WorkloadId } = await client.send(
      new CreateWorkloadCommand({
        WorkloadName: `Workload ${String(i).padStart(3, '0')}`,
        Description: 'A workload of the reports benchmark',
        Environment: 'PRODUCTION',
        Lenses: i % 2 ? ['wellarchitected', 'serverless'] : ['wellarchitected'],
        AwsRegions: ['us-east-1'],
        ReviewOwner: 'bench@example.com',
      }),
    );
    ids.push(WorkloadId!);
  }
  const questions = await answerEverything(client, ids[0]);
  for (const id of ids.slice(1)) await answerEverything(client, id, 5);

  let pdfBytes = 0;
  const lensReport = percentiles(
    await time(async () => {
      const out = await client.send(new GetLensReviewReportCommand({ WorkloadId: ids[0], LensAlias: 'wellarchitected' }));
      pdfBytes = Buffer.from(out.LensReviewReport!.Base64String!, 'base64').length;
    }),
  );
  const allPages = (format: 'JSON' | 'PDF') => async () => {
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new GetConsolidatedReportCommand({ Format: format, MaxResults: 15, NextToken }));
      NextToken = out.NextToken;
      pages++;
    } while (NextToken);
    return pages;
  };
  const pages = await allPages('JSON')();
  const consolidatedJson = percentiles(await time(allPages('JSON')));
  const consolidatedPdf = percentiles(await time(allPages('PDF')));

  const row = (name: string, p: { min: number; p50: number; p90: number }) =>
    `${name.padEnd(46)} ${p.min.toFixed(1).padStart(8)} ${p.p50.toFixed(1).padStart(8)} ${p.p90.toFixed(1).padStart(8)}`;
  console.log(`\n${WORKLOADS} workloads; the first has all ${questions} framework questions answered; ${ITERATIONS} iterations each\n`);
  console.log(`${'measured (SDK round trips, SQLite)'.padEnd(46)} ${'min ms'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p90 ms'.padStart(8)}`);
  console.log(row(`GetLensReviewReport, full framework (${Math.round(pdfBytes / 1024)} KB)`, lensReport));
  console.log(row(`GetConsolidatedReport JSON, ${pages} pages of 15`, consolidatedJson));
  console.log(row(`GetConsolidatedReport PDF, ${pages} pages of 15`, consolidatedPdf));
} finally {
  server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
