import {
  CreateWorkloadCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  UpdateAnswerCommand,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/domain/audit/record';
import { adminCall } from '../support/identities';
import { startProcess, type ProcessServer } from '../support/process-server';
import { allAnswers } from '../support/paging';
import { createPostgresDatabase, postgresEnabled } from '../support/stores';
import { TcpProxy } from '../support/tcp-proxy';
import { until } from '../support/webhook-receiver';

/**
 * PostgreSQL going away under load: a proxy of the test's own between the Plumbline
 * process and PostgreSQL cuts every connection while concurrent UpdateAnswer calls
 * are in flight, then lets them through again. The process must live on, answer the
 * calls it could not finish with a retryable error, report itself unready and then
 * ready, and lose nothing it acknowledged.
 */

const WRITERS = 6;
const BEFORE_CUT = 15;
const AFTER_RESTORE = 15;

describe.runIf(postgresEnabled)('PostgreSQL connections cut in the middle of concurrent writes', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let proxy: TcpProxy;
  let plumbline: ProcessServer;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(database.url).port || 5432) });
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    // Start-up waits for the database: Plumbline starts while it is unreachable.
    await proxy.cut();
    plumbline = await startProcess({ PLUMBLINE_DATABASE_URL: viaProxy.toString() }, { waitReady: false });
  });
  afterAll(async () => {
    await plumbline?.stop();
    await proxy?.close();
    await database?.drop();
  });

  it('waits for the database at start-up instead of exiting', async () => {
    await until(() => (plumbline.stderr().includes('Waiting for the database') ? true : undefined), 'Plumbline to say it waits for the database', 60_000);
    expect(plumbline.child.exitCode).toBeNull();
    await proxy.restore();
    await until(async () => ((await plumbline.readyStatus()) === 200 ? true : undefined), 'Plumbline to be ready once the database is reachable', 60_000);
  });

  it('lives on, fails calls in flight retryably, reports readiness, and keeps every acknowledged write', async () => {
    const { client } = plumbline;
    const { WorkloadId } = await client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Outage', Description: 'cut connections', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: ['us-east-1'] }),
    );
    const questions = await allAnswers(client, WorkloadId!);
    const plan = questions.map((q, i) => {
      const none = q.Choices!.find((c) => c.Title?.startsWith('None of these'));
      return { questionId: q.QuestionId!, choices: [i % 2 === 0 || !none ? q.Choices![0].ChoiceId! : none.ChoiceId!] };
    });
    expect(plan.length).toBeGreaterThan(BEFORE_CUT + AFTER_RESTORE + WRITERS);

    const acknowledged: Array<{ questionId: string; choices: string[]; requestId: string }> = [];
    const failures: Array<{ status?: number; name: string }> = [];
    let cutDone = false;
    let restoredAt = -1;
    let markRestored!: () => void;
    const restored = new Promise<void>((resolve) => (markRestored = resolve));
    let markCutReady!: () => void;
    const cutReady = new Promise<void>((resolve) => (markCutReady = resolve));
    const queue = [...plan];

    const writer = async () => {
      for (;;) {
        if (restoredAt >= 0 && acknowledged.length >= restoredAt + AFTER_RESTORE) return;
        const next = queue.shift();
        if (!next) return;
        try {
          const answer = await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: next.questionId, SelectedChoices: next.choices }));
          acknowledged.push({ ...next, requestId: answer.$metadata.requestId! });
          if (acknowledged.length === BEFORE_CUT) markCutReady();
        } catch (error) {
          const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
          failures.push({ status: e.$metadata?.httpStatusCode, name: e.name });
          // Tried again once the database is back: the same answer, so a write that
          // committed although its answer was lost changes nothing.
          queue.push(next);
          await restored;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);

    await cutReady;
    await proxy.cut();
    cutDone = true;
    const unready = await until(async () => ((await plumbline.readyStatus()) === 503 ? 503 : undefined), 'readiness to answer 503');
    // Calls made while the database is away fail too, retryably.
    const during = await client
      .send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: plan[0].questionId }))
      .then(() => undefined, (e: { name: string; $metadata?: { httpStatusCode?: number } }) => ({ status: e.$metadata?.httpStatusCode, name: e.name }));
    await proxy.restore();
    const ready = await until(async () => ((await plumbline.readyStatus()) === 200 ? 200 : undefined), 'readiness to answer 200 again');
    restoredAt = acknowledged.length;
    markRestored();
    await Promise.all(writers);

    expect(cutDone).toBe(true);
    expect([unready, ready]).toEqual([503, 200]);
    expect(plumbline.child.exitCode).toBeNull();
    expect(during).toEqual({ status: 500, name: 'InternalServerException' });
    for (const failure of failures) expect([500, 429]).toContain(failure.status);
    expect(acknowledged.length).toBeGreaterThanOrEqual(restoredAt + AFTER_RESTORE);

    // Every acknowledged write is there.
    const after = new Map((await allAnswers(client, WorkloadId!)).map((a) => [a.QuestionId!, a]));
    for (const write of acknowledged) expect(after.get(write.questionId)?.SelectedChoices).toEqual(write.choices);
    // The review's counts are those its answers imply.
    const tally: Record<string, number> = {};
    for (const answer of after.values()) tally[answer.Risk!] = (tally[answer.Risk!] ?? 0) + 1;
    const { LensReview } = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected' }));
    for (const [risk, count] of Object.entries(LensReview!.RiskCounts!)) expect(count, risk).toBe(tally[risk] ?? 0);
    // Every acknowledged change has its audit record.
    const records: AuditRecord[] = [];
    let NextToken: string | undefined;
    do {
      const page = await adminCall<{ Records: AuditRecord[]; NextToken?: string }>(plumbline.asTestServer(), {
        method: 'GET',
        path: '/audit',
        query: { EventName: 'UpdateAnswer', ...(NextToken ? { NextToken } : {}) },
      });
      records.push(...page.Records);
      NextToken = page.NextToken;
    } while (NextToken);
    const recorded = new Set(records.filter((r) => !r.errorCode).map((r) => r.requestID));
    for (const write of acknowledged) expect(recorded.has(write.requestId), write.requestId).toBe(true);
    expect(proxy.accepted).toBeGreaterThan(1);
    expect(failures.length).toBeGreaterThan(0);
  });

  it('stops gracefully on SIGTERM: exit code 0', async () => {
    plumbline.child.kill('SIGTERM');
    expect(await plumbline.exited).toEqual({ code: 0, signal: null });
  });
});
