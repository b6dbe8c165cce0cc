import { randomBytes } from 'node:crypto';
import {
  AssociateLensesCommand,
  CreateLensShareCommand,
  CreateLensVersionCommand,
  CreateWorkloadCommand,
  DeleteLensCommand,
  DeleteLensShareCommand,
  ExportLensCommand,
  GetLensCommand,
  GetLensReviewCommand,
  ImportLensCommand,
  ListLensesCommand,
  ListLensSharesCommand,
  ListShareInvitationsCommand,
  UpdateGlobalSettingsCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createUser, defaultRoot, startServerWithAccounts, type Actor } from '../support/accounts';
import { expectError, expectFieldErrors } from '../support/api-errors';
import { smallLens } from '../support/lens-files';
import { TEST_ACCOUNT, type TestServer } from '../support/server';
import { accept, invitationOf } from '../support/shares';
import { storeKinds } from '../support/stores';

/**
 * Custom lens sharing through the official SDK: with accounts, users,
 * organizations and OUs; only published custom lenses; who may read, list and
 * apply a shared lens, and who may manage its shares; access that outlives the
 * owner's deletion of the lens until the share itself is deleted.
 */

const ORG = 'o-aaaaaaaaaa01';
const OU = 'ou-bbbb-cccccccc01';
const token = () => randomBytes(8).toString('hex');

type Outcome = 'ok' | 'hidden';

async function outcomeOf(call: Promise<unknown>): Promise<{ outcome: Outcome; message?: string }> {
  try {
    await call;
    return { outcome: 'ok' };
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    if (e.name === 'ResourceNotFoundException' && e.$metadata?.httpStatusCode === 404) return { outcome: 'hidden', message: e.message };
    throw error;
  }
}

describe.each(storeKinds())('lens sharing (%s)', (kind) => {
  let server: TestServer;
  let owner: Actor;
  let account: Actor; // accepted account share
  let user: Actor; // accepted share with the user itself
  let orgMember: Actor; // in the organization the lens is shared with
  let ouMember: Actor; // in the OU the lens is shared with
  let invitee: Actor; // invited, never accepted
  let stranger: Actor; // in another organization
  let LensArn: string;
  let n = 0;

  const importLens = async (name = `Lens ${n++} ${token()}`, publish = true) => {
    const arn = (await owner.client.send(new ImportLensCommand({ JSONString: smallLens(name), ClientRequestToken: token() }))).LensArn!;
    if (publish) await owner.client.send(new CreateLensVersionCommand({ LensAlias: arn, LensVersion: '1.0', ClientRequestToken: token() }));
    return arn;
  };
  const share = async (lens: string, SharedWith: string) =>
    (await owner.client.send(new CreateLensShareCommand({ LensAlias: lens, SharedWith, ClientRequestToken: token() }))).ShareId!;
  const sharedLensArns = async (actor: Actor) =>
    ((await actor.client.send(new ListLensesCommand({ LensType: 'CUSTOM_SHARED' }))).LensSummaries ?? []).map((l) => l.LensArn);

  beforeAll(async () => {
    server = await startServerWithAccounts(kind);
    owner = defaultRoot(server);
    account = await createAccount(server, '777700000001');
    const usersAccount = await createAccount(server, '777700000002');
    user = await createUser(server, usersAccount.accountId, 'uma');
    orgMember = await createAccount(server, '777700000003', { organizationId: ORG });
    ouMember = await createAccount(server, '777700000004', { organizationId: 'o-zzzzzzzzzz99', organizationalUnitId: OU });
    invitee = await createAccount(server, '777700000005');
    stranger = await createAccount(server, '777700000006', { organizationId: 'o-yyyyyyyyyy77' });
    // Shares with organizations and OUs need organization sharing, disabled by default.
    await owner.client.send(new UpdateGlobalSettingsCommand({ OrganizationSharingStatus: 'ENABLED' }));
    LensArn = await importLens('Shared Practices');
    for (const to of [account, user]) {
      await share(LensArn, to.sharedWith);
      await accept(to, LensArn);
    }
    await share(LensArn, ORG);
    await share(LensArn, OU);
    await share(LensArn, invitee.sharedWith);
  });
  afterAll(async () => server?.close());

  const actors = () => ({ owner, account, user, orgMember, ouMember, invitee, stranger });
  const SEE: Record<string, Outcome> = { owner: 'ok', account: 'ok', user: 'ok', orgMember: 'ok', ouMember: 'ok', invitee: 'hidden', stranger: 'hidden' };
  const OWN: Record<string, Outcome> = { ...SEE, account: 'hidden', user: 'hidden', orgMember: 'hidden', ouMember: 'hidden' };

  const matrix: Array<[string, Record<string, Outcome>, (c: WellArchitectedClient, arn: string) => Promise<unknown>]> = [
    ['GetLens', SEE, (c, arn) => c.send(new GetLensCommand({ LensAlias: arn }))],
    ['GetLens with LensVersion', SEE, (c, arn) => c.send(new GetLensCommand({ LensAlias: arn, LensVersion: '1.0' }))],
    [
      'applying it to an own workload',
      SEE,
      (c, arn) =>
        c.send(
          new CreateWorkloadCommand({ WorkloadName: `Uses ${token()}`, Description: 'A workload', Environment: 'PRODUCTION', Lenses: ['wellarchitected', arn] }),
        ),
    ],
    ['ListLensShares', OWN, (c, arn) => c.send(new ListLensSharesCommand({ LensAlias: arn }))],
    ['ExportLens', OWN, (c, arn) => c.send(new ExportLensCommand({ LensAlias: arn }))],
    [
      'CreateLensShare',
      OWN,
      (c, arn) => c.send(new CreateLensShareCommand({ LensAlias: arn, SharedWith: String(880000000000 + n++), ClientRequestToken: token() })),
    ],
  ];

  it.each(matrix)('%s: allowed exactly to those the lens is shared with, and the rest learn nothing', async (_name, expected, call) => {
    const missing = LensArn.replace(/[0-9a-f]{32}$/, randomBytes(16).toString('hex'));
    for (const [who, actor] of Object.entries(actors())) {
      const { outcome, message } = await outcomeOf(call(actor.client, LensArn));
      expect(outcome, who).toBe(expected[who]);
      if (outcome === 'hidden') {
        const absent = await outcomeOf(call(actor.client, missing));
        expect(absent.outcome).toBe('hidden');
        expect(message).toBe(absent.message!.replaceAll(missing, LensArn));
        expect(message).not.toContain('Shared Practices');
      }
    }
  });

  it('lists the lens as CUSTOM_SHARED for those it is shared with, with its owner and latest version', async () => {
    for (const actor of [account, user, orgMember, ouMember]) {
      const { LensSummaries = [] } = await actor.client.send(new ListLensesCommand({}));
      expect(LensSummaries.find((l) => l.LensArn === LensArn), actor.sharedWith).toMatchObject({
        LensType: 'CUSTOM_SHARED',
        LensName: 'Shared Practices',
        Owner: TEST_ACCOUNT,
        LensVersion: '1.0',
        LensStatus: 'PUBLISHED',
      });
    }
    for (const actor of [invitee, stranger]) expect(await sharedLensArns(actor)).not.toContain(LensArn);
    expect(await sharedLensArns(owner)).not.toContain(LensArn);
    const own = await owner.client.send(new ListLensesCommand({ LensType: 'CUSTOM_SELF' }));
    expect(own.LensSummaries?.map((l) => l.LensArn)).toContain(LensArn);
  });

  it('shows ShareInvitationId to invited recipients, not to organization members', async () => {
    const invited = await account.client.send(new GetLensCommand({ LensAlias: LensArn }));
    expect(invited.Lens).toMatchObject({ LensArn, Owner: TEST_ACCOUNT, LensVersion: '1.0', Name: 'Shared Practices' });
    expect(invited.Lens?.ShareInvitationId).toMatch(/^[0-9a-f]{32}$/);
    expect((await orgMember.client.send(new GetLensCommand({ LensAlias: LensArn }))).Lens?.ShareInvitationId).toBeUndefined();
    expect((await owner.client.send(new GetLensCommand({ LensAlias: LensArn }))).Lens?.ShareInvitationId).toBeUndefined();
  });

  it('associates organizations and OUs at once and invites accounts and users', async () => {
    const { LensShareSummaries = [] } = await owner.client.send(new ListLensSharesCommand({ LensAlias: LensArn }));
    const status = Object.fromEntries(LensShareSummaries.map((s) => [s.SharedWith, s.Status]));
    expect(status).toMatchObject({ [account.sharedWith]: 'ACCEPTED', [user.sharedWith]: 'ACCEPTED', [ORG]: 'ASSOCIATED', [OU]: 'ASSOCIATED', [invitee.sharedWith]: 'PENDING' });
    const pending = await owner.client.send(new ListLensSharesCommand({ LensAlias: LensArn, Status: 'PENDING' }));
    expect(pending.LensShareSummaries?.map((s) => s.SharedWith)).toContain(invitee.sharedWith);
    expect(pending.LensShareSummaries?.every((s) => s.Status === 'PENDING')).toBe(true);
    expect(pending.LensShareSummaries?.map((s) => s.SharedWith)).not.toContain(account.sharedWith);
    const byPrefix = await owner.client.send(new ListLensSharesCommand({ LensAlias: LensArn, SharedWithPrefix: 'o' }));
    expect(byPrefix.LensShareSummaries?.map((s) => s.SharedWith).sort()).toEqual([OU, ORG].sort());
    const firstPage = await owner.client.send(new ListLensSharesCommand({ LensAlias: LensArn, MaxResults: 3 }));
    expect(firstPage.LensShareSummaries).toHaveLength(3);
    const rest = await owner.client.send(new ListLensSharesCommand({ LensAlias: LensArn, MaxResults: 3, NextToken: firstPage.NextToken }));
    expect([...firstPage.LensShareSummaries!, ...rest.LensShareSummaries!].map((s) => s.ShareId).sort()).toEqual(LensShareSummaries.map((s) => s.ShareId).sort());
    const invitation = await invitationOf(invitee, LensArn, invitee.sharedWith);
    expect(invitation).toMatchObject({ ShareResourceType: 'LENS', LensArn, LensName: 'Shared Practices', SharedBy: TEST_ACCOUNT, PermissionType: 'READONLY' });
    const filtered = await invitee.client.send(new ListShareInvitationsCommand({ LensNamePrefix: 'shared', ShareResourceType: 'LENS' }));
    expect(filtered.ShareInvitationSummaries).toHaveLength(1);
    expect((await invitee.client.send(new ListShareInvitationsCommand({ LensNamePrefix: 'other' }))).ShareInvitationSummaries ?? []).toEqual([]);
  });

  it('refuses AWS-provided lenses, drafts, the own account, malformed principals, duplicates, and past 300', async () => {
    const create = (LensAlias: string, SharedWith: string) => owner.client.send(new CreateLensShareCommand({ LensAlias, SharedWith, ClientRequestToken: token() }));
    await expectFieldErrors(create('serverless', '999900000001'), [['LensAlias', /AWS-provided lenses cannot be shared/]]);
    await expectFieldErrors(create(await importLens(undefined, false), '999900000001'), [['LensAlias', /draft/]]);
    const lens = await importLens();
    await expectFieldErrors(create(lens, TEST_ACCOUNT), [['SharedWith', /own account/]]);
    await expectFieldErrors(create(lens, 'someone-else'), [['SharedWith', /organization id/]]);
    await expectFieldErrors(create(lens, 'arn:aws:iam:us-west-2:999900000001:user/x'), [['SharedWith', /region us-west-2/]]);
    const first = await share(lens, ORG);
    expect((await expectError(create(lens, ORG), 'ConflictException')).ResourceId).toBe(first);
    for (let i = 1; i < 300; i++) await share(lens, String(999900000000 + i));
    const quota = await expectError(create(lens, '999900000300'), 'ServiceQuotaExceededException');
    expect(quota.message).toMatch(/at most 300/);
  });

  it("keeps a recipient's access after the owner deletes the lens, until the share is deleted", async () => {
    const lens = await importLens('Outliving');
    const recipient = await createAccount(server, '777700000010');
    const shareId = await share(lens, recipient.sharedWith);
    await accept(recipient, lens);
    const { WorkloadId } = await recipient.client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Recipient workload', Description: 'A workload', Environment: 'PRODUCTION', Lenses: ['wellarchitected', lens] }),
    );
    await owner.client.send(new DeleteLensCommand({ LensAlias: lens, LensStatus: 'PUBLISHED', ClientRequestToken: token() }));
    expect((await recipient.client.send(new GetLensCommand({ LensAlias: lens }))).Lens?.Name).toBe('Outliving');
    expect(await sharedLensArns(recipient)).toContain(lens);
    expect((await recipient.client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: lens }))).LensReview?.LensArn).toBe(lens);
    // Deleted lenses cannot be applied anew, not even by recipients.
    const { WorkloadId: other } = await recipient.client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Another workload', Description: 'A workload', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }),
    );
    await expectError(recipient.client.send(new AssociateLensesCommand({ WorkloadId: other, LensAliases: [lens] })), 'ResourceNotFoundException');
    await owner.client.send(new DeleteLensShareCommand({ LensAlias: lens, ShareId: shareId, ClientRequestToken: token() }));
    await expectError(recipient.client.send(new GetLensCommand({ LensAlias: lens })), 'ResourceNotFoundException');
    expect(await sharedLensArns(recipient)).not.toContain(lens);
    expect((await owner.client.send(new ListLensSharesCommand({ LensAlias: lens }))).LensShareSummaries ?? []).toEqual([]);
  });

  it('ends access at once when the share is deleted, and only the owner deletes shares', async () => {
    const lens = await importLens();
    const shareId = await share(lens, ORG);
    expect(await sharedLensArns(orgMember)).toContain(lens);
    await expectError(orgMember.client.send(new DeleteLensShareCommand({ LensAlias: lens, ShareId: shareId, ClientRequestToken: token() })), 'ResourceNotFoundException');
    await expectError(
      owner.client.send(new DeleteLensShareCommand({ LensAlias: lens, ShareId: randomBytes(16).toString('hex'), ClientRequestToken: token() })),
      'ResourceNotFoundException',
    );
    await owner.client.send(new DeleteLensShareCommand({ LensAlias: lens, ShareId: shareId, ClientRequestToken: token() }));
    expect(await sharedLensArns(orgMember)).not.toContain(lens);
    await expectError(orgMember.client.send(new GetLensCommand({ LensAlias: lens })), 'ResourceNotFoundException');
  });
});
