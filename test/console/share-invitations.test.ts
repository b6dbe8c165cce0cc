import { randomBytes } from 'node:crypto';
import {
  CreateLensVersionCommand,
  CreateWorkloadCommand,
  CreateWorkloadShareCommand,
  ImportLensCommand,
  ListLensesCommand,
  ListLensSharesCommand,
  ListWorkloadsCommand,
} from '@aws-sdk/client-wellarchitected';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestAccount } from '../support/identities';
import { lensJson } from '../support/lens-files';
import { TEST_ACCOUNT } from '../support/server';
import { describeConsole, signInWithKey, startConsole, type ConsoleHarness } from './support';

/**
 * A share accepted by a second account (issue 8, "Share invitations" of the user guide):
 * the first account shares a workload (through the API) and a custom lens (through the
 * lens's Shares tab); the second account, signed in in its own browser, accepts the
 * workload invitation and rejects the lens invitation, and both sides see the outcome.
 */

const SECOND_ACCOUNT = '444455556666';
const WORKLOAD = 'Retail Website - shared';
const LENS = 'Shared platform lens';

describeConsole('share invitations in the console', () => {
  let h: ConsoleHarness;
  let second: Page;
  let workloadId: string;
  let lensArn: string;
  let secondKey: { accessKeyId: string; secretAccessKey: string };

  beforeAll(async () => {
    h = await startConsole(import.meta.url);
    secondKey = await createTestAccount(h.server, SECOND_ACCOUNT);
    const owner = h.server.client;
    ({ WorkloadId: workloadId } = (await owner.send(
      new CreateWorkloadCommand({ WorkloadName: WORKLOAD, Description: 'Shared for review', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }),
    )) as { WorkloadId: string });
    await owner.send(new CreateWorkloadShareCommand({ WorkloadId: workloadId, SharedWith: SECOND_ACCOUNT, PermissionType: 'CONTRIBUTOR' }));
    ({ LensArn: lensArn } = (await owner.send(
      new ImportLensCommand({ JSONString: lensJson(LENS, [{ id: 'platform', questions: [{ id: 'q_owner' }] }]), ClientRequestToken: randomBytes(8).toString('hex') }),
    )) as { LensArn: string });
    await owner.send(new CreateLensVersionCommand({ LensAlias: lensArn, LensVersion: '1.0' }));
  });
  afterAll(() => h?.close());

  it('shares a published custom lens from its Shares tab', async () => {
    const { page } = h;
    await page.goto(`/console/lenses/${encodeURIComponent(lensArn)}`);
    await page.getByRole('heading', { name: LENS, level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Shares' }).click();
    await page.getByText('This custom lens is not shared.').waitFor();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // A wrong account id is refused at the field, the text kept.
    await dialog.getByLabel('Shared with').fill('12345');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('must be at least 12 characters long (is 5)').waitFor();
    expect(await dialog.getByLabel('Shared with').inputValue()).toBe('12345');
    await h.shot('lens-share-invalid');
    await dialog.getByLabel('Shared with').fill(SECOND_ACCOUNT);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByText('The custom lens was shared; the recipient sees an invitation.').waitFor();
    const row = page.getByRole('row', { name: new RegExp(SECOND_ACCOUNT) });
    await row.waitFor();
    expect(await row.textContent()).toContain('PENDING');
    await h.shot('lens-shared-pending');
  });

  it('lets the second account accept the workload and reject the lens', async () => {
    second = await h.newPage();
    await signInWithKey(second, secondKey);
    await second.goto('/console/invitations');
    const table = second.getByRole('table', { name: 'Workload invitations' });
    const workloadRow = table.getByRole('row', { name: new RegExp(WORKLOAD) });
    await workloadRow.waitFor();
    const text = await workloadRow.textContent();
    for (const expected of ['Workload', TEST_ACCOUNT, SECOND_ACCOUNT, 'Contributor', 'May update answers']) expect(text).toContain(expected);
    await second.getByRole('button', { name: 'Custom lenses (1)' }).waitFor();
    await h.shot('invitations-of-second-account', second);

    await workloadRow.getByRole('checkbox').check();
    await second.getByRole('button', { name: 'Accept' }).click();
    await second.getByText(`it now shows in Workloads and the Dashboard.`).waitFor();
    await second.getByText('No pending workload invitations.').waitFor();
    const link = second.getByRole('link', { name: WORKLOAD });
    expect(await link.getAttribute('href')).toBe(`/console/workloads/${workloadId}`);
    await h.shot('workload-accepted', second);

    await second.getByRole('button', { name: 'Custom lenses (1)' }).click();
    const lensRow = second.getByRole('table', { name: 'Custom lens invitations' }).getByRole('row', { name: new RegExp(LENS) });
    await lensRow.waitFor();
    expect(await lensRow.textContent()).toContain('Read-only');
    await lensRow.getByRole('checkbox').check();
    await second.getByRole('button', { name: 'Reject' }).click();
    await second.getByText(`Rejected ${LENS}.`).waitFor();
    await second.getByText('No pending custom lens invitations.').waitFor();
    await h.shot('lens-rejected', second);
  });

  it('shows the outcome: the workload is the second account\'s to review, the lens is not, and its owner sees the rejection', async () => {
    const client = h.server.clientFor(secondKey);
    const { WorkloadSummaries = [] } = await client.send(new ListWorkloadsCommand({}));
    expect(WorkloadSummaries.map((w) => w.WorkloadName)).toEqual([WORKLOAD]);
    const { LensSummaries = [] } = await client.send(new ListLensesCommand({ LensType: 'CUSTOM_SHARED' }));
    expect(LensSummaries).toEqual([]);

    await second.goto('/console/lenses?tab=shared');
    await second.getByText('No custom lenses are shared with you.').waitFor();
    await h.shot('second-account-no-shared-lens', second);

    const { page } = h;
    await page.getByRole('button', { name: 'Refresh shares' }).click();
    await page.getByRole('row', { name: new RegExp(`${SECOND_ACCOUNT}.*REJECTED`) }).waitFor();
    await h.shot('owner-sees-rejection');
    const { LensShareSummaries = [] } = await h.server.client.send(new ListLensSharesCommand({ LensAlias: lensArn }));
    expect(LensShareSummaries.map((s) => [s.SharedWith, s.Status])).toEqual([[SECOND_ACCOUNT, 'REJECTED']]);
    expect(h.pageErrors).toEqual([]);
  });
});
