import { randomBytes } from 'node:crypto';
import {
  CreateLensShareCommand,
  CreateLensVersionCommand,
  CreateProfileCommand,
  CreateProfileShareCommand,
  CreateReviewTemplateCommand,
  CreateTemplateShareCommand,
  CreateWorkloadCommand,
  CreateWorkloadShareCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  GetLensReviewReportCommand,
  GetWorkloadCommand,
  ImportLensCommand,
  ListAnswersCommand,
  ListLensReviewImprovementsCommand,
  ListShareInvitationsCommand,
  UpdateAnswerCommand,
  UpdateLensReviewCommand,
  UpdateShareInvitationCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, defaultRoot, startServerWithAccounts, type Actor } from '../support/accounts';
import { expectError } from '../support/api-errors';
import { smallLens } from '../support/lens-files';
import type { TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * What ../shared/reference/aws-behaviour.md says the hosted service does and programs
 * written against it rely on, through the official SDK: the errors they catch about lens
 * reviews (item 14) and accepting a share by the id CreateXShare returned (item 15).
 */

const token = () => randomBytes(8).toString('hex');
const PROFILE_QUESTIONS = [
  { QuestionId: 'business_goals', SelectedChoiceIds: ['goal_availability'] },
  { QuestionId: 'criticality', SelectedChoiceIds: ['criticality_supporting'] },
  { QuestionId: 'regulation', SelectedChoiceIds: ['regulation_none'] },
  { QuestionId: 'lifecycle_stage', SelectedChoiceIds: ['stage_retiring'] },
  { QuestionId: 'traffic_pattern', SelectedChoiceIds: ['traffic_steady'] },
];

describe.each(storeKinds())('hosted behaviour on %s', (kind) => {
  let server: TestServer;
  let owner: Actor;
  let recipient: Actor;
  let client: WellArchitectedClient;
  let n = 0;
  beforeAll(async () => {
    server = await startServerWithAccounts(kind);
    owner = defaultRoot(server);
    client = owner.client;
    recipient = await createAccount(server, '444455556666');
  });
  afterAll(() => server?.close());

  const newWorkload = async (Lenses = ['wellarchitected']) =>
    (await client.send(new CreateWorkloadCommand({ WorkloadName: `Hosted ${++n}`, Description: 'Hosted behaviour', Environment: 'PRODUCTION', Lenses }))).WorkloadId!;
  const publishedLens = async (name: string) => {
    const { LensArn } = await client.send(new ImportLensCommand({ JSONString: smallLens(name), ClientRequestToken: token() }));
    await client.send(new CreateLensVersionCommand({ LensAlias: LensArn!, LensVersion: '1.0', ClientRequestToken: token() }));
    return LensArn!;
  };

  describe('a lens alias not applied to the workload (item 14)', () => {
    it('is a ValidationException "No lens review for lens alias" on every operation that names a lens review', async () => {
      const WorkloadId = await newWorkload();
      const lensArn = await publishedLens(`Not applied ${kind}`);
      for (const LensAlias of ['serverless', lensArn]) {
        const calls: Array<[string, () => Promise<unknown>]> = [
          ['GetLensReview', () => client.send(new GetLensReviewCommand({ WorkloadId, LensAlias }))],
          ['UpdateLensReview', () => client.send(new UpdateLensReviewCommand({ WorkloadId, LensAlias, LensNotes: 'notes' }))],
          ['GetLensReviewReport', () => client.send(new GetLensReviewReportCommand({ WorkloadId, LensAlias }))],
          ['ListLensReviewImprovements', () => client.send(new ListLensReviewImprovementsCommand({ WorkloadId, LensAlias }))],
          ['ListAnswers', () => client.send(new ListAnswersCommand({ WorkloadId, LensAlias }))],
          ['GetAnswer', () => client.send(new GetAnswerCommand({ WorkloadId, LensAlias, QuestionId: 'q_one' }))],
          ['UpdateAnswer', () => client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias, QuestionId: 'q_one', SelectedChoices: [] }))],
        ];
        for (const [operation, call] of calls) {
          const error = await expectError(call(), 'ValidationException');
          expect(error.message, `${operation} ${LensAlias}`).toContain(`No lens review for lens alias ${LensAlias}`);
        }
      }
    });
  });

  describe("a share's invitation has the share's id (item 15)", () => {
    const acceptById = async (ShareId: string) => {
      const listed = (await recipient.client.send(new ListShareInvitationsCommand({}))).ShareInvitationSummaries ?? [];
      expect(listed.map((i) => i.ShareInvitationId)).toContain(ShareId);
      const { ShareInvitation } = await recipient.client.send(new UpdateShareInvitationCommand({ ShareInvitationId: ShareId, ShareInvitationAction: 'ACCEPT' }));
      expect(ShareInvitation?.ShareInvitationId).toBe(ShareId);
      return ShareInvitation!;
    };

    it('for workloads', async () => {
      const WorkloadId = await newWorkload();
      const { ShareId } = await client.send(new CreateWorkloadShareCommand({ WorkloadId, SharedWith: recipient.accountId, PermissionType: 'READONLY' }));
      expect((await acceptById(ShareId!)).WorkloadId).toBe(WorkloadId);
      const { Workload } = await recipient.client.send(new GetWorkloadCommand({ WorkloadId }));
      expect(Workload?.ShareInvitationId).toBe(ShareId);
    });

    it('for lenses', async () => {
      const LensAlias = await publishedLens(`Shared by id ${kind}`);
      const { ShareId } = await client.send(new CreateLensShareCommand({ LensAlias, SharedWith: recipient.accountId, ClientRequestToken: token() }));
      expect((await acceptById(ShareId!)).LensArn).toBe(LensAlias);
    });

    it('for profiles', async () => {
      const { ProfileArn } = await client.send(
        new CreateProfileCommand({ ProfileName: `Shared by id ${++n}`, ProfileDescription: 'Shared', ProfileQuestions: PROFILE_QUESTIONS, ClientRequestToken: token() }),
      );
      const { ShareId } = await client.send(new CreateProfileShareCommand({ ProfileArn, SharedWith: recipient.accountId, ClientRequestToken: token() }));
      expect((await acceptById(ShareId!)).ProfileArn).toBe(ProfileArn);
    });

    it('for review templates', async () => {
      const { TemplateArn } = await client.send(
        new CreateReviewTemplateCommand({ TemplateName: `Shared by id ${++n}`, Description: 'Shared', Lenses: ['wellarchitected'], ClientRequestToken: token() }),
      );
      const { ShareId } = await client.send(new CreateTemplateShareCommand({ TemplateArn, SharedWith: recipient.accountId, ClientRequestToken: token() }));
      expect((await acceptById(ShareId!)).TemplateArn).toBe(TemplateArn);
    });
  });
});
