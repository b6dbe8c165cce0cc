import {
  CreateMilestoneCommand,
  CreateWorkloadCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  GetMilestoneCommand,
  GetWorkloadCommand,
  ListLensReviewImprovementsCommand,
  ListMilestonesCommand,
  UpdateAnswerCommand,
  UpdateWorkloadCommand,
  type AnswerSummary,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { postgresEnabled, storeKinds } from '../support/stores';
import { startInstances, type Instances } from '../support/instances';
import { allAnswers } from '../support/paging';

/**
 * The user guide's tutorial, steps 1-4, through the official SDK: define
 * "Retail Website - North America", document its state (three high risks and
 * one medium risk), read the improvement plan, improve, save milestones and
 * compare them.
 */

// The last run sends each call to the next of three instances on one PostgreSQL database.
const THREE = 'three PostgreSQL instances in turn';
describe.each([...storeKinds(), ...(postgresEnabled ? [THREE] : [])])('tutorial on %s', (kind) => {
  let server: TestServer;
  let instances: Instances | undefined;
  let client: WellArchitectedClient;
  let workloadId: string;
  let levels: Map<string, string>;
  beforeAll(async () => {
    if (kind === THREE) instances = await startInstances(3);
    server = instances?.first ?? (await startServer(kind as 'sqlite' | 'postgres'));
    client = instances?.roundRobin() ?? server.client;
    const lens = server.built.services.catalog.official('wellarchitected')!.current;
    levels = new Map([...lens.questions.values()].flatMap((q) => q.choices.map((c) => [`${q.id}/${c.id}`, String(c.riskLevel)])));
  });
  afterAll(() => (instances ? instances.close() : server?.close()));

  const practices = (a: AnswerSummary) => (a.Choices ?? []).map((c) => c.ChoiceId!).filter((id) => !id.endsWith('_no'));
  const none = (a: AnswerSummary) => (a.Choices ?? []).map((c) => c.ChoiceId!).find((id) => id.endsWith('_no'))!;
  const highOnly = (a: AnswerSummary) => practices(a).filter((id) => levels.get(`${a.QuestionId}/${id}`) === 'HIGH');
  const hasMedium = (a: AnswerSummary) => practices(a).some((id) => levels.get(`${a.QuestionId}/${id}`) === 'MEDIUM');

  let highQuestions: string[];
  let mediumQuestion: string;

  it('step 1: defines the workload', async () => {
    const created = await client.send(
      new CreateWorkloadCommand({
        WorkloadName: 'Retail Website - North America',
        Description: 'Customer-facing retail ecommerce website for North America',
        ReviewOwner: 'Jane Doe, platform architecture',
        Environment: 'PRODUCTION',
        AwsRegions: ['us-east-1', 'us-west-2'],
        NonAwsRegions: ['Toronto data center'],
        Lenses: ['wellarchitected'],
      }),
    );
    expect(created.WorkloadId).toMatch(/^[0-9a-f]{32}$/);
    expect(created.WorkloadArn).toBe(`arn:aws:wellarchitected:us-east-1:111122223333:workload/${created.WorkloadId}`);
    workloadId = created.WorkloadId!;
    const { Workload } = await client.send(new GetWorkloadCommand({ WorkloadId: workloadId }));
    expect(Workload?.WorkloadName).toBe('Retail Website - North America');
    expect(Workload?.Lenses).toEqual(['wellarchitected']);
    expect(Workload?.RiskCounts).toEqual({ UNANSWERED: 57, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 });
    expect(Workload?.UpdatedAt).toBeInstanceOf(Date);
    expect(Math.abs(Workload!.UpdatedAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('step 2: documents the workload state', async () => {
    const answers = await allAnswers(client, workloadId);
    expect(answers).toHaveLength(57);
    expect(new Set(answers.map((a) => a.QuestionId)).size).toBe(57);
    // Questions with both high- and medium-level practices, so each risk can be reached.
    const mixed = answers.filter((a) => a.QuestionId !== 'priorities' && highOnly(a).length > 0 && hasMedium(a)).map((a) => a.QuestionId!);
    highQuestions = mixed.slice(0, 3);
    mediumQuestion = mixed[3];
    for (const answer of answers) {
      const id = answer.QuestionId!;
      let SelectedChoices = practices(answer);
      if (highQuestions.includes(id)) SelectedChoices = [none(answer)];
      if (id === mediumQuestion) SelectedChoices = highOnly(answer);
      await client.send(new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: id, SelectedChoices }));
    }
    // The tutorial's not-applicable practice, with its reason and details.
    const updated = await client.send(
      new UpdateAnswerCommand({
        WorkloadId: workloadId,
        LensAlias: 'wellarchitected',
        QuestionId: 'priorities',
        SelectedChoices: ['ops_priorities_ext_cust_needs', 'ops_priorities_governance_reqs', 'ops_priorities_compliance_reqs', 'ops_priorities_eval_threat_landscape', 'ops_priorities_eval_tradeoffs'],
        ChoiceUpdates: { ops_priorities_int_cust_needs: { Status: 'NOT_APPLICABLE', Reason: 'OUT_OF_SCOPE', Notes: 'Internal customer needs to be addressed in following release' } },
        Notes: 'Reviewed with the product and operations leads.',
      }),
    );
    expect(updated.Answer?.Risk).toBe('NONE');
    expect(updated.Answer?.ChoiceAnswers?.find((c) => c.ChoiceId === 'ops_priorities_int_cust_needs')).toEqual({
      ChoiceId: 'ops_priorities_int_cust_needs',
      Status: 'NOT_APPLICABLE',
      Reason: 'OUT_OF_SCOPE',
      Notes: 'Internal customer needs to be addressed in following release',
    });
    const review = await client.send(new GetLensReviewCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected' }));
    expect(review.LensReview?.RiskCounts).toEqual({ UNANSWERED: 0, HIGH: 3, MEDIUM: 1, NONE: 53, NOT_APPLICABLE: 0 });
    const pillarSum = (review.LensReview?.PillarReviewSummaries ?? []).reduce((n, p) => n + (p.RiskCounts?.HIGH ?? 0), 0);
    expect(pillarSum).toBe(3);
    const milestone = await client.send(new CreateMilestoneCommand({ WorkloadId: workloadId, MilestoneName: 'Version 1.0 - initial review' }));
    expect(milestone.MilestoneNumber).toBe(1);
  });

  it('step 3: reviews the improvement plan and sets the improvement status', async () => {
    const plan = await client.send(new ListLensReviewImprovementsCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected' }));
    const items = plan.ImprovementSummaries ?? [];
    expect(items.map((i) => i.Risk)).toEqual(['HIGH', 'HIGH', 'HIGH', 'MEDIUM']);
    expect(items.slice(0, 3).map((i) => i.QuestionId)).toEqual(highQuestions);
    expect(items[3].QuestionId).toBe(mediumQuestion);
    for (const item of items) {
      expect(item.ImprovementPlans?.length).toBeGreaterThan(0);
      for (const p of item.ImprovementPlans ?? []) expect(p.DisplayText?.length).toBeGreaterThan(20);
    }
    const { Workload } = await client.send(new UpdateWorkloadCommand({ WorkloadId: workloadId, ImprovementStatus: 'NOT_STARTED' }));
    expect(Workload?.ImprovementStatus).toBe('NOT_STARTED');
  });

  it('step 4: makes improvements, saves a milestone and compares', async () => {
    const [fixed, partly] = highQuestions;
    const answers = await allAnswers(client, workloadId);
    const byId = new Map(answers.map((a) => [a.QuestionId!, a]));
    await client.send(
      new UpdateAnswerCommand({
        WorkloadId: workloadId,
        LensAlias: 'wellarchitected',
        QuestionId: fixed,
        SelectedChoices: practices(byId.get(fixed)!),
        Notes: 'Added Amazon CloudWatch alarms and AWS Auto Scaling.',
      }),
    );
    const partial = highOnly(byId.get(partly)!);
    const partlyRisk = await client.send(
      new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: partly, SelectedChoices: partial }),
    );
    expect(partlyRisk.Answer?.Risk).toBe('MEDIUM');
    const plan = await client.send(new ListLensReviewImprovementsCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected' }));
    expect(plan.ImprovementSummaries?.map((i) => i.Risk)).toEqual(['HIGH', 'MEDIUM', 'MEDIUM']);
    await client.send(new CreateMilestoneCommand({ WorkloadId: workloadId, MilestoneName: 'Version 2.0 - monitoring and scaling' }));

    const list = await client.send(new ListMilestonesCommand({ WorkloadId: workloadId }));
    expect(list.MilestoneSummaries?.map((m) => [m.MilestoneNumber, m.MilestoneName])).toEqual([
      [1, 'Version 1.0 - initial review'],
      [2, 'Version 2.0 - monitoring and scaling'],
    ]);
    const first = await client.send(new GetMilestoneCommand({ WorkloadId: workloadId, MilestoneNumber: 1 }));
    expect(first.Milestone?.Workload?.RiskCounts).toMatchObject({ HIGH: 3, MEDIUM: 1 });
    expect(first.Milestone?.Workload?.ImprovementStatus).toBe('NOT_APPLICABLE');
    const second = await client.send(new GetMilestoneCommand({ WorkloadId: workloadId, MilestoneNumber: 2 }));
    expect(second.Milestone?.Workload?.RiskCounts).toMatchObject({ HIGH: 1, MEDIUM: 2 });

    // Reads at a milestone return what was saved, not what is there now.
    const then = await client.send(new GetAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: fixed, MilestoneNumber: 1 }));
    expect(then.Answer?.Risk).toBe('HIGH');
    expect(then.MilestoneNumber).toBe(1);
    const now = await client.send(new GetAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: fixed }));
    expect(now.Answer?.Risk).toBe('NONE');
    expect(now.Answer?.Notes).toBe('Added Amazon CloudWatch alarms and AWS Auto Scaling.');
    const oldPlan = await client.send(new ListLensReviewImprovementsCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', MilestoneNumber: 1 }));
    expect(oldPlan.ImprovementSummaries).toHaveLength(4);
    expect((await allAnswers(client, workloadId, 1)).filter((a) => a.Risk === 'HIGH')).toHaveLength(3);
  });
});
