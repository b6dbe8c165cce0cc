import { CreateWorkloadCommand, GetLensReviewCommand, UpdateAnswerCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcess, type ProcessServer } from '../support/process-server';
import { allAnswers } from '../support/paging';
import { createPostgresDatabase, postgresEnabled } from '../support/stores';

/**
 * Three Plumbline processes on one PostgreSQL database; one is killed with SIGKILL in
 * the middle of concurrent writes sent to all three. The others go on, and nothing
 * any of them acknowledged - the killed one included - is lost; the review's counts
 * agree with its answers.
 */

const KILL_AFTER = 12;

describe.runIf(postgresEnabled)('an instance killed during concurrent writes', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let processes: ProcessServer[] = [];

  beforeAll(async () => {
    database = await createPostgresDatabase();
    const env = { PLUMBLINE_DATABASE_URL: database.url };
    // All three start together on the empty database: one migrates and creates the root
    // key, the others wait for it (advisory lock, account row lock) and find it done.
    processes = await Promise.all([startProcess(env), startProcess(env), startProcess(env)]);
  });
  afterAll(async () => {
    for (const p of processes) await p.stop();
    await database?.drop();
  });

  it('loses no acknowledged write and keeps the counts consistent', async () => {
    const [a, b, c] = processes;
    const { WorkloadId } = await a.client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Killed instance', Description: 'SIGKILL', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: ['us-east-1'] }),
    );
    const questions = await allAnswers(b.client, WorkloadId!);
    const acknowledged: Array<{ questionId: string; choices: string[] }> = [];
    const failedOn = new Set<ProcessServer>();
    let markKill!: () => void;
    const killTime = new Promise<void>((resolve) => (markKill = resolve));
    const queue = questions.map((q, i) => ({ questionId: q.QuestionId!, choices: [q.Choices![i % q.Choices!.length].ChoiceId!] }));
    // Each writer keeps to one process; the one on the killed process stops at its first failure.
    const writer = async (target: ProcessServer) => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          await target.client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: next.questionId, SelectedChoices: next.choices }));
          acknowledged.push(next);
          if (acknowledged.length === KILL_AFTER) markKill();
        } catch {
          failedOn.add(target);
          return;
        }
      }
    };
    const writers = [a, a, b, b, c, c].map(writer);
    await killTime;
    c.child.kill('SIGKILL');
    await Promise.all(writers);
    expect(await c.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect([...failedOn]).toEqual([c]);
    expect(queue).toEqual([]);

    const after = new Map((await allAnswers(a.client, WorkloadId!)).map((q) => [q.QuestionId!, q]));
    for (const write of acknowledged) expect(after.get(write.questionId)?.SelectedChoices).toEqual(write.choices);
    const tally: Record<string, number> = {};
    for (const answer of after.values()) tally[answer.Risk!] = (tally[answer.Risk!] ?? 0) + 1;
    for (const survivor of [a, b]) {
      const { LensReview } = await survivor.client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected' }));
      for (const [risk, count] of Object.entries(LensReview!.RiskCounts!)) expect(count, risk).toBe(tally[risk] ?? 0);
    }
  });
});
