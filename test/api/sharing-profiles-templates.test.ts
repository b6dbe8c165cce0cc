import { randomBytes } from 'node:crypto';
import {
  AssociateProfilesCommand,
  CreateProfileCommand,
  CreateProfileShareCommand,
  CreateReviewTemplateCommand,
  CreateTemplateShareCommand,
  CreateWorkloadCommand,
  DeleteProfileShareCommand,
  DeleteTemplateShareCommand,
  GetProfileCommand,
  GetReviewTemplateCommand,
  GetWorkloadCommand,
  ListProfilesCommand,
  ListProfileSharesCommand,
  ListReviewTemplatesCommand,
  ListShareInvitationsCommand,
  ListTemplateSharesCommand,
  UpdateProfileCommand,
  UpdateShareInvitationCommand,
  type ShareResourceType,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_SHARES } from '../../src/services/shares/rules';
import { createAccount, createUser, defaultRoot, onServerClock, startServerWithAccounts, type Actor } from '../support/accounts';
import { expectError, expectFieldErrors } from '../support/api-errors';
import { TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * Profile and review template sharing through the official SDK: read-only
 * shares with accounts and users, invitations of type PROFILE and TEMPLATE,
 * what a recipient may list and use, who manages shares, and the quota.
 */

const token = () => randomBytes(8).toString('hex');
const QUESTIONS = [
  { QuestionId: 'business_goals', SelectedChoiceIds: ['goal_availability'] },
  { QuestionId: 'criticality', SelectedChoiceIds: ['criticality_supporting'] },
  { QuestionId: 'regulation', SelectedChoiceIds: ['regulation_none'] },
  { QuestionId: 'lifecycle_stage', SelectedChoiceIds: ['stage_retiring'] },
  { QuestionId: 'traffic_pattern', SelectedChoiceIds: ['traffic_steady'] },
];

describe.each(storeKinds())('profile and template sharing (%s)', (kind) => {
  let server: TestServer;
  let owner: Actor;
  let account: Actor;
  let user: Actor;
  let stranger: Actor;
  let n = 0;

  const createProfile = async () =>
    (await owner.client.send(new CreateProfileCommand({ ProfileName: `Shared profile ${++n}`, ProfileDescription: 'Shared', ProfileQuestions: QUESTIONS, ClientRequestToken: token() })))
      .ProfileArn!;
  const createTemplate = async () =>
    (
      await owner.client.send(
        new CreateReviewTemplateCommand({ TemplateName: `Shared template ${++n}`, Description: 'Shared', Lenses: ['wellarchitected'], ClientRequestToken: token() }),
      )
    ).TemplateArn!;
  const shareProfile = async (ProfileArn: string, SharedWith: string) =>
    (await owner.client.send(new CreateProfileShareCommand({ ProfileArn, SharedWith, ClientRequestToken: token() }))).ShareId!;
  const shareTemplate = async (TemplateArn: string, SharedWith: string) =>
    (await owner.client.send(new CreateTemplateShareCommand({ TemplateArn, SharedWith, ClientRequestToken: token() }))).ShareId!;
  const invitation = async (invitee: Actor, type: ShareResourceType, arn: string) => {
    const { ShareInvitationSummaries = [] } = await invitee.client.send(new ListShareInvitationsCommand({ ShareResourceType: type }));
    return ShareInvitationSummaries.find((i) => (type === 'PROFILE' ? i.ProfileArn : i.TemplateArn) === arn);
  };
  const answer = async (invitee: Actor, type: ShareResourceType, arn: string, action: 'ACCEPT' | 'REJECT') => {
    const found = await invitation(invitee, type, arn);
    expect(found, `no ${type} invitation for ${invitee.sharedWith}`).toBeDefined();
    return invitee.client.send(new UpdateShareInvitationCommand({ ShareInvitationId: found!.ShareInvitationId, ShareInvitationAction: action }));
  };
  const sharedProfileArns = async (actor: Actor) =>
    ((await actor.client.send(new ListProfilesCommand({ ProfileOwnerType: 'SHARED' }))).ProfileSummaries ?? []).map((p) => p.ProfileArn);
  const templateArns = async (actor: Actor) => ((await actor.client.send(new ListReviewTemplatesCommand({}))).ReviewTemplates ?? []).map((t) => t.TemplateArn);
  const createWorkload = async (actor: Actor, extra: Record<string, unknown>) =>
    (
      await actor.client.send(
        new CreateWorkloadCommand({
          WorkloadName: `Recipient workload ${++n}`,
          Description: 'From a shared resource',
          Environment: 'PRODUCTION',
          Lenses: ['wellarchitected'],
          AwsRegions: [TEST_REGION],
          ClientRequestToken: token(),
          ...extra,
        }),
      )
    ).WorkloadId!;

  beforeAll(async () => {
    server = await startServerWithAccounts(kind);
    owner = defaultRoot(server);
    account = await createAccount(server, '778800000001');
    const usersAccount = await createAccount(server, '778800000002');
    user = await createUser(server, usersAccount.accountId, 'pat');
    stranger = await createAccount(server, '778800000003');
  });
  afterAll(() => server?.close());

  it('shares a profile read-only: invitation, acceptance, SHARED listing and use on workloads', async () => {
    const ProfileArn = await createProfile();
    const ShareId = await shareProfile(ProfileArn, account.sharedWith);
    await shareProfile(ProfileArn, user.sharedWith);

    const invited = await invitation(account, 'PROFILE', ProfileArn);
    expect(invited).toMatchObject({ ShareResourceType: 'PROFILE', PermissionType: 'READONLY', SharedBy: owner.accountId, ProfileName: expect.stringMatching(/^Shared profile/) });
    expect(await invitation(account, 'TEMPLATE', ProfileArn)).toBeUndefined();
    expect(await sharedProfileArns(account)).not.toContain(ProfileArn);
    await expectError(account.client.send(new GetProfileCommand({ ProfileArn })), 'ResourceNotFoundException');

    const accepted = await answer(account, 'PROFILE', ProfileArn, 'ACCEPT');
    expect(accepted.ShareInvitation).toMatchObject({ ShareResourceType: 'PROFILE', ProfileArn });
    const { ProfileShareSummaries = [] } = await owner.client.send(new ListProfileSharesCommand({ ProfileArn, Status: 'ACCEPTED' }));
    expect(ProfileShareSummaries.map((s) => s.ShareId)).toEqual([ShareId]);

    expect(await sharedProfileArns(account)).toContain(ProfileArn);
    const self = (await account.client.send(new ListProfilesCommand({ ProfileOwnerType: 'SELF' }))).ProfileSummaries ?? [];
    expect(self.map((p) => p.ProfileArn)).not.toContain(ProfileArn);
    expect((await account.client.send(new GetProfileCommand({ ProfileArn }))).Profile?.Owner).toBe(owner.accountId);

    const created = await createWorkload(account, { ProfileArns: [ProfileArn] });
    expect((await account.client.send(new GetWorkloadCommand({ WorkloadId: created }))).Workload?.Profiles?.map((p) => p.ProfileArn)).toEqual([ProfileArn]);
    const associated = await createWorkload(account, {});
    await account.client.send(new AssociateProfilesCommand({ WorkloadId: associated, ProfileArns: [ProfileArn] }));
    expect((await account.client.send(new GetWorkloadCommand({ WorkloadId: associated }))).Workload?.Profiles?.map((p) => p.ProfileArn)).toEqual([ProfileArn]);

    // Read-only: the recipient cannot change the profile or its shares.
    await expectError(account.client.send(new UpdateProfileCommand({ ProfileArn, ProfileDescription: 'Mine now' })), 'ResourceNotFoundException');
    await expectError(account.client.send(new ListProfileSharesCommand({ ProfileArn })), 'ResourceNotFoundException');
    await expectError(account.client.send(new DeleteProfileShareCommand({ ProfileArn, ShareId, ClientRequestToken: token() })), 'ResourceNotFoundException');

    // The user's pending invitation is its own; rejecting it leaves it without the profile.
    await answer(user, 'PROFILE', ProfileArn, 'REJECT');
    expect(await sharedProfileArns(user)).not.toContain(ProfileArn);
    await expectError(createWorkload(user, { ProfileArns: [ProfileArn] }), 'ResourceNotFoundException');

    // Deleting the share ends the recipient's access.
    await owner.client.send(new DeleteProfileShareCommand({ ProfileArn, ShareId, ClientRequestToken: token() }));
    expect(await sharedProfileArns(account)).not.toContain(ProfileArn);
    await expectError(createWorkload(account, { ProfileArns: [ProfileArn] }), 'ResourceNotFoundException');
  });

  it('shares a review template read-only: invitation, acceptance, listing and workloads from it', async () => {
    const TemplateArn = await createTemplate();
    const ShareId = await shareTemplate(TemplateArn, account.sharedWith);
    await shareTemplate(TemplateArn, user.sharedWith);

    expect(await invitation(account, 'TEMPLATE', TemplateArn)).toMatchObject({ ShareResourceType: 'TEMPLATE', PermissionType: 'READONLY', TemplateName: expect.stringMatching(/^Shared template/) });
    const named = await account.client.send(new ListShareInvitationsCommand({ TemplateNamePrefix: 'no such' }));
    expect((named.ShareInvitationSummaries ?? []).map((i) => i.TemplateArn)).not.toContain(TemplateArn);
    expect(await templateArns(account)).not.toContain(TemplateArn);
    await expectError(createWorkload(account, { ReviewTemplateArns: [TemplateArn] }), 'ResourceNotFoundException');

    const accepted = await answer(account, 'TEMPLATE', TemplateArn, 'ACCEPT');
    expect(accepted.ShareInvitation).toMatchObject({ ShareResourceType: 'TEMPLATE', TemplateArn });
    const listed = await owner.client.send(new ListTemplateSharesCommand({ TemplateArn }));
    expect(listed.TemplateArn).toBe(TemplateArn);
    expect(listed.TemplateShareSummaries?.find((s) => s.ShareId === ShareId)?.Status).toBe('ACCEPTED');

    expect(await templateArns(account)).toContain(TemplateArn);
    expect((await account.client.send(new GetReviewTemplateCommand({ TemplateArn }))).ReviewTemplate?.Owner).toBe(owner.accountId);
    const WorkloadId = await createWorkload(account, { ReviewTemplateArns: [TemplateArn] });
    expect((await account.client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.Lenses).toContain('wellarchitected');

    await expectError(account.client.send(new ListTemplateSharesCommand({ TemplateArn })), 'ResourceNotFoundException');
    await expectError(account.client.send(new DeleteTemplateShareCommand({ TemplateArn, ShareId, ClientRequestToken: token() })), 'ResourceNotFoundException');
    await expectError(stranger.client.send(new GetReviewTemplateCommand({ TemplateArn })), 'ResourceNotFoundException');

    await answer(user, 'TEMPLATE', TemplateArn, 'REJECT');
    expect(await templateArns(user)).not.toContain(TemplateArn);
  });

  it('expires a profile or template invitation left pending for more than seven days', async () => {
    const ProfileArn = await createProfile();
    const TemplateArn = await createTemplate();
    const invitee = await createAccount(server, '778800000004');
    await shareProfile(ProfileArn, invitee.sharedWith);
    await shareTemplate(TemplateArn, invitee.sharedWith);
    const pending = (await invitation(invitee, 'TEMPLATE', TemplateArn))!;
    server.clock.offsetMs = 7 * 24 * 60 * 60 * 1000 + 60_000;
    try {
      const later = () => ({ ...invitee, client: onServerClock(server, invitee) });
      expect(await invitation(later(), 'PROFILE', ProfileArn)).toBeUndefined();
      await expectError(
        later().client.send(new UpdateShareInvitationCommand({ ShareInvitationId: pending.ShareInvitationId, ShareInvitationAction: 'ACCEPT' })),
        'ConflictException',
      );
      const shares = await onServerClock(server, owner).send(new ListProfileSharesCommand({ ProfileArn }));
      expect(shares.ProfileShareSummaries?.map((s) => s.Status)).toEqual(['EXPIRED']);
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('shares with accounts and users only, once each, at most 20 times a template', async () => {
    const TemplateArn = await createTemplate();
    await expectFieldErrors(owner.client.send(new CreateTemplateShareCommand({ TemplateArn, SharedWith: 'o-aaaaaaaaaa01', ClientRequestToken: token() })), [['SharedWith', /accounts and IAM users only/]]);
    await expectFieldErrors(owner.client.send(new CreateTemplateShareCommand({ TemplateArn, SharedWith: owner.accountId, ClientRequestToken: token() })), [['SharedWith', /own account/]]);
    for (let i = 0; i < MAX_TEMPLATE_SHARES; i++) await shareTemplate(TemplateArn, `3333000000${String(i).padStart(2, '0')}`);
    await expectError(shareTemplate(TemplateArn, '333300000000'), 'ConflictException');
    await expectError(shareTemplate(TemplateArn, '333300000099'), 'ServiceQuotaExceededException');
    expect(MAX_TEMPLATE_SHARES).toBe(20);

    const ProfileArn = await createProfile();
    await shareProfile(ProfileArn, account.sharedWith);
    await expectError(shareProfile(ProfileArn, account.sharedWith), 'ConflictException');
    await expectError(stranger.client.send(new CreateProfileShareCommand({ ProfileArn, SharedWith: user.sharedWith, ClientRequestToken: token() })), 'ResourceNotFoundException');
  });
});
