import { randomBytes } from 'node:crypto';
import {
  CreateWorkloadCommand,
  GetWorkloadCommand,
  ListShareInvitationsCommand,
  ListWorkloadSharesCommand,
  ListWorkloadsCommand,
  UpdateShareInvitationCommand,
  UpdateWorkloadShareCommand,
  type ShareInvitationSummary,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createUser, defaultRoot, onServerClock, startServerWithAccounts, type Actor } from '../support/accounts';
import { expectError } from '../support/api-errors';
import { collectPages } from '../support/paging';
import { TEST_ACCOUNT, type TestServer } from '../support/server';
import { invitationOf, shareWorkload } from '../support/shares';
import { storeKinds } from '../support/stores';

/**
 * Share invitations: who sees them (account invitations: the account's root
 * and users; user invitations: that user), filters and pages, accepting and
 * rejecting by the invitee only, and expiry after seven days on a moved clock.
 */

const SEVEN_DAYS = 7 * 24 * 60 * 60 * 1000;

describe.each(storeKinds())('share invitations (%s)', (kind) => {
  let server: TestServer;
  let owner: Actor;
  let n = 0;
  const newWorkload = async (name: string) =>
    (
      await owner.client.send(
        new CreateWorkloadCommand({ WorkloadName: `${name} ${n++}`, Description: 'Shared', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }),
      )
    ).WorkloadId!;
  const list = async (actor: Actor, input: ConstructorParameters<typeof ListShareInvitationsCommand>[0] = {}) =>
    (await actor.client.send(new ListShareInvitationsCommand(input))).ShareInvitationSummaries ?? [];

  beforeAll(async () => {
    server = await startServerWithAccounts(kind);
    owner = defaultRoot(server);
  });
  afterEach(() => {
    server.clock.offsetMs = 0;
  });
  afterAll(async () => server?.close());

  it("shows an account's invitation to its root and users, and a user's to that user only", async () => {
    const account = await createAccount(server, '666600000001');
    const alice = await createUser(server, account.accountId, 'alice');
    const bob = await createUser(server, account.accountId, 'bob');
    const forAccount = await newWorkload('Account invite');
    const forAlice = await newWorkload('Alice invite');
    await shareWorkload(owner, forAccount, account, 'READONLY');
    await shareWorkload(owner, forAlice, alice, 'CONTRIBUTOR');
    const ids = (summaries: ShareInvitationSummary[]) => summaries.map((s) => s.WorkloadId).sort();
    expect(ids(await list(account))).toEqual([forAccount]);
    expect(ids(await list(bob))).toEqual([forAccount]);
    expect(ids(await list(alice))).toEqual([forAccount, forAlice].sort());
    const aliceInvite = (await list(alice)).find((s) => s.WorkloadId === forAlice)!;
    expect(aliceInvite).toMatchObject({
      SharedBy: TEST_ACCOUNT,
      SharedWith: alice.sharedWith,
      PermissionType: 'CONTRIBUTOR',
      ShareResourceType: 'WORKLOAD',
      WorkloadName: expect.stringMatching(/^Alice invite/),
    });
    expect(aliceInvite.ShareInvitationId).toMatch(/^[0-9a-f]{32}$/);
    // Only the invitee may answer; anyone else is told it does not exist.
    for (const other of [bob, account, await createAccount(server, '666600000002')]) {
      await expectError(
        other.client.send(new UpdateShareInvitationCommand({ ShareInvitationId: aliceInvite.ShareInvitationId, ShareInvitationAction: 'ACCEPT' })),
        'ResourceNotFoundException',
      );
    }
    await expectError(
      owner.client.send(new UpdateShareInvitationCommand({ ShareInvitationId: aliceInvite.ShareInvitationId, ShareInvitationAction: 'ACCEPT' })),
      'ResourceNotFoundException',
    );
  });

  it('filters by workload name prefix and resource type, and pages', async () => {
    const account = await createAccount(server, '666600000003');
    for (const name of ['Alpha one', 'Alpha two', 'Beta', 'alpha three', 'Gamma']) await shareWorkload(owner, await newWorkload(name), account, 'READONLY');
    const alpha = await list(account, { WorkloadNamePrefix: 'alpha' });
    expect(alpha.map((s) => s.WorkloadName!.replace(/ \d+$/, '')).sort()).toEqual(['Alpha one', 'Alpha two', 'alpha three']);
    expect(await list(account, { ShareResourceType: 'LENS' })).toEqual([]);
    expect(await list(account, { ShareResourceType: 'WORKLOAD' })).toHaveLength(5);
    const pages = await collectPages(async (NextToken) => {
      const page = await account.client.send(new ListShareInvitationsCommand({ MaxResults: 2, NextToken }));
      return { items: page.ShareInvitationSummaries, NextToken: page.NextToken };
    });
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.flat().map((s) => s.ShareInvitationId)).size).toBe(5);
  });

  it('adds an accepted workload to the lists, and removes a rejected invitation from the invitations', async () => {
    const account = await createAccount(server, '666600000004');
    const kept = await newWorkload('Kept');
    const declined = await newWorkload('Declined');
    await shareWorkload(owner, kept, account, 'READONLY');
    await shareWorkload(owner, declined, account, 'READONLY');
    const invitations = await list(account);
    const answer = (id: string, ShareInvitationAction: 'ACCEPT' | 'REJECT') =>
      account.client.send(
        new UpdateShareInvitationCommand({ ShareInvitationId: invitations.find((s) => s.WorkloadId === id)!.ShareInvitationId, ShareInvitationAction }),
      );
    expect((await answer(kept, 'ACCEPT')).ShareInvitation).toMatchObject({ ShareResourceType: 'WORKLOAD', WorkloadId: kept });
    await answer(declined, 'REJECT');
    expect(await list(account)).toEqual([]);
    const { WorkloadSummaries = [] } = await account.client.send(new ListWorkloadsCommand({}));
    expect(WorkloadSummaries.map((w) => w.WorkloadId)).toEqual([kept]);
    await expectError(answer(kept, 'ACCEPT'), 'ConflictException');
    await expectError(answer(declined, 'ACCEPT'), 'ConflictException');
    const { WorkloadShareSummaries } = await owner.client.send(new ListWorkloadSharesCommand({ WorkloadId: declined }));
    expect(WorkloadShareSummaries?.map((s) => s.Status)).toEqual(['REJECTED']);
  });

  it('expires an invitation left pending for more than seven days; modifying the share sends it again', async () => {
    const account = await createAccount(server, '666600000005');
    const id = await newWorkload('Expiring');
    const shareId = await shareWorkload(owner, id, account, 'READONLY');
    const invitation = await invitationOf(account, id, account.sharedWith);
    server.clock.offsetMs = SEVEN_DAYS - 60_000;
    expect(await invitationOf({ ...account, client: onServerClock(server, account) }, id, account.sharedWith)).toBeDefined();
    server.clock.offsetMs = SEVEN_DAYS + 60_000;
    // A fresh client per call: the SDK corrects its clock offset from each response's Date header.
    const later = {
      get owner() {
        return onServerClock(server, owner);
      },
      get account() {
        return onServerClock(server, account);
      },
    };
    const status = async () => (await later.owner.send(new ListWorkloadSharesCommand({ WorkloadId: id }))).WorkloadShareSummaries?.[0].Status;
    expect(await status()).toBe('EXPIRED');
    expect((await later.owner.send(new ListWorkloadSharesCommand({ WorkloadId: id, Status: 'EXPIRED' }))).WorkloadShareSummaries).toHaveLength(1);
    expect((await later.account.send(new ListShareInvitationsCommand({}))).ShareInvitationSummaries ?? []).toEqual([]);
    await expectError(
      later.account.send(new UpdateShareInvitationCommand({ ShareInvitationId: invitation!.ShareInvitationId, ShareInvitationAction: 'ACCEPT' })),
      'ConflictException',
    );
    await expectError(later.account.send(new GetWorkloadCommand({ WorkloadId: id })), 'ResourceNotFoundException');
    const { WorkloadShare } = await later.owner.send(new UpdateWorkloadShareCommand({ WorkloadId: id, ShareId: shareId, PermissionType: 'CONTRIBUTOR' }));
    expect(WorkloadShare?.Status).toBe('PENDING');
    await later.account.send(new UpdateShareInvitationCommand({ ShareInvitationId: invitation!.ShareInvitationId, ShareInvitationAction: 'ACCEPT' }));
    expect(await status()).toBe('ACCEPTED');
    expect((await later.account.send(new GetWorkloadCommand({ WorkloadId: id }))).Workload?.WorkloadId).toBe(id);
  });

  it('refuses an invitation id that does not exist', async () => {
    await expectError(
      owner.client.send(new UpdateShareInvitationCommand({ ShareInvitationId: randomBytes(16).toString('hex'), ShareInvitationAction: 'REJECT' })),
      'ResourceNotFoundException',
    );
  });
});
