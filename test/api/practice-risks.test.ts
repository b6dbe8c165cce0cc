import { CreateWorkloadCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinLenses } from '../../src/services/lenses/builtin-lenses';
import { startServer, type TestServer } from '../support/server';
import { signedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/** GET /_plumbline/workloads/<id>/lensReviews/<lens>/practiceRisks: each practice's risk level, for the console. */

const LEVEL_TO_RISK = { HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'NONE' } as const;

describe.each(storeKinds())('practice risks on %s', (kind) => {
  let server: TestServer;
  let workloadId: string;
  beforeAll(async () => {
    server = await startServer(kind);
    const created = await server.client.send(
      new CreateWorkloadCommand({
        WorkloadName: 'Practice risk workload',
        Description: 'Reads the risk level of each practice',
        Environment: 'PRODUCTION',
        AwsRegions: ['us-east-1'],
        ReviewOwner: 'owner@example.com',
        Lenses: ['wellarchitected'],
        ClientRequestToken: 'practice-risks-1',
      }),
    );
    workloadId = created.WorkloadId!;
  });
  afterAll(() => server?.close());

  const practiceRisks = (id: string, lens: string, query?: Record<string, string>) =>
    signedFetch(server.url, { method: 'GET', path: `/_plumbline/workloads/${id}/lensReviews/${encodeURIComponent(lens)}/practiceRisks`, query });

  it('gives every practice of the framework lens the level its content documents', async () => {
    const response = await practiceRisks(workloadId, 'wellarchitected');
    expect(response.status, response.text).toBe(200);
    const lens = loadBuiltinLenses().find((l) => l.alias === 'wellarchitected')!.current;
    expect(response.json).toMatchObject({ WorkloadId: workloadId, LensAlias: 'wellarchitected', LensVersion: lens.version });
    const questions = response.json!.Questions as Array<{ QuestionId: string; PracticeRisks: Record<string, string> }>;
    expect(questions).toHaveLength(lens.questions.size);
    for (const question of lens.questions.values()) {
      const expected = Object.fromEntries(
        question.choices.filter((c) => !c.id.endsWith('_no')).map((c) => [c.id, LEVEL_TO_RISK[c.riskLevel as keyof typeof LEVEL_TO_RISK]]),
      );
      expect(questions.find((q) => q.QuestionId === question.id)?.PracticeRisks, question.id).toEqual(expected);
    }
  });

  it("carries each question's risk rules as the lens writes them, so the console evaluates unsaved ticks the same way", async () => {
    const response = await practiceRisks(workloadId, 'wellarchitected');
    const lens = loadBuiltinLenses().find((l) => l.alias === 'wellarchitected')!.current;
    const questions = response.json!.Questions as Array<{ QuestionId: string; RiskRules: Array<{ Condition: string; Risk: string }> }>;
    for (const pillar of lens.document.pillars) {
      for (const question of pillar.questions) {
        const expected = question.riskRules.map((r) => ({ Condition: r.condition, Risk: r.risk }));
        expect(questions.find((q) => q.QuestionId === question.id)?.RiskRules, question.id).toEqual(expected);
      }
    }
  });

  it('answers not found for a workload that is not there, a ValidationException for a lens not applied, and names a bad milestone number', async () => {
    const missing = await practiceRisks('0123456789abcdef0123456789abcdef', 'wellarchitected');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-errortype')).toMatch(/ResourceNotFoundException/);
    // A lens not applied: the ValidationException the hosted service gives for lens reviews.
    const notApplied = await practiceRisks(workloadId, 'serverless');
    expect(notApplied.status).toBe(400);
    expect(JSON.stringify(notApplied.json)).toContain('No lens review for lens alias serverless');
    const bad = await practiceRisks(workloadId, 'wellarchitected', { MilestoneNumber: '0' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('MilestoneNumber');
    const notANumber = await practiceRisks(workloadId, 'wellarchitected', { MilestoneNumber: 'two' });
    expect(notANumber.json?.Fields).toEqual([{ Name: 'MilestoneNumber', Message: 'must be an integer' }]);
  });
});
