import { randomBytes } from 'node:crypto';
import {
  CreateLensVersionCommand,
  CreateWorkloadCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  GetLensVersionDifferenceCommand,
  GetWorkloadCommand,
  ImportLensCommand,
  ListMilestonesCommand,
  ListNotificationsCommand,
  UpdateAnswerCommand,
  UpgradeLensReviewCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putLensReviewOnVersion } from '../../src/services/reviews/upgrade.service';
import { expectError, expectFieldErrors } from '../support/api-errors';
import { lensJson, type PillarSpec } from '../support/lens-files';
import { rootArn } from '../../src/services/principal';
import { ROOT_KEY, startServer, TEST_ACCOUNT, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * Lens versions and upgrades ("Publishing an update to a custom lens", "Lens
 * upgrades", "Notifications"): minor versions applied to workloads at once,
 * major versions offered as LENS_VERSION_UPGRADED notifications, version
 * differences, UpgradeLensReview (milestone first, answers kept, risks
 * recomputed), and the framework lens's 2024-06-27 → 2024-11-06 upgrade.
 */

const token = () => randomBytes(8).toString('hex');
const principal = { accountId: TEST_ACCOUNT, arn: rootArn(TEST_ACCOUNT), accessKeyId: ROOT_KEY.accessKeyId };

const V1: PillarSpec[] = [{ id: 'delivery', questions: [{ id: 'q_deploy' }, { id: 'q_rollback' }, { id: 'q_retire' }] }];
/** Same questions, q_deploy reworded: a minor change. */
const V1_1: PillarSpec[] = [{ id: 'delivery', questions: [{ id: 'q_deploy', title: 'How do you deploy safely?' }, { id: 'q_rollback' }, { id: 'q_retire' }] }];
/** q_retire gone, q_rollback loses its second practice, a new pillar and question. */
const V2: PillarSpec[] = [
  { id: 'delivery', questions: [{ id: 'q_deploy', title: 'How do you deploy safely?' }, { id: 'q_rollback', choices: ['q_rollback_a', 'q_rollback_c'] }] },
  { id: 'operations', questions: [{ id: 'q_observe' }] },
];

describe.each(storeKinds())('lens upgrades on %s', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let workloads = 0;
  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
  });
  afterAll(() => server?.close());

  const importLens = async (JSONString: string, LensAlias?: string) =>
    (await client.send(new ImportLensCommand({ JSONString, LensAlias, ClientRequestToken: token() }))).LensArn!;
  const publish = (LensAlias: string, LensVersion: string, IsMajorVersion: boolean) =>
    client.send(new CreateLensVersionCommand({ LensAlias, LensVersion, IsMajorVersion, ClientRequestToken: token() }));
  const newWorkload = async (Lenses: string[]) =>
    (await client.send(new CreateWorkloadCommand({ WorkloadName: `Upgrade workload ${++workloads}`, Description: 'Upgrades', Environment: 'PRODUCTION', Lenses }))).WorkloadId!;
  const answer = (WorkloadId: string, LensAlias: string, QuestionId: string, SelectedChoices: string[]) =>
    client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias, QuestionId, SelectedChoices }));
  const review = async (WorkloadId: string, LensAlias: string) => (await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias }))).LensReview!;
  const notifications = async (WorkloadId?: string) => (await client.send(new ListNotificationsCommand({ WorkloadId }))).NotificationSummaries ?? [];

  it('applies minor versions at once, offers major versions, and upgrades keeping answers', async () => {
    const arn = await importLens(lensJson('Delivery lens', V1));
    await publish(arn, '1.0', false);
    const WorkloadId = await newWorkload(['wellarchitected', arn]);
    await answer(WorkloadId, arn, 'q_deploy', ['q_deploy_a', 'q_deploy_b']);
    await answer(WorkloadId, arn, 'q_rollback', ['q_rollback_a', 'q_rollback_b']);
    await answer(WorkloadId, arn, 'q_retire', ['q_retire_a']);
    const frameworkHigh = (await review(WorkloadId, 'wellarchitected')).RiskCounts?.HIGH ?? 0;

    await importLens(lensJson('Delivery lens', V1_1), arn);
    await publish(arn, '1.1', false);
    const minor = await review(WorkloadId, arn);
    expect(minor).toMatchObject({ LensVersion: '1.1', LensStatus: 'CURRENT', RiskCounts: { NONE: 2, MEDIUM: 1, UNANSWERED: 0 } });
    expect(await notifications(WorkloadId)).toEqual([]);

    await importLens(lensJson('Delivery lens', V2), arn);
    await publish(arn, '2.0', true);
    const before = await review(WorkloadId, arn);
    expect(before).toMatchObject({ LensVersion: '1.1', LensStatus: 'NOT_CURRENT' });
    const later = await newWorkload(['wellarchitected', arn]);
    expect((await review(later, arn)).LensVersion).toBe('2.0');
    expect(await notifications()).toEqual([
      {
        Type: 'LENS_VERSION_UPGRADED',
        LensUpgradeSummary: expect.objectContaining({ WorkloadId, LensAlias: arn, LensArn: arn, CurrentLensVersion: '1.1', LatestLensVersion: '2.0' }),
      },
    ]);

    const difference = await client.send(new GetLensVersionDifferenceCommand({ LensAlias: arn, BaseLensVersion: '1.1' }));
    expect(difference).toMatchObject({ LensArn: arn, BaseLensVersion: '1.1', TargetLensVersion: '2.0', LatestLensVersion: '2.0' });
    expect(difference.VersionDifferences?.PillarDifferences).toEqual([
      {
        PillarId: 'delivery',
        PillarName: 'Pillar delivery',
        DifferenceStatus: 'UPDATED',
        QuestionDifferences: [
          { QuestionId: 'q_rollback', QuestionTitle: 'How do you handle q_rollback?', DifferenceStatus: 'UPDATED' },
          { QuestionId: 'q_retire', QuestionTitle: 'How do you handle q_retire?', DifferenceStatus: 'DELETED' },
        ],
      },
      {
        PillarId: 'operations',
        PillarName: 'Pillar operations',
        DifferenceStatus: 'NEW',
        QuestionDifferences: [{ QuestionId: 'q_observe', QuestionTitle: 'How do you handle q_observe?', DifferenceStatus: 'NEW' }],
      },
    ]);
    const minorDifference = await client.send(new GetLensVersionDifferenceCommand({ LensAlias: arn, BaseLensVersion: '1.0', TargetLensVersion: '1.1' }));
    expect(minorDifference.VersionDifferences?.PillarDifferences?.[0].QuestionDifferences).toEqual([
      { QuestionId: 'q_deploy', QuestionTitle: 'How do you deploy safely?', DifferenceStatus: 'UPDATED' },
    ]);

    await expectError(client.send(new UpgradeLensReviewCommand({ WorkloadId, LensAlias: arn, MilestoneName: 'ab' })), 'ValidationException');
    await client.send(new UpgradeLensReviewCommand({ WorkloadId, LensAlias: arn, MilestoneName: 'Before delivery lens 2.0' }));
    const after = await review(WorkloadId, arn);
    // q_deploy kept (NONE), q_rollback keeps only q_rollback_a (MEDIUM), q_retire dropped, q_observe new.
    expect(after).toMatchObject({ LensVersion: '2.0', LensStatus: 'CURRENT', RiskCounts: { NONE: 1, MEDIUM: 1, UNANSWERED: 1, HIGH: 0 } });
    const rollback = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: arn, QuestionId: 'q_rollback' }));
    expect(rollback.Answer).toMatchObject({ SelectedChoices: ['q_rollback_a'], Risk: 'MEDIUM' });
    const workload = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!;
    expect(workload.RiskCounts).toMatchObject({ NONE: 1, MEDIUM: 1, HIGH: frameworkHigh });
    const milestones = (await client.send(new ListMilestonesCommand({ WorkloadId }))).MilestoneSummaries ?? [];
    expect(milestones.map((m) => m.MilestoneName)).toEqual(['Before delivery lens 2.0']);
    const saved = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: arn, MilestoneNumber: milestones[0].MilestoneNumber }));
    expect(saved.LensReview).toMatchObject({ LensVersion: '1.1', RiskCounts: { NONE: 2, MEDIUM: 1 } });
    expect(await notifications()).toEqual([]);

    const again = await expectFieldErrors(
      client.send(new UpgradeLensReviewCommand({ WorkloadId, LensAlias: arn, MilestoneName: 'Nothing to upgrade' })),
      [['LensAlias', /no upgrade is available/]],
    );
    expect(again.message).toMatch(/latest version/);
    expect((await client.send(new ListMilestonesCommand({ WorkloadId }))).MilestoneSummaries).toHaveLength(1);
  });

  it('reports the differences between the framework lens versions', async () => {
    const difference = await client.send(
      new GetLensVersionDifferenceCommand({ LensAlias: 'wellarchitected', BaseLensVersion: '2024-06-27', TargetLensVersion: '2024-11-06' }),
    );
    expect(difference).toMatchObject({ LensAlias: 'wellarchitected', LatestLensVersion: '2024-11-06' });
    const questions = difference.VersionDifferences?.PillarDifferences?.flatMap((p) =>
      (p.QuestionDifferences ?? []).map((q) => [p.PillarId, q.QuestionId, q.DifferenceStatus]),
    );
    expect(questions).toEqual([
      ['reliability', 'fault-isolation', 'UPDATED'],
      ['sustainability', 'sus_dev', 'UPDATED'],
    ]);
    await expectError(client.send(new GetLensVersionDifferenceCommand({ LensAlias: 'wellarchitected', BaseLensVersion: '2019-01-01' })), 'ResourceNotFoundException');
    await expectFieldErrors(client.send(new GetLensVersionDifferenceCommand({ LensAlias: 'wellarchitected' })), [['BaseLensVersion', /latest/]]);
  });

  it('upgrades a workload reviewed on wellarchitected 2024-06-27 to 2024-11-06', async () => {
    const WorkloadId = await newWorkload(['wellarchitected']);
    await putLensReviewOnVersion(server.built.services, principal, WorkloadId, 'wellarchitected', '2024-06-27');
    const old = await review(WorkloadId, 'wellarchitected');
    expect(old).toMatchObject({ LensVersion: '2024-06-27', LensStatus: 'NOT_CURRENT' });
    const onOld = await answer(WorkloadId, 'wellarchitected', 'fault-isolation', ['rel_fault_isolation_select_location', 'rel_fault_isolation_multiaz_region_system']);
    expect(onOld.Answer?.SelectedChoices).toContain('rel_fault_isolation_select_location');
    await expectError(answer(WorkloadId, 'wellarchitected', 'sus_dev', ['sus_sus_dev_a1']), 'ValidationException');
    expect(await notifications(WorkloadId)).toEqual([
      {
        Type: 'LENS_VERSION_UPGRADED',
        LensUpgradeSummary: expect.objectContaining({
          WorkloadId,
          LensAlias: 'wellarchitected',
          LensArn: 'arn:aws:wellarchitected::aws:lens/wellarchitected',
          CurrentLensVersion: '2024-06-27',
          LatestLensVersion: '2024-11-06',
        }),
      },
    ]);

    await client.send(new UpgradeLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneName: 'Before 2024-11-06', ClientRequestToken: token() }));
    expect(await review(WorkloadId, 'wellarchitected')).toMatchObject({ LensVersion: '2024-11-06', LensStatus: 'CURRENT' });
    const kept = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: 'fault-isolation' }));
    expect(kept.Answer?.SelectedChoices).toEqual(['rel_fault_isolation_multiaz_region_system']);
    expect(kept.Answer?.Choices?.map((c) => c.ChoiceId)).not.toContain('rel_fault_isolation_select_location');
    const available = await answer(WorkloadId, 'wellarchitected', 'sus_dev', ['sus_sus_dev_a1']);
    expect(available.Answer?.SelectedChoices).toEqual(['sus_sus_dev_a1']);
    expect(await notifications(WorkloadId)).toEqual([]);
    await expectError(
      client.send(new UpgradeLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', MilestoneName: 'Nothing left' })),
      'ValidationException',
    );
  });
});
