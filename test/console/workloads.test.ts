import { readFileSync } from 'node:fs';
import {
  CreateMilestoneCommand,
  CreateWorkloadCommand,
  GetAnswerCommand,
  GetWorkloadCommand,
  ListMilestonesCommand,
  ListWorkloadsCommand,
  ListWorkloadSharesCommand,
  UpdateAnswerCommand,
} from '@aws-sdk/client-wellarchitected';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountsServerEnv, createAccount, defaultRoot, type Actor } from '../support/accounts';
import { TEST_ACCOUNT } from '../support/server';
import { accept, shareWorkload } from '../support/shares';
import { describeConsole, signInWithKey, startConsole, type ConsoleHarness } from './support';

/**
 * The workload pages of the console (issue 8): define a workload through the wizard
 * (a mistake shown at its field, then fixed), the Workloads list and the dashboard's
 * counts, editing properties and tags, saving and viewing a milestone with its report,
 * comparing milestones, sharing, and deleting. The state is checked through the SDK.
 */

const NAME = 'Retail Website - North America';
const LENS = 'wellarchitected';

describeConsole('console workloads, dashboard and milestones', () => {
  let h: ConsoleHarness;
  let page: Page;
  let workloadId: string;
  let portalId: string;
  let recipient: Actor;
  const wa = () => h.server.client;
  const open = (path: string) => page.goto(`/console${path}`);
  const workload = async () => (await wa().send(new GetWorkloadCommand({ WorkloadId: workloadId }))).Workload!;
  const answerWith = async (questionId: string, pick: (choiceIds: string[]) => string[]) => {
    const { Answer } = await wa().send(new GetAnswerCommand({ WorkloadId: workloadId, LensAlias: LENS, QuestionId: questionId }));
    const ids = (Answer!.Choices ?? []).map((c) => c.ChoiceId!);
    return (await wa().send(new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: LENS, QuestionId: questionId, SelectedChoices: pick(ids) }))).Answer!;
  };
  // Optional fields are labelled "<label> - optional".
  const field = (label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( - optional)?$`));

  beforeAll(async () => {
    h = await startConsole(import.meta.url, { env: accountsServerEnv });
    page = h.page;
    recipient = await createAccount(h.server, '444455556666');
    // Another workload, so that the list, the counts and the name rule have something to compare with.
    const portal = await wa().send(
      new CreateWorkloadCommand({ WorkloadName: 'Internal Employee Portal', Description: 'HR portal', Environment: 'PREPRODUCTION', Lenses: [LENS], AwsRegions: ['eu-west-1'] }),
    );
    portalId = portal.WorkloadId!;
  });
  afterAll(() => h?.close());

  it('defines a workload with the wizard: a wrong field is named, fixed, and the form keeps its state', async () => {
    await open('/workloads');
    await page.getByRole('button', { name: 'Define workload' }).click();
    await page.waitForURL('**/console/workloads/new');
    await field('Name').fill('ab');
    await field('Description').fill('The retail storefront for North America');
    await field('Review owner').fill('Dana Ortiz');
    await page.getByRole('radio', { name: /^Production/ }).check();
    await field('Non-AWS regions').fill('Local data center');
    await field('Account IDs').fill('123456789012, 12345');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Enter at least 3 characters for a name (there are 2).').waitFor();
    await page.getByText('Account IDs are 12 digits: 12345 is not.').waitFor();
    await h.shot('define-field-errors');

    // A name the API refuses (taken, ignoring spaces and case): shown at the Name field after submitting.
    await field('Name').fill('internal employee  PORTAL');
    await field('Account IDs').fill('123456789012');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: /^Lenses/, level: 2 }).waitFor();
    await expect(page.getByRole('checkbox', { name: 'Apply Well-Architected Framework' }).isDisabled()).resolves.toBe(true);
    await h.shot('define-lenses-step');
    await page.getByRole('button', { name: 'Define workload' }).click();
    await page.getByText(/You already have a workload named "internal employee {2}PORTAL"/).waitFor();
    await expect(field('Description').inputValue()).resolves.toBe('The retail storefront for North America');
    await expect(field('Review owner').inputValue()).resolves.toBe('Dana Ortiz');
    await h.shot('define-conflict-on-name');

    await field('Name').fill(NAME);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Define workload' }).click();
    await page.waitForURL(/\/console\/workloads\/[0-9a-f]{32}$/);
    workloadId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await page.getByText('Start documenting your workload').waitFor();
    await h.shot('workload-defined');
    // Start reviewing goes to the first unanswered question of the framework lens.
    await page.getByRole('button', { name: 'Start reviewing' }).first().click();
    await page.waitForURL(`**/workloads/${workloadId}/lenses/${LENS}/questions/priorities`);
    await page.goBack();
    const defined = await workload();
    expect(defined).toMatchObject({
      WorkloadName: NAME,
      ReviewOwner: 'Dana Ortiz',
      Environment: 'PRODUCTION',
      NonAwsRegions: ['Local data center'],
      AccountIds: ['123456789012'],
      Lenses: [LENS],
    });
  });

  it('lists the workload with its owner and counts, and the dashboard filters by risk', async () => {
    await answerWith('priorities', (ids) => ids.slice(0, 1));
    await open('/workloads');
    const row = page.getByRole('row').filter({ hasText: NAME });
    await row.waitFor();
    await expect(row.getByText(TEST_ACCOUNT).count()).resolves.toBe(1);
    await expect(row.getByText(/^1\/\d+$/).count()).resolves.toBe(1);
    await page.getByRole('searchbox', { name: 'Find workloads' }).fill('portal');
    await page.getByRole('row').filter({ hasText: NAME }).waitFor({ state: 'detached' });
    await page.getByText('1 match').first().waitFor();
    await h.shot('workloads-filtered');
    await page.getByRole('searchbox', { name: 'Find workloads' }).fill('');
    await row.waitFor();
    await h.shot('workloads-list');

    await open('/');
    await page.getByRole('link', { name: 'Total workload reviews: 2. Show these workloads' }).waitFor();
    await page.getByRole('link', { name: 'With high risks: 1. Show these workloads' }).click();
    await page.getByRole('row').filter({ hasText: 'Internal Employee Portal' }).waitFor({ state: 'detached' });
    await page.getByRole('radio', { name: `Show milestones of ${NAME}` }).check();
    await page.getByText('No milestones saved for this workload.').waitFor();
    await h.shot('dashboard-high-risks');
  });

  it('edits properties, tags and improvement status', async () => {
    await open(`/workloads/${workloadId}`);
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.getByRole('heading', { name: 'Properties', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    await field('Description').fill('x');
    await page.getByRole('button', { name: 'Add new tag' }).click();
    await page.getByPlaceholder('Enter key').last().fill('team');
    await page.getByPlaceholder('Enter value').last().fill('storefront');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter at least 3 characters for a description (there is 1).').waitFor();
    await h.shot('properties-error');
    await field('Description').fill('The storefront, checkout and catalog');
    await page.getByRole('button', { name: /^Improvement status/ }).click();
    await page.getByRole('option', { name: 'In Progress' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Workload properties saved.').waitFor();
    await page.getByText('team: storefront').waitFor();
    await h.shot('properties-saved');
    expect(await workload()).toMatchObject({ Description: 'The storefront, checkout and catalog', ImprovementStatus: 'IN_PROGRESS', Tags: { team: 'storefront' } });

    // Removing the tag untags the workload.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Remove tag team' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('No tags', { exact: true }).waitFor();
    expect((await workload()).Tags).toBeUndefined();

    // The overview's Edit sets the improvement status and the workload notes.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Workload overview', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await field('Workload notes').fill('Checkout moves to the new payment provider in Q3.');
    await page.getByRole('dialog').getByText(/^[\d,]+ characters remaining$/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Workload overview saved.').waitFor();
    await page.getByText('Checkout moves to the new payment provider in Q3.').waitFor();
    expect((await workload()).Notes).toBe('Checkout moves to the new payment provider in Q3.');
  });

  it('saves a milestone, refuses a duplicate name in the dialog, and views the milestone with its report', async () => {
    // Answered well before the first milestone; made worse before the second.
    await answerWith('ops-model', (ids) => ids.filter((id) => !/_no$/.test(id)));
    await open(`/workloads/${workloadId}`);
    await page.getByRole('button', { name: 'Save milestone' }).click();
    await field('Milestone name').fill('Version 1.0 - initial review');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/Milestone Version 1.0 - initial review saved/).waitFor();
    await page.getByRole('button', { name: 'Save milestone' }).click();
    await field('Milestone name').fill('version 1.0 - INITIAL review');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('dialog').getByText(/already/).waitFor();
    await h.shot('milestone-duplicate-name');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'Milestones' }).click();
    await page.getByRole('link', { name: 'Version 1.0 - initial review' }).click();
    await page.waitForURL(`**/workloads/${workloadId}/milestones/1`);
    await page.getByRole('heading', { name: 'Version 1.0 - initial review', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'How do you determine what your priorities are?' }).getByText('High risk').waitFor();
    await h.shot('milestone-view');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Generate report for Well-Architected Framework' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Retail-Website---North-America-Version-1.0---initial-review-.*\.pdf$/);
    expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('compares two milestones question by question, with the risks over the milestones', async () => {
    // Improve one answer and make another one worse, then save a second milestone.
    await answerWith('priorities', (ids) => ids.filter((id) => !/_no$/.test(id)));
    const ops = await answerWith('ops-model', (ids) => ids.slice(0, 1));
    expect(ops.Risk).toBe('HIGH');
    await wa().send(new CreateMilestoneCommand({ WorkloadId: workloadId, MilestoneName: 'Version 1.1 - after improvements' }));
    const { MilestoneSummaries } = await wa().send(new ListMilestonesCommand({ WorkloadId: workloadId }));
    expect(MilestoneSummaries).toHaveLength(2);

    await open(`/workloads/${workloadId}?tab=milestones`);
    await page.getByRole('button', { name: 'Compare milestones' }).click();
    await page.waitForURL('**/milestones/compare');
    await page.getByRole('heading', { name: 'Compare milestones' }).waitFor();
    const priorities = page.getByRole('row').filter({ hasText: 'How do you determine what your priorities are?' });
    await priorities.getByText('Risk reduced').waitFor();
    await page.getByRole('row').filter({ hasText: 'How do you structure your organization' }).first().getByText('Risk increased').waitFor();
    await expect(page.getByText('(2 of', { exact: false }).count()).resolves.toBe(1);
    await page.getByRole('img', { name: /High and medium risks over the milestones/ }).or(page.getByLabel('High and medium risks over the milestones')).first().waitFor();
    await h.shot('compare-milestones');

    // A milestone against the current state: nothing changed since the second milestone.
    await page.getByRole('button', { name: /^From\b/ }).click();
    await page.getByRole('option', { name: /^Version 1.1/ }).click();
    await page.getByRole('button', { name: /^To\b/ }).click();
    await page.getByRole('option', { name: /^Current state/ }).click();
    await page.getByText('No question changed between these two states.').waitFor();
    await h.shot('compare-with-current');

    // The dashboard lists the selected workload's milestones.
    await open('/');
    await page.getByRole('radio', { name: `Show milestones of ${NAME}` }).check();
    await page.getByRole('link', { name: 'Version 1.1 - after improvements' }).waitFor();
    await page.getByRole('link', { name: 'Version 1.0 - initial review' }).waitFor();
    await h.shot('dashboard-milestones');
  });

  it('shares the workload with another account, edits the permission, and deletes the share', async () => {
    await open(`/workloads/${workloadId}?tab=shares`);
    await page.getByRole('button', { name: 'Create' }).click();
    await field('Principal').fill('account-4444');
    await page.getByRole('radio', { name: /^Contributor/ }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page.getByRole('dialog').getByText(/is not a 12-digit account id/).waitFor();
    await h.shot('share-error');
    await field('Principal').fill('444455556666');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    const row = page.getByRole('row').filter({ hasText: '444455556666' });
    await row.getByText('Pending').waitFor();
    await row.getByText('Contributor', { exact: true }).waitFor();
    await h.shot('share-created');

    await page.getByRole('radio', { name: 'Select share with 444455556666' }).check();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('radio', { name: /^Read-Only/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await row.getByText('Read-Only', { exact: true }).waitFor();
    const shares = await wa().send(new ListWorkloadSharesCommand({ WorkloadId: workloadId }));
    expect(shares.WorkloadShareSummaries).toMatchObject([{ SharedWith: '444455556666', PermissionType: 'READONLY', Status: 'PENDING' }]);

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('This workload is not shared.', { exact: false }).waitFor();
    expect((await wa().send(new ListWorkloadSharesCommand({ WorkloadId: workloadId }))).WorkloadShareSummaries).toEqual([]);
  });

  it('shows a shared workload to its recipient without owner actions, and rejects the share', async () => {
    await shareWorkload(defaultRoot(h.server), portalId, recipient, 'CONTRIBUTOR');
    await accept(recipient, portalId);
    const other = await h.newPage();
    await signInWithKey(other, recipient.credentials);
    await other.goto('/console/workloads');
    const row = other.getByRole('row').filter({ hasText: 'Internal Employee Portal' });
    await row.getByText(TEST_ACCOUNT).waitFor();
    await h.shot('recipient-workloads', other);
    await row.getByRole('link', { name: 'Internal Employee Portal' }).click();
    await other.getByRole('heading', { name: 'Internal Employee Portal', level: 1 }).waitFor();
    await expect(other.getByRole('tab', { name: 'Shares' }).count()).resolves.toBe(0);
    await expect(other.getByRole('button', { name: 'Delete workload' }).count()).resolves.toBe(0);
    await expect(other.getByRole('button', { name: 'Save milestone' }).count()).resolves.toBe(0);
    await other.getByRole('button', { name: 'Reject share' }).click();
    await h.shot('recipient-reject-share', other);
    await other.getByRole('dialog').getByRole('button', { name: 'Reject share' }).click();
    await other.waitForURL('**/console/workloads');
    await other.getByText('No workloads', { exact: true }).waitFor();
    expect((await recipient.client.send(new ListWorkloadsCommand({}))).WorkloadSummaries).toEqual([]);
    await other.context().close();
  });

  it('deletes the workload after confirming', async () => {
    await open(`/workloads/${workloadId}`);
    await page.getByRole('button', { name: 'Delete workload' }).click();
    await page.getByRole('dialog').getByText('Deleting a workload cannot be undone.', { exact: false }).waitFor();
    await h.shot('delete-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL('**/console/workloads');
    await page.getByRole('row').filter({ hasText: 'Internal Employee Portal' }).waitFor();
    await expect(page.getByRole('row').filter({ hasText: NAME }).count()).resolves.toBe(0);
    await h.shot('workload-deleted');
    const { WorkloadSummaries } = await wa().send(new ListWorkloadsCommand({}));
    expect(WorkloadSummaries?.map((w) => w.WorkloadName)).toEqual(['Internal Employee Portal']);
    expect(h.pageErrors).toEqual([]);
  });
});
