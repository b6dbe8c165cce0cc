import { randomBytes } from 'node:crypto';
import {
  AssociateLensesCommand,
  CreateMilestoneCommand,
  CreateWorkloadCommand,
  DeleteWorkloadCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  GetMilestoneCommand,
  GetWorkloadCommand,
  ListAnswersCommand,
  ListLensReviewImprovementsCommand,
  ListLensReviewsCommand,
  ListMilestonesCommand,
  ListTagsForResourceCommand,
  ListWorkloadsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAnswerCommand,
  UpdateLensReviewCommand,
  UpdateWorkloadCommand,
  type AnswerSummary,
  type CreateWorkloadCommandInput,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workloadArn } from '../../src/domain/arn';
import type { CompiledLens, CompiledQuestion } from '../../src/domain/lens/compiled-lens';
import { expectError, expectFieldErrors } from '../support/api-errors';
import { startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';
import { allAnswers } from '../support/paging';
import { collectPages } from '../support/paging';

/**
 * Milestones ("Saving a milestone": names, numbering, the per-workload quota,
 * and that a milestone never changes once saved) and tags ("Tagging your
 * resources": add, overwrite, remove, the reserved prefix, the 50-tag limit,
 * all-or-nothing tagging on creation) through the official SDK.
 */

const practices = (q: CompiledQuestion) => q.choices.filter((c) => !c.id.endsWith('_no')).map((c) => c.id);
const highOnly = (q: CompiledQuestion) => q.choices.filter((c) => c.riskLevel === 'HIGH').map((c) => c.id);

const allMilestones = (client: WellArchitectedClient, WorkloadId: string, MaxResults = 50) =>
  collectPages(async (NextToken) => {
    const page = await client.send(new ListMilestonesCommand({ WorkloadId, MaxResults, NextToken }));
    return { items: page.MilestoneSummaries, NextToken: page.NextToken };
  });

describe.each(storeKinds())('milestones and tags on %s', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let framework: CompiledLens;
  let questions: CompiledQuestion[];
  let workloads = 0;
  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
    framework = server.built.services.catalog.official('wellarchitected')!.current;
    questions = [...framework.questions.values()];
  });
  afterAll(() => server?.close());

  const newWorkload = async (extra: Partial<CreateWorkloadCommandInput> = {}) => {
    const created = await client.send(
      new CreateWorkloadCommand({
        WorkloadName: `Milestones and tags ${++workloads}`,
        Description: 'Milestones and tags under test',
        Environment: 'PRODUCTION',
        Lenses: ['wellarchitected'],
        ...extra,
      }),
    );
    return { WorkloadId: created.WorkloadId!, WorkloadArn: created.WorkloadArn! };
  };
  const save = async (WorkloadId: string, MilestoneName: string) =>
    (await client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName }))).MilestoneNumber!;

  describe('milestone names and numbers', () => {
    it('numbers milestones 1..n and keeps their names unique ignoring spaces and case', async () => {
      const { WorkloadId } = await newWorkload();
      expect(await save(WorkloadId, 'Version 1.0')).toBe(1);
      expect(await save(WorkloadId, 'Version 2.0')).toBe(2);
      expect(await save(WorkloadId, 'm'.repeat(100))).toBe(3);
      const error = await expectError(client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: ' version   1.0 ' })), 'ConflictException');
      expect(error.ResourceId).toBeTruthy();
      expect(error.ResourceType).toBeTruthy();
      expect(error.message).toMatch(/version {3}1\.0|Version 1\.0/);
      expect(await save(WorkloadId, 'VERSION 3.0')).toBe(4);
      expect((await allMilestones(client, WorkloadId)).flat().map((m) => [m.MilestoneNumber, m.MilestoneName])).toEqual([
        [1, 'Version 1.0'],
        [2, 'Version 2.0'],
        [3, 'm'.repeat(100)],
        [4, 'VERSION 3.0'],
      ]);
      // Names are unique per workload only.
      const other = await newWorkload();
      expect(await save(other.WorkloadId, 'Version 1.0')).toBe(1);
    });

    it('saves one milestone for retries with the same ClientRequestToken', async () => {
      const { WorkloadId } = await newWorkload();
      const first = await client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: 'Retried', ClientRequestToken: 'milestone-token-1' }));
      const again = await client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: 'Retried', ClientRequestToken: 'milestone-token-1' }));
      expect(again.MilestoneNumber).toBe(first.MilestoneNumber);
      expect((await allMilestones(client, WorkloadId)).flat()).toHaveLength(1);
      await expectError(
        client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: 'Another name', ClientRequestToken: 'milestone-token-1' })),
        'ConflictException',
      );
      expect((await allMilestones(client, WorkloadId)).flat()).toHaveLength(1);
    });

    it('refuses names that are too short, too long or mostly spaces', async () => {
      const { WorkloadId } = await newWorkload();
      await expectFieldErrors(client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: 'ab' })), [['MilestoneName', /at least 3/]]);
      await expectFieldErrors(client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: 'm'.repeat(101) })), [['MilestoneName', /at most 100/]]);
      await expectFieldErrors(client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: '   a   b   ' })), [['MilestoneName', /not spaces/]]);
      expect((await allMilestones(client, WorkloadId)).flat()).toEqual([]);
      expect(await save(WorkloadId, ' a b c ')).toBe(1);
    });

    it('pages ListMilestones', async () => {
      const { WorkloadId } = await newWorkload();
      for (const n of [1, 2, 3, 4, 5]) await save(WorkloadId, `Milestone ${n}`);
      const pages = await allMilestones(client, WorkloadId, 2);
      expect(pages.map((p) => p.map((m) => m.MilestoneNumber))).toEqual([[1, 2], [3, 4], [5]]);
      expect(pages.flat().map((m) => m.MilestoneName)).toEqual([1, 2, 3, 4, 5].map((n) => `Milestone ${n}`));
      for (const m of pages.flat()) {
        expect(m.RecordedAt).toBeInstanceOf(Date);
        expect(m.WorkloadSummary?.WorkloadId).toBe(WorkloadId);
      }
      await expectFieldErrors(client.send(new ListMilestonesCommand({ WorkloadId, MaxResults: 51 })), [['MaxResults', /at most 50/]]);
      await expectFieldErrors(client.send(new ListMilestonesCommand({ WorkloadId, NextToken: 'Z2FyYmFnZQ' })), [['NextToken', /token/]]);
    });

    it('allows 100 milestones per workload, numbered without gaps even when saved concurrently', async () => {
      const { WorkloadId } = await newWorkload();
      const numbers: number[] = [];
      for (let batch = 0; batch < 10; batch++) {
        const saved = await Promise.all(Array.from({ length: 10 }, (_, i) => save(WorkloadId, `Concurrent ${batch * 10 + i}`)));
        numbers.push(...saved);
      }
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      const error = await expectError(client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: 'One too many' })), 'ServiceQuotaExceededException');
      expect(error.$metadata.httpStatusCode).toBe(402);
      expect(error.QuotaCode).toBeTruthy();
      expect(error.ServiceCode).toBeTruthy();
      const listed = (await allMilestones(client, WorkloadId)).flat();
      expect(listed.map((m) => m.MilestoneNumber)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(listed.some((m) => m.MilestoneName === 'One too many')).toBe(false);
    });

    it('answers ResourceNotFoundException for a milestone that does not exist', async () => {
      const { WorkloadId } = await newWorkload();
      await save(WorkloadId, 'The only one');
      const reads = [
        () => client.send(new GetMilestoneCommand({ WorkloadId, MilestoneNumber: 2 })),
        () => client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneNumber: 2 })),
        () => client.send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: questions[0].id, MilestoneNumber: 2 })),
        () => client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneNumber: 2 })),
        () => client.send(new ListLensReviewsCommand({ WorkloadId, MilestoneNumber: 2 })),
        () => client.send(new ListLensReviewImprovementsCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneNumber: 2 })),
      ];
      for (const read of reads) {
        const error = await expectError(read(), 'ResourceNotFoundException');
        expect(error.ResourceId).toBe('2');
        expect(error.ResourceType).toBe('MILESTONE');
      }
      await expectFieldErrors(client.send(new GetMilestoneCommand({ WorkloadId, MilestoneNumber: 101 })), [['MilestoneNumber', /at most 100/]]);
    });
  });

  describe('a saved milestone never changes', () => {
    let WorkloadId: string;
    let WorkloadArn: string;
    let saved: {
      workload: Awaited<ReturnType<typeof getWorkload>>;
      review: unknown;
      answers: AnswerSummary[];
      answer: unknown;
      reviews: unknown;
      improvements: unknown;
    };
    const getWorkload = async () => (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!;
    const getReview = async (MilestoneNumber?: number) =>
      (await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneNumber }))).LensReview;
    const getAnswer = async (MilestoneNumber?: number) =>
      (await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: questions[2].id, MilestoneNumber }))).Answer;
    const listReviews = async (MilestoneNumber?: number) => (await client.send(new ListLensReviewsCommand({ WorkloadId, MilestoneNumber }))).LensReviewSummaries;
    const listImprovements = async (MilestoneNumber?: number) =>
      (await client.send(new ListLensReviewImprovementsCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneNumber, MaxResults: 100 }))).ImprovementSummaries;

    beforeAll(async () => {
      ({ WorkloadId, WorkloadArn } = await newWorkload({
        ReviewOwner: 'Alice Example',
        Notes: 'Notes when saved',
        Tags: { stage: 'one', team: 'core' },
      }));
      const [q0, q1, q2, q3] = questions;
      const answer = (q: CompiledQuestion, rest: object) =>
        client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: q.id, ...rest }));
      await answer(q0, { SelectedChoices: [q0.noneChoiceId] });
      await answer(q1, { SelectedChoices: highOnly(q1) });
      await answer(q2, { SelectedChoices: practices(q2), Notes: 'Answer notes when saved' });
      await answer(q3, { IsApplicable: false, Reason: 'OUT_OF_SCOPE' });
      await client.send(new UpdateLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', LensNotes: 'Lens notes when saved', PillarNotes: { security: 'Saved' } }));
      saved = {
        workload: await getWorkload(),
        review: await getReview(),
        answers: await allAnswers(client, WorkloadId),
        answer: await getAnswer(),
        reviews: await listReviews(),
        improvements: await listImprovements(),
      };
      expect(await save(WorkloadId, 'Baseline')).toBe(1);

      // Change everything a milestone records.
      await answer(q0, { SelectedChoices: practices(q0) });
      await answer(q1, { SelectedChoices: [] });
      await answer(q2, { SelectedChoices: [q2.noneChoiceId], Notes: 'Answer notes changed' });
      await answer(q3, { IsApplicable: true, SelectedChoices: [practices(q3)[0]] });
      await client.send(new UpdateLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', LensNotes: 'Lens notes changed', PillarNotes: { security: 'Changed' } }));
      await client.send(
        new UpdateWorkloadCommand({
          WorkloadId,
          WorkloadName: 'Milestones and tags renamed',
          Description: 'Description changed',
          ReviewOwner: 'Bob Example',
          Notes: 'Notes changed',
          ImprovementStatus: 'IN_PROGRESS',
          PillarPriorities: ['security', 'reliability', 'operationalExcellence', 'performance', 'costOptimization', 'sustainability'],
        }),
      );
      await client.send(new TagResourceCommand({ WorkloadArn, Tags: { stage: 'two', added: 'later' } }));
      await client.send(new UntagResourceCommand({ WorkloadArn, TagKeys: ['team'] }));
      await client.send(new AssociateLensesCommand({ WorkloadId, LensAliases: ['serverless'] }));
    });

    it('has really changed the workload since', async () => {
      const now = await getWorkload();
      expect(now.WorkloadName).toBe('Milestones and tags renamed');
      expect(now.RiskCounts).not.toEqual(saved.workload.RiskCounts);
      expect(await getReview()).not.toEqual(saved.review);
      expect(await allAnswers(client, WorkloadId)).not.toEqual(saved.answers);
      expect(await listImprovements()).not.toEqual(saved.improvements);
    });

    it('GetMilestone returns the workload as saved', async () => {
      const { Milestone, WorkloadId: id } = await client.send(new GetMilestoneCommand({ WorkloadId, MilestoneNumber: 1 }));
      expect(id).toBe(WorkloadId);
      expect(Milestone?.MilestoneName).toBe('Baseline');
      expect(Milestone?.RecordedAt).toBeInstanceOf(Date);
      const { Tags: _savedTags, ...savedProperties } = saved.workload;
      const { Tags: _tags, ...milestoneProperties } = Milestone!.Workload!;
      expect(milestoneProperties).toEqual(savedProperties);
      const summary = (await allMilestones(client, WorkloadId)).flat()[0].WorkloadSummary;
      expect(summary).toMatchObject({ WorkloadName: saved.workload.WorkloadName, RiskCounts: saved.workload.RiskCounts, Lenses: ['wellarchitected'] });
    });

    // A milestone keeps the tags the workload had when it was saved.
    it('GetMilestone returns the tags as saved', async () => {
      const { Milestone } = await client.send(new GetMilestoneCommand({ WorkloadId, MilestoneNumber: 1 }));
      expect(Milestone?.Workload?.Tags).toEqual({ stage: 'one', team: 'core' });
    });

    it('reviews, answers and the improvement plan read at the milestone are as saved', async () => {
      expect(await getReview(1)).toEqual(saved.review);
      expect(await getAnswer(1)).toEqual(saved.answer);
      expect(await allAnswers(client, WorkloadId, 1)).toEqual(saved.answers);
      expect(await listReviews(1)).toEqual(saved.reviews);
      expect(await listImprovements(1)).toEqual(saved.improvements);
      const read = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneNumber: 1 }));
      expect(read.MilestoneNumber).toBe(1);
      // The lens applied after saving is not in the milestone.
      const missing = await expectError(client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'serverless', MilestoneNumber: 1 })), 'ValidationException');
      expect(missing.message).toContain('No lens review for lens alias serverless');
    });

    it('a later milestone records the changes', async () => {
      expect(await save(WorkloadId, 'After the changes')).toBe(2);
      const { Milestone } = await client.send(new GetMilestoneCommand({ WorkloadId, MilestoneNumber: 2 }));
      expect(Milestone?.Workload?.WorkloadName).toBe('Milestones and tags renamed');
      expect([...(Milestone?.Workload?.Lenses ?? [])].sort()).toEqual(['serverless', 'wellarchitected']);
      expect((await getReview(2))?.Notes).toBe('Lens notes changed');
      expect((await getAnswer(2))?.Notes).toBe('Answer notes changed');
      expect(await getReview(1)).toEqual(saved.review);
    });
  });

  describe('tags', () => {
    it('adds, overwrites and removes tags', async () => {
      const { WorkloadId, WorkloadArn } = await newWorkload();
      expect((await client.send(new ListTagsForResourceCommand({ WorkloadArn }))).Tags ?? {}).toEqual({});
      await client.send(new TagResourceCommand({ WorkloadArn, Tags: { alpha: '1', beta: '2', gamma: '3', 'with space': 'v a l' } }));
      expect((await client.send(new ListTagsForResourceCommand({ WorkloadArn }))).Tags).toEqual({ alpha: '1', beta: '2', gamma: '3', 'with space': 'v a l' });
      await client.send(new TagResourceCommand({ WorkloadArn, Tags: { alpha: 'one', Alpha: 'case matters' } }));
      expect((await client.send(new ListTagsForResourceCommand({ WorkloadArn }))).Tags).toEqual({
        alpha: 'one',
        Alpha: 'case matters',
        beta: '2',
        gamma: '3',
        'with space': 'v a l',
      });
      // Two keys in one call: the SDK repeats tagKeys in the query string.
      await client.send(new UntagResourceCommand({ WorkloadArn, TagKeys: ['alpha', 'with space', 'not-there'] }));
      expect((await client.send(new ListTagsForResourceCommand({ WorkloadArn }))).Tags).toEqual({ Alpha: 'case matters', beta: '2', gamma: '3' });
      expect((await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.Tags).toEqual({ Alpha: 'case matters', beta: '2', gamma: '3' });
    });

    it('refuses reserved keys and more than 50 tags, changing nothing', async () => {
      const { WorkloadArn } = await newWorkload({ Tags: { keep: 'me' } });
      const tags = async () => (await client.send(new ListTagsForResourceCommand({ WorkloadArn }))).Tags;
      for (const key of ['aws:owner', 'AWS:owner', 'Aws:Owner']) {
        const error = await expectError(client.send(new TagResourceCommand({ WorkloadArn, Tags: { fine: 'x', [key]: 'y' } })), 'ValidationException');
        expect(error.message).toContain(key);
      }
      const many = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, String(i)]));
      await expectError(client.send(new TagResourceCommand({ WorkloadArn, Tags: many(51, 'k') })), 'ValidationException');
      expect(await tags()).toEqual({ keep: 'me' });
      await client.send(new TagResourceCommand({ WorkloadArn, Tags: many(30, 'a') }));
      // 1 + 30 + 20 = 51 tags in all.
      const error = await expectError(client.send(new TagResourceCommand({ WorkloadArn, Tags: many(20, 'b') })), 'ValidationException');
      expect(error.message).toMatch(/50/);
      expect(Object.keys((await tags()) ?? {})).toHaveLength(31);
      await client.send(new TagResourceCommand({ WorkloadArn, Tags: many(19, 'b') }));
      expect(Object.keys((await tags()) ?? {})).toHaveLength(50);
      await expectError(client.send(new TagResourceCommand({ WorkloadArn, Tags: { 'bad#key': 'x' } })), 'ValidationException');
    });

    it('tags a new workload all or nothing', async () => {
      const count = async () => {
        let n = 0;
        let NextToken: string | undefined;
        do {
          const page = await client.send(new ListWorkloadsCommand({ NextToken }));
          n += page.WorkloadSummaries?.length ?? 0;
          NextToken = page.NextToken;
        } while (NextToken);
        return n;
      };
      const before = await count();
      const input = (Tags: Record<string, string>): CreateWorkloadCommandInput => ({
        WorkloadName: 'Tagged on creation',
        Description: 'Tagged on creation',
        Environment: 'PRODUCTION',
        Lenses: ['wellarchitected'],
        Tags,
      });
      await expectError(client.send(new CreateWorkloadCommand(input({ fine: 'x', 'aws:bad': 'y' }))), 'ValidationException');
      await expectError(client.send(new CreateWorkloadCommand(input({ fine: 'x', 'bad#key': 'y' }))), 'ValidationException');
      await expectError(
        client.send(new CreateWorkloadCommand(input(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))))),
        'ValidationException',
      );
      expect(await count()).toBe(before);
      expect((await client.send(new ListWorkloadsCommand({ WorkloadNamePrefix: 'Tagged on creation' }))).WorkloadSummaries).toEqual([]);
      const created = await client.send(new CreateWorkloadCommand(input({ fine: 'x', owner: 'team-a' })));
      expect((await client.send(new ListTagsForResourceCommand({ WorkloadArn: created.WorkloadArn }))).Tags).toEqual({ fine: 'x', owner: 'team-a' });
      expect(await count()).toBe(before + 1);
    });

    it('answers ResourceNotFoundException for ARNs of no taggable resource', async () => {
      const missing = workloadArn(TEST_REGION, TEST_ACCOUNT, randomBytes(16).toString('hex'));
      const { WorkloadId, WorkloadArn: deletedArn } = await newWorkload();
      await client.send(new DeleteWorkloadCommand({ WorkloadId }));
      const arns = [
        missing,
        deletedArn,
        workloadArn(TEST_REGION, '999988887777', WorkloadId),
        `arn:aws:wellarchitected:${TEST_REGION}:${TEST_ACCOUNT}:lens/${WorkloadId}`,
        'not-an-arn',
      ];
      for (const WorkloadArn of arns) {
        for (const call of [
          () => client.send(new ListTagsForResourceCommand({ WorkloadArn })),
          () => client.send(new TagResourceCommand({ WorkloadArn, Tags: { a: 'b' } })),
          () => client.send(new UntagResourceCommand({ WorkloadArn, TagKeys: ['a'] })),
        ]) {
          const error = await expectError(call(), 'ResourceNotFoundException');
          // The ARN as given, or (for a well-formed workload ARN) the workload id in it.
          expect([WorkloadArn, WorkloadArn.split('/').pop()]).toContain(error.ResourceId);
          expect(['WORKLOAD', 'LENS', 'RESOURCE']).toContain(error.ResourceType);
        }
      }
    });
  });
});
