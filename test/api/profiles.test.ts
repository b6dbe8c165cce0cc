import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  AssociateProfilesCommand,
  CreateProfileCommand,
  CreateWorkloadCommand,
  DeleteProfileCommand,
  DisassociateProfilesCommand,
  GetLensReviewCommand,
  GetProfileCommand,
  GetProfileTemplateCommand,
  GetWorkloadCommand,
  ListAnswersCommand,
  ListLensReviewImprovementsCommand,
  ListLensReviewsCommand,
  ListMilestonesCommand,
  ListProfileNotificationsCommand,
  ListProfilesCommand,
  ListWorkloadsCommand,
  UpdateAnswerCommand,
  UpdateProfileCommand,
  UpgradeProfileVersionCommand,
  type ProfileQuestionUpdate,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileTemplate } from '../../src/domain/profile/profile-template';
import { MAX_PROFILES_PER_ACCOUNT } from '../../src/services/profiles/profiles.service';
import { expectError, expectFieldErrors } from '../support/api-errors';
import { collectPages } from '../support/paging';
import { startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * Profiles through the official SDK: the template, which questions a profile
 * prioritizes and the counts that follow, filters of answers and the
 * improvement plan, versions, upgrades and notifications, and every rule.
 */

const template = JSON.parse(readFileSync(new URL('../../src/profiles/template.json', import.meta.url), 'utf8')) as ProfileTemplate;
const token = () => randomBytes(8).toString('hex');

type Answers = Record<string, string[]>;
const BASE: Answers = {
  business_goals: ['goal_availability'],
  criticality: ['criticality_supporting'],
  regulation: ['regulation_none'],
  lifecycle_stage: ['stage_retiring'],
  traffic_pattern: ['traffic_steady'],
};
const asUpdates = (answers: Answers): ProfileQuestionUpdate[] =>
  Object.entries(answers).map(([QuestionId, SelectedChoiceIds]) => ({ QuestionId, SelectedChoiceIds }));
/** The questions the template maps these answers to, worked out here from the template file. */
const expectedPrioritized = (answers: Answers) =>
  new Set(template.questions.flatMap((q) => q.choices.filter((c) => answers[q.id]?.includes(c.id)).flatMap((c) => c.prioritizes)));

describe.each(storeKinds())('profiles on %s', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let names = 0;
  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
  });
  afterAll(() => server?.close());

  const createProfile = async (answers: Answers = BASE, extra: { Tags?: Record<string, string> } = {}) =>
    (
      await client.send(
        new CreateProfileCommand({
          ProfileName: `Profile ${++names}`,
          ProfileDescription: 'Business context',
          ProfileQuestions: asUpdates(answers),
          ClientRequestToken: token(),
          ...extra,
        }),
      )
    ).ProfileArn!;
  const createWorkload = async (ProfileArns?: string[]) =>
    (
      await client.send(
        new CreateWorkloadCommand({
          WorkloadName: `Profiled workload ${++names}`,
          Description: 'Profiles',
          Environment: 'PRODUCTION',
          Lenses: ['wellarchitected'],
          AwsRegions: [TEST_REGION],
          ProfileArns,
        }),
      )
    ).WorkloadId!;
  const prioritizedAnswers = async (WorkloadId: string) =>
    (
      await collectPages(async (NextToken) => {
        const page = await client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionPriority: 'PRIORITIZED', NextToken }));
        return { items: page.AnswerSummaries, NextToken: page.NextToken };
      })
    ).flat();
  const notifications = async (WorkloadId?: string) =>
    (await client.send(new ListProfileNotificationsCommand({ WorkloadId }))).NotificationSummaries ?? [];

  it('publishes a template whose questions have choices and limits', async () => {
    const { ProfileTemplate } = await client.send(new GetProfileTemplateCommand({}));
    expect(ProfileTemplate?.TemplateQuestions?.map((q) => q.QuestionId)).toEqual(template.questions.map((q) => q.id));
    const criticality = ProfileTemplate?.TemplateQuestions?.find((q) => q.QuestionId === 'criticality');
    expect(criticality).toMatchObject({ MinSelectedChoices: 1, MaxSelectedChoices: 1 });
    expect(criticality?.QuestionChoices?.map((c) => c.ChoiceId)).toContain('criticality_mission');
  });

  it('prioritizes the questions its answers map to, and counts their risks', async () => {
    const arn = await createProfile(BASE, { Tags: { team: 'platform' } });
    const profile = (await client.send(new GetProfileCommand({ ProfileArn: arn }))).Profile!;
    expect(profile).toMatchObject({ ProfileVersion: '1', Owner: TEST_ACCOUNT, Tags: { team: 'platform' } });
    expect(profile.ProfileQuestions?.find((q) => q.QuestionId === 'business_goals')?.SelectedChoiceIds).toEqual(['goal_availability']);

    const WorkloadId = await createWorkload([arn]);
    const expected = expectedPrioritized(BASE);
    expect(expected.has('fault-isolation')).toBe(true);
    expect(expected.has('priorities')).toBe(false);
    await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: 'fault-isolation', SelectedChoices: ['rel_fault_isolation_no'] }));
    await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: ['ops_priorities_no'] }));

    const counts = { UNANSWERED: expected.size - 1, HIGH: 1, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 };
    const workload = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!;
    expect(workload.Profiles).toEqual([{ ProfileArn: arn, ProfileVersion: '1' }]);
    expect(workload.PrioritizedRiskCounts).toEqual(counts);
    expect(workload.RiskCounts?.HIGH).toBe(2);

    const summaries = (await client.send(new ListWorkloadsCommand({ WorkloadNamePrefix: workload.WorkloadName }))).WorkloadSummaries!;
    expect(summaries[0]).toMatchObject({ Profiles: [{ ProfileArn: arn, ProfileVersion: '1' }], PrioritizedRiskCounts: counts });

    const review = (await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected' }))).LensReview!;
    expect(review.PrioritizedRiskCounts).toEqual(counts);
    expect(review.Profiles).toEqual([{ ProfileArn: arn, ProfileVersion: '1' }]);
    const reliability = review.PillarReviewSummaries?.find((p) => p.PillarId === 'reliability');
    expect(reliability?.PrioritizedRiskCounts?.HIGH).toBe(1);
    const operations = review.PillarReviewSummaries?.find((p) => p.PillarId === 'operationalExcellence');
    expect(operations?.PrioritizedRiskCounts?.HIGH).toBe(0);
    expect(operations?.RiskCounts?.HIGH).toBe(1);
    const listed = (await client.send(new ListLensReviewsCommand({ WorkloadId }))).LensReviewSummaries!;
    expect(listed[0].PrioritizedRiskCounts).toEqual(counts);

    const prioritized = await prioritizedAnswers(WorkloadId);
    expect(new Set(prioritized.map((a) => a.QuestionId))).toEqual(expected);
    expect(prioritized.every((a) => a.QuestionType === 'PRIORITIZED')).toBe(true);
    const all = (await client.send(new ListAnswersCommand({ WorkloadId, LensAlias: 'wellarchitected', PillarId: 'operationalExcellence' }))).AnswerSummaries!;
    expect(all.find((a) => a.QuestionId === 'priorities')?.QuestionType).toBe('NON_PRIORITIZED');

    const plan = (await client.send(new ListLensReviewImprovementsCommand({ WorkloadId, LensAlias: 'wellarchitected' }))).ImprovementSummaries!;
    expect(plan.map((i) => i.QuestionId).sort()).toEqual(['fault-isolation', 'priorities']);
    const prioritizedPlan = (
      await client.send(new ListLensReviewImprovementsCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionPriority: 'PRIORITIZED' }))
    ).ImprovementSummaries!;
    expect(prioritizedPlan.map((i) => i.QuestionId)).toEqual(['fault-isolation']);
  });

  it('shows no priorities on a workload without a profile', async () => {
    const WorkloadId = await createWorkload();
    const workload = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!;
    expect(workload.Profiles).toBeUndefined();
    expect(workload.PrioritizedRiskCounts).toBeUndefined();
    expect(await prioritizedAnswers(WorkloadId)).toEqual([]);
  });

  it('makes a version when answers change, notifies workloads on older versions and upgrades them', async () => {
    const arn = await createProfile();
    const WorkloadId = await createWorkload([arn]);
    await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: 'fault-isolation', SelectedChoices: ['rel_fault_isolation_no'] }));

    const described = (await client.send(new UpdateProfileCommand({ ProfileArn: arn, ProfileDescription: 'Only the description' }))).Profile!;
    expect(described).toMatchObject({ ProfileVersion: '1', ProfileDescription: 'Only the description' });
    expect(await notifications(WorkloadId)).toEqual([]);

    const changed = { ...BASE, business_goals: ['goal_cost'] };
    const updated = (await client.send(new UpdateProfileCommand({ ProfileArn: arn, ProfileQuestions: asUpdates({ business_goals: ['goal_cost'] }) }))).Profile!;
    expect(updated.ProfileVersion).toBe('2');
    expect(updated.ProfileQuestions?.find((q) => q.QuestionId === 'traffic_pattern')?.SelectedChoiceIds).toEqual(['traffic_steady']);
    const first = (await client.send(new GetProfileCommand({ ProfileArn: arn, ProfileVersion: '1' }))).Profile!;
    expect(first.ProfileQuestions?.find((q) => q.QuestionId === 'business_goals')?.SelectedChoiceIds).toEqual(['goal_availability']);
    await expectError(client.send(new GetProfileCommand({ ProfileArn: arn, ProfileVersion: '3' })), 'ResourceNotFoundException');

    expect(await notifications(WorkloadId)).toEqual([
      expect.objectContaining({ Type: 'PROFILE_ANSWERS_UPDATED', ProfileArn: arn, CurrentProfileVersion: '1', LatestProfileVersion: '2', WorkloadId }),
    ]);
    // Until it upgrades, the workload keeps the priorities of its version.
    expect((await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.PrioritizedRiskCounts?.HIGH).toBe(1);

    await client.send(new UpgradeProfileVersionCommand({ WorkloadId, ProfileArn: arn, MilestoneName: 'Before profile v2', ClientRequestToken: token() }));
    const upgraded = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!;
    expect(upgraded.Profiles).toEqual([{ ProfileArn: arn, ProfileVersion: '2' }]);
    expect(upgraded.PrioritizedRiskCounts).toEqual({ UNANSWERED: expectedPrioritized(changed).size, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 });
    expect(new Set((await prioritizedAnswers(WorkloadId)).map((a) => a.QuestionId))).toEqual(expectedPrioritized(changed));
    expect((await client.send(new ListMilestonesCommand({ WorkloadId }))).MilestoneSummaries?.map((m) => m.MilestoneName)).toEqual(['Before profile v2']);
    expect(await notifications(WorkloadId)).toEqual([]);
    await expectFieldErrors(client.send(new UpgradeProfileVersionCommand({ WorkloadId, ProfileArn: arn })), [['ProfileArn', /already on the latest version/]]);
  });

  it('tells workloads when their profile is deleted, and lets them remove it', async () => {
    const arn = await createProfile();
    const WorkloadId = await createWorkload([arn]);
    await client.send(new DeleteProfileCommand({ ProfileArn: arn, ClientRequestToken: token() }));
    await expectError(client.send(new GetProfileCommand({ ProfileArn: arn })), 'ResourceNotFoundException');
    expect(await notifications(WorkloadId)).toEqual([
      expect.objectContaining({ Type: 'PROFILE_DELETED', ProfileArn: arn, CurrentProfileVersion: '1', WorkloadId }),
    ]);
    await expectFieldErrors(client.send(new UpgradeProfileVersionCommand({ WorkloadId, ProfileArn: arn })), [['ProfileArn', /was deleted/]]);
    await expectError(client.send(new AssociateProfilesCommand({ WorkloadId: await createWorkload(), ProfileArns: [arn] })), 'ResourceNotFoundException');
    await client.send(new DisassociateProfilesCommand({ WorkloadId, ProfileArns: [arn] }));
    expect(await notifications(WorkloadId)).toEqual([]);
    expect((await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.Profiles).toBeUndefined();
  });

  it('allows one profile per workload', async () => {
    const [a, b] = [await createProfile(), await createProfile()];
    const WorkloadId = await createWorkload();
    await client.send(new AssociateProfilesCommand({ WorkloadId, ProfileArns: [a] }));
    await client.send(new AssociateProfilesCommand({ WorkloadId, ProfileArns: [a] }));
    await expectFieldErrors(client.send(new AssociateProfilesCommand({ WorkloadId, ProfileArns: [b] })), [['ProfileArns', /one profile/]]);
    await expectFieldErrors(client.send(new AssociateProfilesCommand({ WorkloadId, ProfileArns: [a, b] })), [['ProfileArns', /at most 1 profile/]]);
    await expectFieldErrors(client.send(new DisassociateProfilesCommand({ WorkloadId, ProfileArns: [b] })), [['ProfileArns[0]', /not associated/]]);
    await expectError(
      client.send(new CreateWorkloadCommand({ WorkloadName: `Two profiles ${++names}`, Description: 'x', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: [TEST_REGION], ProfileArns: [a, b] })),
      'ValidationException',
    );
    await expectFieldErrors(client.send(new UpgradeProfileVersionCommand({ WorkloadId, ProfileArn: b })), [['ProfileArn', /not associated/]]);
  });

  it('checks names, descriptions, answers and tags', async () => {
    const create = (over: Record<string, unknown>) =>
      client.send(new CreateProfileCommand({ ProfileName: `Valid ${++names}`, ProfileDescription: 'Valid description', ProfileQuestions: asUpdates(BASE), ClientRequestToken: token(), ...over }));
    await expectFieldErrors(create({ ProfileName: 'ab' }), [['ProfileName', /./]]);
    await expectFieldErrors(create({ ProfileName: 'x'.repeat(101) }), [['ProfileName', /./]]);
    await expectFieldErrors(create({ ProfileName: ' a  b ' }), [['ProfileName', /at least 3 characters/]]);
    await expectFieldErrors(create({ ProfileDescription: 'ab' }), [['ProfileDescription', /./]]);
    await expectFieldErrors(create({ ProfileDescription: 'd'.repeat(101) }), [['ProfileDescription', /./]]);
    await expectFieldErrors(create({ Tags: { 'aws:owner': 'me' } }), [[/^Tags/, /reserved/]]);
    await expectFieldErrors(create({ ProfileQuestions: asUpdates({ ...BASE, nope: ['x'] }) }), [['ProfileQuestions[5].QuestionId', /not a question/]]);
    await expectFieldErrors(create({ ProfileQuestions: asUpdates({ ...BASE, criticality: ['bogus'] }) }), [
      ['ProfileQuestions[1].SelectedChoiceIds[0]', /not a choice/],
      ['ProfileQuestions question criticality', /exactly 1/],
    ]);
    await expectFieldErrors(create({ ProfileQuestions: asUpdates({ ...BASE, criticality: ['criticality_mission', 'criticality_important'] }) }), [
      ['ProfileQuestions question criticality', /exactly 1 selected choice/],
    ]);
    await expectFieldErrors(create({ ProfileQuestions: asUpdates({ ...BASE, regulation: ['regulation_none', 'regulation_health'] }) }), [
      ['ProfileQuestions[2].SelectedChoiceIds', /cannot be selected together/],
    ]);
    const { traffic_pattern: _omitted, ...missing } = BASE;
    await expectFieldErrors(create({ ProfileQuestions: asUpdates(missing) }), [['ProfileQuestions question traffic_pattern', /has 0/]]);
    await expectFieldErrors(create({ ProfileQuestions: asUpdates({ ...BASE, business_goals: ['goal_cost', 'goal_trust', 'goal_innovation', 'goal_performance'] }) }), [
      ['ProfileQuestions question business_goals', /1 to 3/],
    ]);

    const arn = await createProfile();
    const { ProfileName } = (await client.send(new GetProfileCommand({ ProfileArn: arn }))).Profile!;
    const clash = await expectError(create({ ProfileName: ProfileName!.toUpperCase().replace(' ', '  ') }), 'ConflictException');
    expect(clash.ResourceId).toBe(arn);
    await expectFieldErrors(client.send(new UpdateProfileCommand({ ProfileArn: arn, ProfileDescription: 'no' })), [['ProfileDescription', /./]]);
    await expectFieldErrors(client.send(new UpdateProfileCommand({ ProfileArn: arn, ProfileQuestions: asUpdates({ criticality: [] }) })), [
      ['ProfileQuestions question criticality', /has 0/],
    ]);
    const other = arn.replace(/profile\/[a-z0-9]+$/, `profile/${'0'.repeat(32)}`);
    await expectError(client.send(new GetProfileCommand({ ProfileArn: other })), 'ResourceNotFoundException');
    await expectError(client.send(new GetProfileCommand({ ProfileArn: 'not-an-arn' })), 'ValidationException');
  });

  it('lists profiles by name prefix, a page at a time', async () => {
    const prefix = `Listing ${randomBytes(3).toString('hex')}`;
    for (let i = 0; i < 3; i++) {
      await client.send(new CreateProfileCommand({ ProfileName: `${prefix} ${i}`, ProfileDescription: 'Listed', ProfileQuestions: asUpdates(BASE), ClientRequestToken: token() }));
    }
    const pages = await collectPages(async (NextToken) => {
      const page = await client.send(new ListProfilesCommand({ ProfileNamePrefix: prefix.toLowerCase(), MaxResults: 2, NextToken }));
      return { items: page.ProfileSummaries, NextToken: page.NextToken };
    });
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat().map((p) => p.ProfileName)).toEqual([`${prefix} 0`, `${prefix} 1`, `${prefix} 2`]);
    expect((await client.send(new ListProfilesCommand({ ProfileOwnerType: 'SHARED' }))).ProfileSummaries).toEqual([]);
  });

  it(`refuses more than ${MAX_PROFILES_PER_ACCOUNT} profiles per account`, async () => {
    const existing = (
      await collectPages(async (NextToken) => {
        const page = await client.send(new ListProfilesCommand({ NextToken }));
        return { items: page.ProfileSummaries, NextToken: page.NextToken };
      })
    ).flat().length;
    for (let i = existing; i < MAX_PROFILES_PER_ACCOUNT; i++) await createProfile();
    const error = await expectError(createProfile(), 'ServiceQuotaExceededException');
    expect(error.QuotaCode).toBe('profiles-per-account');
    // A deleted profile frees its place.
    const [first] = (await client.send(new ListProfilesCommand({ MaxResults: 1 }))).ProfileSummaries!;
    await client.send(new DeleteProfileCommand({ ProfileArn: first.ProfileArn, ClientRequestToken: token() }));
    await createProfile();
  }, 60_000);
});
