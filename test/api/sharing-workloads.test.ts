import { randomBytes } from 'node:crypto';
import {
  AssociateLensesCommand,
  CreateMilestoneCommand,
  CreateWorkloadCommand,
  CreateWorkloadShareCommand,
  DeleteWorkloadCommand,
  DeleteWorkloadShareCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  GetLensReviewReportCommand,
  GetMilestoneCommand,
  GetWorkloadCommand,
  ListAnswersCommand,
  ListLensReviewImprovementsCommand,
  ListLensReviewsCommand,
  ListMilestonesCommand,
  ListTagsForResourceCommand,
  ListWorkloadSharesCommand,
  ListWorkloadsCommand,
  TagResourceCommand,
  UpdateAnswerCommand,
  UpdateLensReviewCommand,
  UpdateGlobalSettingsCommand,
  UpdateShareInvitationCommand,
  UpdateWorkloadCommand,
  UpdateWorkloadShareCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createUser, defaultRoot, startServerWithAccounts, type Actor } from '../support/accounts';
import { expectError, expectFieldErrors } from '../support/api-errors';
import { TEST_ACCOUNT, type TestServer } from '../support/server';
import { collectPages } from '../support/paging';
import { accept, invitationOf, shareWorkload } from '../support/shares';
import { storeKinds } from '../support/stores';

/**
 * Workload sharing through the official SDK with several accounts and users:
 * every operation against the owner, a read-only recipient, a contributor, a
 * user whose own share decides over its account's, a pending invitee and a
 * stranger; what denied principals are told; creating, modifying and deleting
 * shares; a recipient giving a share up.
 */

const LENS = 'wellarchitected';
const QUESTION = 'priorities';
const CHOICE = 'ops_priorities_ext_cust_needs';
const SECRET_NAME = 'Payroll Confidential';

type Outcome = 'ok' | 'denied' | 'hidden';

async function outcomeOf(call: Promise<unknown>): Promise<{ outcome: Outcome; message?: string }> {
  try {
    await call;
    return { outcome: 'ok' };
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    if (e.name === 'AccessDeniedException' && e.$metadata?.httpStatusCode === 403) return { outcome: 'denied', message: e.message };
    if (e.name === 'ResourceNotFoundException' && e.$metadata?.httpStatusCode === 404) return { outcome: 'hidden', message: e.message };
    throw error;
  }
}

describe.each(storeKinds())('workload sharing (%s)', (kind) => {
  let server: TestServer;
  let owner: Actor;
  let reader: Actor;
  let contributor: Actor;
  let dana: Actor; // a user with her own CONTRIBUTOR share, in an account shared READONLY
  let dave: Actor; // a user of the same account, with the account's READONLY share only
  let invitee: Actor; // invited, never accepted
  let stranger: Actor;
  let WorkloadId: string;
  let n = 0;
  const newWorkload = async (name = `Shared ${n++} ${randomBytes(3).toString('hex')}`) =>
    (await owner.client.send(new CreateWorkloadCommand({ WorkloadName: name, Description: 'Secret plans', Environment: 'PRODUCTION', Lenses: [LENS] })))
      .WorkloadId!;

  beforeAll(async () => {
    server = await startServerWithAccounts(kind);
    owner = defaultRoot(server);
    reader = await createAccount(server, '222200000001');
    contributor = await createAccount(server, '222200000002');
    const shared = await createAccount(server, '222200000003');
    dana = await createUser(server, shared.accountId, 'dana');
    dave = await createUser(server, shared.accountId, 'dave');
    invitee = await createAccount(server, '222200000004');
    stranger = await createAccount(server, '222200000005');
    WorkloadId = await newWorkload(SECRET_NAME);
    await owner.client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: LENS, QuestionId: QUESTION, SelectedChoices: [CHOICE] }));
    await owner.client.send(new CreateMilestoneCommand({ WorkloadId, MilestoneName: 'first' }));
    await shareWorkload(owner, WorkloadId, reader, 'READONLY');
    await accept(reader, WorkloadId);
    await shareWorkload(owner, WorkloadId, contributor, 'CONTRIBUTOR');
    await accept(contributor, WorkloadId);
    await shareWorkload(owner, WorkloadId, shared, 'READONLY');
    await accept(shared, WorkloadId);
    await shareWorkload(owner, WorkloadId, dana, 'CONTRIBUTOR');
    await accept(dana, WorkloadId);
    await shareWorkload(owner, WorkloadId, invitee, 'CONTRIBUTOR');
  });
  afterAll(async () => server?.close());

  const actors = () => ({ owner, reader, contributor, dana, dave, invitee, stranger });
  const READ: Record<string, Outcome> = { owner: 'ok', reader: 'ok', contributor: 'ok', dana: 'ok', dave: 'ok', invitee: 'hidden', stranger: 'hidden' };
  const CONTRIBUTE: Record<string, Outcome> = { ...READ, reader: 'denied', dave: 'denied' };
  const OWN: Record<string, Outcome> = { ...READ, reader: 'denied', contributor: 'denied', dana: 'denied', dave: 'denied' };

  const matrix: Array<[string, Record<string, Outcome>, (c: WellArchitectedClient, id: string) => Promise<unknown>]> = [
    ['GetWorkload', READ, (c, id) => c.send(new GetWorkloadCommand({ WorkloadId: id }))],
    ['ListLensReviews', READ, (c, id) => c.send(new ListLensReviewsCommand({ WorkloadId: id }))],
    ['GetLensReview', READ, (c, id) => c.send(new GetLensReviewCommand({ WorkloadId: id, LensAlias: LENS }))],
    ['ListAnswers', READ, (c, id) => c.send(new ListAnswersCommand({ WorkloadId: id, LensAlias: LENS }))],
    ['GetAnswer', READ, (c, id) => c.send(new GetAnswerCommand({ WorkloadId: id, LensAlias: LENS, QuestionId: QUESTION }))],
    ['ListLensReviewImprovements', READ, (c, id) => c.send(new ListLensReviewImprovementsCommand({ WorkloadId: id, LensAlias: LENS }))],
    ['GetLensReviewReport', READ, (c, id) => c.send(new GetLensReviewReportCommand({ WorkloadId: id, LensAlias: LENS }))],
    ['ListMilestones', READ, (c, id) => c.send(new ListMilestonesCommand({ WorkloadId: id }))],
    ['GetMilestone', READ, (c, id) => c.send(new GetMilestoneCommand({ WorkloadId: id, MilestoneNumber: 1 }))],
    [
      'UpdateAnswer',
      CONTRIBUTE,
      (c, id) => c.send(new UpdateAnswerCommand({ WorkloadId: id, LensAlias: LENS, QuestionId: QUESTION, SelectedChoices: [CHOICE], Notes: 'noted' })),
    ],
    ['UpdateLensReview', CONTRIBUTE, (c, id) => c.send(new UpdateLensReviewCommand({ WorkloadId: id, LensAlias: LENS, LensNotes: 'lens notes' }))],
    ['UpdateWorkload', OWN, (c, id) => c.send(new UpdateWorkloadCommand({ WorkloadId: id, Description: 'Secret plans' }))],
    ['CreateMilestone', OWN, (c, id) => c.send(new CreateMilestoneCommand({ WorkloadId: id, MilestoneName: `m ${randomBytes(4).toString('hex')}` }))],
    ['AssociateLenses', OWN, (c, id) => c.send(new AssociateLensesCommand({ WorkloadId: id, LensAliases: [LENS] }))],
    ['ListWorkloadShares', OWN, (c, id) => c.send(new ListWorkloadSharesCommand({ WorkloadId: id }))],
    [
      'UpdateWorkloadShare',
      OWN,
      async (c, id) => {
        const shares = (await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId: id, SharedWithPrefix: invitee.sharedWith }))).WorkloadShareSummaries!;
        return c.send(new UpdateWorkloadShareCommand({ WorkloadId: id, ShareId: shares[0].ShareId, PermissionType: 'CONTRIBUTOR' }));
      },
    ],
    ['CreateWorkloadShare', OWN, (c, id) => c.send(new CreateWorkloadShareCommand({ WorkloadId: id, SharedWith: stranger.sharedWith, PermissionType: 'READONLY' }))],
  ];

  it.each(matrix)('%s: allowed exactly as the share says, and a denied principal learns nothing', async (_name, expected, call) => {
    const missing = randomBytes(16).toString('hex');
    for (const [who, actor] of Object.entries(actors())) {
      const { outcome, message } = await outcomeOf(call(actor.client, WorkloadId));
      expect(outcome, `${who}`).toBe(expected[who]);
      if (outcome === 'ok') continue;
      expect(message).not.toContain(SECRET_NAME);
      expect(message).not.toContain(TEST_ACCOUNT);
      if (outcome === 'hidden') {
        // Exactly what a workload that never existed answers.
        const absent = await outcomeOf(call(actor.client, missing));
        expect(absent.outcome).toBe('hidden');
        expect(message).toBe(absent.message!.replace(missing, WorkloadId));
      }
    }
    // The share created by the owner's own run of CreateWorkloadShare is removed again, keeping the matrix as set up.
    const strangerShare = (await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId, SharedWithPrefix: stranger.sharedWith }))).WorkloadShareSummaries;
    for (const s of strangerShare ?? []) await owner.client.send(new DeleteWorkloadShareCommand({ WorkloadId, ShareId: s.ShareId }));
  });

  it('lists the shared workload for its recipients only, with its owner', async () => {
    for (const actor of [reader, contributor, dana, dave]) {
      const { WorkloadSummaries = [] } = await actor.client.send(new ListWorkloadsCommand({}));
      expect(WorkloadSummaries.find((w) => w.WorkloadId === WorkloadId)?.Owner, actor.sharedWith).toBe(TEST_ACCOUNT);
    }
    for (const actor of [invitee, stranger]) {
      const { WorkloadSummaries = [] } = await actor.client.send(new ListWorkloadsCommand({}));
      expect(WorkloadSummaries.map((w) => w.WorkloadId)).not.toContain(WorkloadId);
    }
  });

  it("pages a recipient's own and shared workloads together in name order", async () => {
    const account = await createAccount(server, '555500000006');
    const own = async (name: string) =>
      (await account.client.send(new CreateWorkloadCommand({ WorkloadName: name, Description: 'Own work', Environment: 'PRODUCTION', Lenses: [LENS] })))
        .WorkloadId!;
    const expected: Array<[string, string]> = [];
    for (const name of ['b own', 'd own', 'f own']) expected.push([name, await own(name)]);
    for (const name of ['a shared', 'c shared', 'e shared', 'g shared']) {
      const id = await newWorkload(name);
      await shareWorkload(owner, id, account, 'READONLY');
      await accept(account, id);
      expected.push([name, id]);
    }
    // Invited but not accepted: not listed.
    await shareWorkload(owner, await newWorkload('h pending'), account, 'READONLY');
    const pages = await collectPages(async (NextToken) => {
      const page = await account.client.send(new ListWorkloadsCommand({ MaxResults: 3, NextToken }));
      return { items: page.WorkloadSummaries, NextToken: page.NextToken };
    });
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((w) => [w.WorkloadName, w.WorkloadId])).toEqual(expected.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    const prefixed = await account.client.send(new ListWorkloadsCommand({ WorkloadNamePrefix: 'C SH' }));
    expect(prefixed.WorkloadSummaries?.map((w) => w.Owner)).toEqual([TEST_ACCOUNT]);
  });

  it('creates a share once per ClientRequestToken', async () => {
    const id = await newWorkload();
    const input = { WorkloadId: id, SharedWith: '555500000007', PermissionType: 'READONLY' as const, ClientRequestToken: randomBytes(8).toString('hex') };
    const first = await owner.client.send(new CreateWorkloadShareCommand(input));
    const retry = await owner.client.send(new CreateWorkloadShareCommand(input));
    expect(retry.ShareId).toBe(first.ShareId);
    await expectError(owner.client.send(new CreateWorkloadShareCommand({ ...input, PermissionType: 'CONTRIBUTOR' })), 'ConflictException');
    expect((await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId: id }))).WorkloadShareSummaries).toHaveLength(1);
  });

  it('shows a recipient the invitation its access comes through, and the owner none', async () => {
    const { Workload } = await dana.client.send(new GetWorkloadCommand({ WorkloadId }));
    const danas = (await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId, SharedWithPrefix: dana.sharedWith }))).WorkloadShareSummaries!;
    expect(danas).toHaveLength(1);
    expect(Workload?.ShareInvitationId).toMatch(/^[0-9a-f]{32}$/);
    expect((await dave.client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.ShareInvitationId).not.toBe(Workload?.ShareInvitationId);
    expect((await owner.client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.ShareInvitationId).toBeUndefined();
  });

  it('lets a contributor change answers and their notes, which the owner then sees', async () => {
    await contributor.client.send(
      new UpdateAnswerCommand({ WorkloadId, LensAlias: LENS, QuestionId: QUESTION, SelectedChoices: [CHOICE], Notes: 'from the contributor' }),
    );
    const { Answer } = await owner.client.send(new GetAnswerCommand({ WorkloadId, LensAlias: LENS, QuestionId: QUESTION }));
    expect(Answer?.Notes).toBe('from the contributor');
  });

  it('refuses shares with malformed principals, the own account, another region, organizations, twice, and past 20', async () => {
    const id = await newWorkload();
    const create = (SharedWith: string) => owner.client.send(new CreateWorkloadShareCommand({ WorkloadId: id, SharedWith, PermissionType: 'READONLY' }));
    await expectFieldErrors(create('not-an-account'), [['SharedWith', /12-digit account id or an IAM user ARN/]]);
    await expectFieldErrors(create(TEST_ACCOUNT), [['SharedWith', /own account/]]);
    await expectFieldErrors(create(`arn:aws:iam::${TEST_ACCOUNT}:user/me`), [['SharedWith', /own account/]]);
    await expectFieldErrors(create('arn:aws:iam:eu-west-1:222200000009:user/x'), [['SharedWith', /region eu-west-1/]]);
    // Organization sharing is disabled by default, as on the hosted service; enabled, workloads are still shared with accounts and users only (README).
    await expectFieldErrors(create('o-abcdefghij12'), [['SharedWith', /organization sharing is disabled/]]);
    await owner.client.send(new UpdateGlobalSettingsCommand({ OrganizationSharingStatus: 'ENABLED' }));
    await expectFieldErrors(create('o-abcdefghij12'), [['SharedWith', /not organizations/]]);
    await owner.client.send(new UpdateGlobalSettingsCommand({ OrganizationSharingStatus: 'DISABLED' }));
    const first = await create('333300000000');
    const again = await expectError(create('333300000000'), 'ConflictException');
    expect(again.ResourceId).toBe(first.ShareId);
    for (let i = 1; i < 20; i++) await create(String(333300000000 + i));
    const quota = await expectError(create('333300000020'), 'ServiceQuotaExceededException');
    expect(quota.message).toMatch(/at most 20/);
    const all = await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId: id, MaxResults: 50 }));
    expect(all.WorkloadShareSummaries).toHaveLength(20);
  });

  it('lists shares with SharedWithPrefix and Status filters, page by page', async () => {
    const id = await newWorkload();
    for (let i = 0; i < 5; i++) await shareWorkload(owner, id, String(444400000000 + i), 'READONLY');
    await shareWorkload(owner, id, reader, 'CONTRIBUTOR');
    await accept(reader, id);
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId: id, MaxResults: 2, NextToken }));
      expect(page.WorkloadShareSummaries!.length).toBeLessThanOrEqual(2);
      seen.push(...page.WorkloadShareSummaries!.map((s) => s.SharedWith!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen.sort()).toEqual([...Array.from({ length: 5 }, (_, i) => String(444400000000 + i)), reader.sharedWith].sort());
    const accepted = await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId: id, Status: 'ACCEPTED' }));
    expect(accepted.WorkloadShareSummaries?.map((s) => [s.SharedWith, s.PermissionType])).toEqual([[reader.sharedWith, 'CONTRIBUTOR']]);
    const prefixed = await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId: id, SharedWithPrefix: '4444000000', Status: 'PENDING' }));
    expect(prefixed.WorkloadShareSummaries).toHaveLength(5);
  });

  it("decides a user's access by the user's own share over the account's, and removes it only when both are deleted", async () => {
    const id = await newWorkload();
    const account = await createAccount(server, '555500000001');
    const user = await createUser(server, account.accountId, 'ula');
    const update = (actor: Actor) =>
      outcomeOf(actor.client.send(new UpdateAnswerCommand({ WorkloadId: id, LensAlias: LENS, QuestionId: QUESTION, SelectedChoices: [CHOICE] })));
    const accountShare = await shareWorkload(owner, id, account, 'CONTRIBUTOR');
    await accept(account, id);
    expect((await update(user)).outcome).toBe('ok');
    const userShare = await shareWorkload(owner, id, user, 'READONLY');
    // A pending user share does not decide yet.
    expect((await update(user)).outcome).toBe('ok');
    // The account's root does not see the user's own invitation.
    expect(await invitationOf(account, id, user.sharedWith)).toBeUndefined();
    await accept(user, id);
    expect((await update(user)).outcome).toBe('denied');
    expect((await update(account)).outcome).toBe('ok');
    await owner.client.send(new DeleteWorkloadShareCommand({ WorkloadId: id, ShareId: userShare }));
    expect((await update(user)).outcome).toBe('ok');
    await owner.client.send(new DeleteWorkloadShareCommand({ WorkloadId: id, ShareId: accountShare }));
    expect((await update(user)).outcome).toBe('hidden');
    expect((await outcomeOf(user.client.send(new GetWorkloadCommand({ WorkloadId: id })))).outcome).toBe('hidden');
    const { WorkloadSummaries = [] } = await user.client.send(new ListWorkloadsCommand({}));
    expect(WorkloadSummaries.map((w) => w.WorkloadId)).not.toContain(id);
  });

  it('keeps an accepted share accepted when its permission changes, which applies at once', async () => {
    const id = await newWorkload();
    const account = await createAccount(server, '555500000002');
    const shareId = await shareWorkload(owner, id, account, 'READONLY');
    await accept(account, id);
    const answer = () =>
      outcomeOf(account.client.send(new UpdateAnswerCommand({ WorkloadId: id, LensAlias: LENS, QuestionId: QUESTION, SelectedChoices: [CHOICE] })));
    expect((await answer()).outcome).toBe('denied');
    const { WorkloadShare } = await owner.client.send(new UpdateWorkloadShareCommand({ WorkloadId: id, ShareId: shareId, PermissionType: 'CONTRIBUTOR' }));
    expect(WorkloadShare).toMatchObject({ ShareId: shareId, SharedBy: TEST_ACCOUNT, SharedWith: account.sharedWith, PermissionType: 'CONTRIBUTOR', Status: 'ACCEPTED' });
    expect((await answer()).outcome).toBe('ok');
    await owner.client.send(new UpdateWorkloadShareCommand({ WorkloadId: id, ShareId: shareId, PermissionType: 'READONLY' }));
    expect((await answer()).outcome).toBe('denied');
    await expectError(owner.client.send(new UpdateWorkloadShareCommand({ WorkloadId: id, ShareId: randomBytes(16).toString('hex'), PermissionType: 'READONLY' })), 'ResourceNotFoundException');
  });

  it('lets a recipient give an accepted share up, which the owner sees as rejected', async () => {
    const id = await newWorkload();
    const account = await createAccount(server, '555500000003');
    await shareWorkload(owner, id, account, 'READONLY');
    const invitationId = await accept(account, id);
    expect((await account.client.send(new GetWorkloadCommand({ WorkloadId: id }))).Workload?.ShareInvitationId).toBe(invitationId);
    const { ShareInvitation } = await account.client.send(new UpdateShareInvitationCommand({ ShareInvitationId: invitationId, ShareInvitationAction: 'REJECT' }));
    expect(ShareInvitation).toMatchObject({ ShareInvitationId: invitationId, ShareResourceType: 'WORKLOAD', WorkloadId: id });
    await expectError(account.client.send(new GetWorkloadCommand({ WorkloadId: id })), 'ResourceNotFoundException');
    const { WorkloadShareSummaries } = await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId: id }));
    expect(WorkloadShareSummaries?.[0].Status).toBe('REJECTED');
    await expectError(
      account.client.send(new UpdateShareInvitationCommand({ ShareInvitationId: invitationId, ShareInvitationAction: 'ACCEPT' })),
      'ConflictException',
    );
  });

  it("deletes a workload's shares with it, and only its owner may delete it or tag it", async () => {
    const id = await newWorkload();
    const account = await createAccount(server, '555500000004');
    await shareWorkload(owner, id, account, 'CONTRIBUTOR');
    await accept(account, id);
    const { Workload } = await owner.client.send(new GetWorkloadCommand({ WorkloadId: id }));
    expect((await outcomeOf(account.client.send(new DeleteWorkloadCommand({ WorkloadId: id })))).outcome).toBe('denied');
    expect((await outcomeOf(account.client.send(new TagResourceCommand({ WorkloadArn: Workload!.WorkloadArn, Tags: { a: 'b' } })))).outcome).toBe('denied');
    expect((await outcomeOf(account.client.send(new ListTagsForResourceCommand({ WorkloadArn: Workload!.WorkloadArn })))).outcome).toBe('ok');
    await shareWorkload(owner, id, '555500000005', 'READONLY');
    await owner.client.send(new DeleteWorkloadCommand({ WorkloadId: id }));
    await expectError(account.client.send(new GetWorkloadCommand({ WorkloadId: id })), 'ResourceNotFoundException');
    const pending = await createAccount(server, '555500000005');
    expect(await invitationOf(pending, id, pending.sharedWith)).toBeUndefined();
  });
});
