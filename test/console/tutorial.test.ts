import { GetAnswerCommand, GetLensReviewCommand, GetWorkloadCommand, ListMilestonesCommand, ListWorkloadsCommand } from '@aws-sdk/client-wellarchitected';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CompiledQuestion } from '../../src/domain/lens/compiled-lens';
import { describeConsole, startConsole, type ConsoleHarness } from './support';

/**
 * The user guide's tutorial, steps 1-4, through the console's pages only: define
 * "Retail Website - North America", document the state of its operational excellence
 * pillar (three high risks and one medium, with the guide's not-applicable practice),
 * save "Version 1.0 - initial review", read the improvement plan and set the
 * improvement status, fix one high risk from the plan, save a second milestone and
 * compare the two. The SDK only reads, to check what the pages did.
 */

const NAME = 'Retail Website - North America';
const LENS = 'wellarchitected';
const FIXED_NOTE = 'Added Amazon CloudWatch alarms and AWS Auto Scaling.';
// Each step is many page visits; a CI machine running every browser test at once is slow.
const STEP_MS = 180_000;

describeConsole('the tutorial in the console', () => {
  let h: ConsoleHarness;
  let page: Page;
  let workloadId: string;
  let ops: CompiledQuestion[];
  /** The questions answered "None of these" (high risk), and the one with only its high-level practices (medium). */
  let highQuestions: CompiledQuestion[];
  let mediumQuestion: CompiledQuestion;
  const wa = () => h.server.client;
  const field = (label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( - optional)?$`));
  const lensRisks = async () => (await wa().send(new GetLensReviewCommand({ WorkloadId: workloadId, LensAlias: LENS }))).LensReview!.RiskCounts!;
  const practicesOf = (q: CompiledQuestion) => q.choices.filter((c) => c.id !== q.noneChoiceId);
  const levelOf = (c: CompiledQuestion['choices'][number]) => String((c as { riskLevel?: unknown }).riskLevel ?? '');

  beforeAll(async () => {
    h = await startConsole(import.meta.url);
    page = h.page;
    const lens = h.server.built.services.catalog.official(LENS)!.current;
    ops = lens.pillars[0].questions;
    // Questions with high- and medium-level practices, so that each risk can be reached by choosing practices.
    const mixed = ops.slice(1).filter((q) => q.noneChoiceId && practicesOf(q).some((c) => levelOf(c) === 'HIGH') && practicesOf(q).some((c) => levelOf(c) === 'MEDIUM'));
    highQuestions = mixed.slice(0, 3);
    mediumQuestion = mixed[3];
  });
  afterAll(() => h?.close());

  /** Moves the review to `q` through the left panel (saving the current answer). */
  const questionHeading = (q: CompiledQuestion) => page.getByRole('heading', { level: 2, name: new RegExp(`^[A-Z]+ \\d+ ${escape(q.title)}$`) });
  const openQuestion = async (q: CompiledQuestion) => {
    // The current question is shown, not linked, in the left panel.
    if (!(await questionHeading(q).isVisible())) {
      await page.getByRole('navigation', { name: 'Pillars and questions' }).getByRole('link', { name: new RegExp(`^[A-Z]+ \\d+ ${escape(q.title)}$`) }).click();
    }
    await questionHeading(q).waitFor();
  };
  // A practice's checkbox (the first of its name: the not-applicable marks below repeat the titles).
  const practice = (title: string) => page.getByRole('checkbox', { name: new RegExp(`^${escape(title)}`) }).first();
  const check = (title: string) => practice(title).check();
  const lensLink = () => page.getByRole('link', { name: 'Well-Architected Framework', exact: true }).first();

  it('step 1: defines the workload from the dashboard', async () => {
    await page.goto('/console/');
    await page.getByRole('button', { name: 'Define workload' }).first().click();
    await page.waitForURL('**/console/workloads/new');
    await field('Name').fill(NAME);
    await field('Description').fill('The retail ecommerce website for North America');
    await field('Review owner').fill('Jane Doe, platform architecture');
    await page.getByRole('radio', { name: /^Production/ }).check();
    await page.getByRole('button', { name: /^AWS Regions/ }).click();
    await page.getByRole('option', { name: /US East \(N\. Virginia\)/ }).click();
    await page.getByRole('option', { name: /US West \(Oregon\)/ }).click();
    await page.keyboard.press('Escape');
    await field('Non-AWS regions').fill('Toronto data center');
    await h.shot('define-properties');
    await page.getByRole('button', { name: 'Next' }).click();
    await h.shot('define-lenses');
    await page.getByRole('button', { name: 'Define workload' }).click();
    await page.waitForURL(/\/console\/workloads\/[0-9a-f]{32}$/);
    workloadId = page.url().split('/').pop()!;
    await page.getByText('Start documenting your workload').waitFor();
    await h.shot('workload-defined');

    const { Workload } = await wa().send(new GetWorkloadCommand({ WorkloadId: workloadId }));
    expect(Workload).toMatchObject({ WorkloadName: NAME, Environment: 'PRODUCTION', AwsRegions: ['us-east-1', 'us-west-2'], NonAwsRegions: ['Toronto data center'], Lenses: [LENS] });
  }, STEP_MS);

  it('step 2: documents the operational excellence pillar, then saves a milestone', async () => {
    await page.getByRole('button', { name: 'Start reviewing' }).click();
    await questionHeading(ops[0]).waitFor();
    // OPS 1: the practices followed, one marked not applicable with the guide's reason and details.
    const [external, internal, ...rest] = practicesOf(ops[0]);
    await page.getByRole('button', { name: `Info about ${external.title}` }).click();
    await h.shot('review-first-question-info');
    await check(external.title);
    for (const c of rest) await check(c.title);
    await page.getByText("Mark best practice(s) that don't apply to this workload").click();
    await page.getByRole('group', { name: "Mark best practice(s) that don't apply to this workload" }).getByRole('checkbox', { name: internal.title, exact: true }).check();
    expect(await practice(internal.title).isDisabled()).toBe(true);
    await page.getByRole('button', { name: `Reason why ${internal.title} does not apply` }).click();
    await page.getByRole('option', { name: 'Out of scope' }).click();
    await page.getByLabel(`Details on why ${internal.title} does not apply`).fill('Internal customer needs to be addressed in following release');
    await page.getByLabel('Notes').fill('Reviewed with the product and operations leads.');
    await h.shot('review-first-question-answered');
    await page.getByRole('button', { name: 'Next' }).click();
    await questionHeading(ops[1]).waitFor();

    for (const q of highQuestions) {
      await openQuestion(q);
      await check(q.choices.find((c) => c.id === q.noneChoiceId)!.title);
    }
    await openQuestion(mediumQuestion);
    for (const c of practicesOf(mediumQuestion).filter((p) => levelOf(p) === 'HIGH')) await check(c.title);
    await h.shot('review-medium-question');
    await page.getByRole('button', { name: 'Save and exit' }).click();
    await page.waitForURL(new RegExp(`/console/workloads/${workloadId}$`));

    expect(await lensRisks()).toMatchObject({ HIGH: 3, MEDIUM: 1, NONE: 1 });
    const first = (await wa().send(new GetAnswerCommand({ WorkloadId: workloadId, LensAlias: LENS, QuestionId: ops[0].id }))).Answer!;
    expect(first.ChoiceAnswers?.find((c) => c.ChoiceId === internal.id)).toMatchObject({ Status: 'NOT_APPLICABLE', Reason: 'OUT_OF_SCOPE' });
    await page.getByText('Continue documenting your workload').waitFor();
    await h.shot('workload-overview-documented');

    await page.getByRole('button', { name: 'Save milestone' }).click();
    await field('Milestone name').fill('Version 1.0 - initial review');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const { MilestoneSummaries } = await wa().send(new ListMilestonesCommand({ WorkloadId: workloadId }));
    expect(MilestoneSummaries?.map((m) => m.MilestoneName)).toEqual(['Version 1.0 - initial review']);
  }, STEP_MS);

  it('step 3: reviews the improvement plan, high risks first, and sets the improvement status', async () => {
    await lensLink().click();
    await page.getByRole('tab', { name: 'Improvement plan' }).click();
    await page.getByText('Improvement plan overview').waitFor();
    const plan = page.getByRole('tabpanel');
    await expect(plan.getByText(/High risk/).first().isVisible()).resolves.toBe(true);
    await h.shot('improvement-plan');
    const items = plan.locator('[data-improvement-item]');
    await items.first().waitFor();
    const listed = await items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-risk')} ${e.getAttribute('data-question')}`));
    // High risks first, in the pillar's question order, then the medium one.
    expect(listed).toEqual([...highQuestions.map((q) => `HIGH ${q.id}`), `MEDIUM ${mediumQuestion.id}`]);

    // The workload report, as a PDF download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Generate report' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // Back to the workload by its name in the breadcrumbs, as the guide says.
    await page.getByRole('link', { name: NAME, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/console/workloads/${workloadId}$`));
    await page.getByRole('tab', { name: 'Properties' }).click();
    const properties = page.getByRole('tabpanel', { name: 'Properties' });
    await properties.getByRole('heading', { name: 'Properties' }).waitFor();
    await properties.getByRole('button', { name: 'Edit' }).click();
    await properties.getByRole('button', { name: /^Improvement status/ }).click();
    await page.getByRole('option', { name: 'Not Started' }).click();
    await properties.getByRole('button', { name: 'Save' }).click();
    await properties.getByText('Not Started').first().waitFor();
    await h.shot('improvement-status-not-started');
    const { Workload } = await wa().send(new GetWorkloadCommand({ WorkloadId: workloadId }));
    expect(Workload?.ImprovementStatus).toBe('NOT_STARTED');
  }, STEP_MS);

  it('step 4: fixes a high risk from the plan, saves a milestone and compares the two', async () => {
    const fixed = highQuestions[0];
    await page.getByRole('tab', { name: 'Overview' }).click();
    await lensLink().click();
    await page.getByRole('tab', { name: 'Improvement plan' }).click();
    const item = page.locator(`[data-improvement-item][data-question="${fixed.id}"]`);
    await item.waitFor();
    // Expanded: the practices not followed, with their improvement plans, and the way to the question.
    await item.locator('[aria-expanded="false"]').first().click();
    await item.getByText('Review this question').waitFor();
    await h.shot('improvement-item-expanded');
    await item.getByText('Review this question').click();
    await questionHeading(fixed).waitFor();
    // As in the hosted console, the practices stay greyed out until "None of these" is unticked.
    await practice(fixed.choices.find((c) => c.id === fixed.noneChoiceId)!.title).uncheck();
    for (const c of practicesOf(fixed)) await check(c.title);
    await page.getByLabel('Notes').fill(FIXED_NOTE);
    await h.shot('improving-a-question');
    await page.getByRole('button', { name: 'Save and exit' }).click();
    await page.waitForURL(new RegExp(`/console/workloads/${workloadId}$`));
    expect(await lensRisks()).toMatchObject({ HIGH: 2, MEDIUM: 1 });
    // The improvement plan shows the effect: one high risk fewer.
    await lensLink().click();
    await page.getByRole('tab', { name: 'Improvement plan' }).click();
    const items = page.locator('[data-improvement-item]');
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')))).toEqual([highQuestions[1].id, highQuestions[2].id, mediumQuestion.id]);
    await h.shot('improvement-plan-after');
    await page.getByRole('link', { name: NAME, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/console/workloads/${workloadId}$`));

    await page.getByRole('button', { name: 'Save milestone' }).click();
    await field('Milestone name').fill('Version 2.0 - monitoring and scaling');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: 'Milestones' }).click();
    await page.getByRole('tabpanel').getByText('Version 2.0 - monitoring and scaling').waitFor();
    await h.shot('milestones');
    await page.getByRole('tabpanel').getByRole('button', { name: /Compare/ }).click();
    await page.waitForURL('**/milestones/compare**');
    await page.getByText('Risks over milestones').waitFor();
    await page.getByRole('row', { name: new RegExp(escape(fixed.title)) }).first().waitFor();
    await h.shot('compare-milestones');
    const compared = await page.getByRole('row', { name: new RegExp(escape(fixed.title)) }).first().textContent();
    expect(compared).toMatch(/High/i);

    const { WorkloadSummaries } = await wa().send(new ListWorkloadsCommand({}));
    expect(WorkloadSummaries?.find((w) => w.WorkloadId === workloadId)?.ImprovementStatus).toBe('NOT_STARTED');
    expect(h.pageErrors).toEqual([]);
  }, STEP_MS);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
