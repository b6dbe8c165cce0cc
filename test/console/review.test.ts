import { readFileSync } from 'node:fs';
import {
  AssociateLensesCommand,
  CreateLensVersionCommand,
  CreateProfileCommand,
  CreateWorkloadCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  GetProfileTemplateCommand,
  ImportLensCommand,
  ListAnswersCommand,
  ListMilestonesCommand,
  UpdateAnswerCommand,
} from '@aws-sdk/client-wellarchitected';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeConsole, startConsole, type ConsoleHarness } from './support';

/**
 * The review pages of the console (issue 8): the question page's three panels, lens
 * details with its improvement plan and report, and lens upgrades, driven in Chromium
 * against a real server whose state is checked through the SDK.
 */

const LENS = 'wellarchitected';
/** As long as the harness's step timeout: the page answers after its API calls. */
const POLL = { timeout: 10_000 };

describeConsole('console review, lens details and lens upgrades', () => {
  let h: ConsoleHarness;
  let page: Page;
  let workloadId: string;
  const open = (path: string) => page.goto(`/console${path}`);
  const answer = async (questionId: string) =>
    (await h.server.client.send(new GetAnswerCommand({ WorkloadId: workloadId, LensAlias: LENS, QuestionId: questionId }))).Answer!;
  // Numbered as the guide does: "OPS 3" (all these questions are in Operational Excellence).
  const questionHeading = (n: number) => page.getByRole('heading', { name: new RegExp(`^OPS ${n} `) });

  beforeAll(async () => {
    h = await startConsole(import.meta.url);
    page = h.page;
    const created = await h.server.client.send(
      new CreateWorkloadCommand({
        WorkloadName: 'Retail Website - North America',
        Description: 'The retail storefront',
        Environment: 'PRODUCTION',
        Lenses: [LENS],
        AwsRegions: ['us-east-1'],
      }),
    );
    workloadId = created.WorkloadId!;
  });
  afterAll(() => h?.close());

  it('answers a question with practices, greys the practices out while "None of these" is ticked, and saves on Next', async () => {
    await open(`/workloads/${workloadId}/lenses/${LENS}/questions/priorities`);
    await page.getByRole('heading', { name: 'OPS 1 How do you determine what your priorities are?' }).waitFor();
    const external = page.getByRole('checkbox', { name: 'Evaluate external customer needs' });
    const internal = page.getByRole('checkbox', { name: 'Evaluate internal customer needs' });
    const none = page.getByRole('checkbox', { name: 'None of these' });
    // Every practice not followed shows the risk issue it raises (all of this question's raise one); "None of these" none.
    const badges = page.getByRole('img', { name: /^(High|Medium) risk issue if not followed$/ });
    await badges.first().waitFor(POLL);
    expect(await badges.count()).toBe((await answer('priorities')).Choices!.length - 1);
    await external.check();
    await none.check();
    // As the hosted console: the practice already ticked stays ticked, and none can be changed.
    expect(await external.isChecked()).toBe(true);
    expect(await internal.isDisabled()).toBe(true);
    expect(await external.isDisabled()).toBe(true);
    await none.uncheck();
    await internal.check();
    // Info shows the practice in the right panel.
    await page.getByRole('button', { name: 'Info about Evaluate internal customer needs' }).click();
    await page.getByRole('heading', { name: 'Info' }).waitFor();
    await h.shot('question-answered-with-info');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/questions\/ops-model$/);
    await questionHeading(2).waitFor();
    expect(await page.getByText('Operational Excellence 1/11').count()).toBe(1);
    expect(await page.getByRole('listitem').filter({ hasText: 'OPS 1 How do you determine what your priorities are?' }).getByText('Done').count()).toBe(1);
    await h.shot('next-question');
    const saved = await answer('priorities');
    expect(saved.SelectedChoices).toEqual(['ops_priorities_ext_cust_needs', 'ops_priorities_int_cust_needs']);
    expect(saved.Risk).toBe('HIGH');
  });

  it('marks a question as not applying, with a reason and notes', async () => {
    await page.getByRole('checkbox', { name: 'Question does not apply to this workload' }).check();
    await page.getByRole('button', { name: /Reason/ }).click();
    await page.getByRole('option', { name: 'Business priorities' }).click();
    const notes = 'Run by the platform team, reviewed there.';
    await page.getByLabel('Notes').fill(notes);
    expect(await page.getByText(`${(2084 - notes.length).toLocaleString('en-US')} characters remaining`).count()).toBe(1);
    await h.shot('question-not-applicable');
    await page.getByRole('button', { name: 'Next' }).click();
    await questionHeading(3).waitFor();
    const saved = await answer('ops-model');
    expect(saved).toMatchObject({ IsApplicable: false, Reason: 'BUSINESS_PRIORITIES', Notes: 'Run by the platform team, reviewed there.', Risk: 'NOT_APPLICABLE' });
  });

  it('marks one practice as not applicable with a reason and details, then saves and exits', async () => {
    const practice = (await answer('org-culture')).Choices![0];
    await page.getByRole('checkbox', { name: practice.Title! }).first().check();
    await page.getByText("Mark best practice(s) that don't apply to this workload").click();
    const second = (await answer('org-culture')).Choices![1];
    const marks = page.getByRole('checkbox', { name: second.Title! });
    await marks.last().check();
    // Marking it not applicable takes it out of the practices followed.
    expect(await marks.first().isDisabled()).toBe(true);
    await page.getByRole('button', { name: `Reason why ${second.Title} does not apply` }).click();
    await page.getByRole('option', { name: 'Out of scope' }).click();
    await page.getByLabel(`Details on why ${second.Title} does not apply`).fill('Comes with the next release');
    expect(await page.getByText(`${250 - 27} characters remaining`).count()).toBe(1);
    await h.shot('practice-not-applicable');
    await page.getByRole('button', { name: 'Save and exit' }).click();
    await page.waitForURL(new RegExp(`/console/workloads/${workloadId}$`));
    const saved = await answer('org-culture');
    expect(saved.SelectedChoices).toEqual([practice.ChoiceId]);
    expect(saved.ChoiceAnswers).toContainEqual({ ChoiceId: second.ChoiceId, Status: 'NOT_APPLICABLE', Reason: 'OUT_OF_SCOPE', Notes: 'Comes with the next release' });
  });

  it('keeps the reviewer\'s choices and notes when a save fails, and says which field failed', async () => {
    await open(`/workloads/${workloadId}/lenses/${LENS}/questions/observability`);
    await questionHeading(4).waitFor();
    const first = (await answer('observability')).Choices![0];
    // By keyboard: the practice is a focusable checkbox that Space toggles.
    await page.getByRole('checkbox', { name: first.Title! }).first().focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: first.Title! }).first().isChecked()).toBe(true);
    const notes = 'x'.repeat(2090);
    await page.getByLabel('Notes').fill(notes);
    expect(await page.getByText('6 characters over the limit of 2,084').count()).toBeGreaterThan(0);
    // The console lets the text through: the API's answer is the one that counts, and it is shown at the field.
    await page.getByRole('button', { name: 'Next' }).click();
    // The API's words, at the field (and in the alert by the buttons).
    await page.getByText('must be at most 2084 characters long (is 2090)').first().waitFor();
    await h.shot('failed-save-keeps-state');
    expect(page.url()).toMatch(/questions\/observability$/);
    expect(await page.getByRole('checkbox', { name: first.Title! }).first().isChecked()).toBe(true);
    expect(await page.getByLabel('Notes').inputValue()).toBe(notes);
    expect((await answer('observability')).Risk).toBe('UNANSWERED');
    await page.getByLabel('Notes').fill('Dashboards per service.');
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await questionHeading(5).waitFor();
    expect(await answer('observability')).toMatchObject({ SelectedChoices: [first.ChoiceId], Notes: 'Dashboards per service.' });
    // Its risk is shown in the left panel once saved.
    const saved = await answer('observability');
    const item = page.getByRole('listitem').filter({ hasText: 'OPS 4 How do you implement observability' });
    expect(await item.getByText(saved.Risk === 'HIGH' ? 'High risk' : 'Medium risk').count()).toBe(1);
  });

  it('filters the improvement plan by risk and by pillar, high risks first, and expands a question to its practices', async () => {
    const set = (QuestionId: string, SelectedChoices: string[]) =>
      h.server.client.send(new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: LENS, QuestionId, SelectedChoices }));
    // High: "None of these"; medium: every practice whose neglect is a high risk, not the medium ones.
    await set('identities', ['sec_identities_no']);
    await set('permissions', ['sec_permissions_define', 'sec_permissions_least_privileges']);
    await set('service-architecture', ['rel_service_architecture_no']);
    expect((await answer('permissions')).Risk).toBe('MEDIUM');
    await open(`/workloads/${workloadId}/lenses/${LENS}?tab=improvement-plan`);
    const items = page.locator('[data-improvement-item]');
    await items.first().waitFor();
    const titles = async () => items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-risk')} ${e.getAttribute('data-question')}`));
    const all = await titles();
    expect(all.indexOf('MEDIUM permissions')).toBeGreaterThan(all.indexOf('HIGH identities'));
    expect(all.indexOf('MEDIUM permissions')).toBeGreaterThan(all.indexOf('HIGH service-architecture'));
    expect(all.filter((t) => t.startsWith('HIGH')).length).toBe(all.findIndex((t) => t.startsWith('MEDIUM')));
    await h.shot('improvement-plan');

    await page.getByRole('button', { name: 'Filter by risk' }).click();
    await page.getByRole('option', { name: 'Medium risk' }).click();
    await expect.poll(titles, POLL).toEqual(['MEDIUM permissions']);
    await page.getByRole('button', { name: 'Filter by risk' }).click();
    await page.getByRole('option', { name: 'High risk' }).click();
    await page.getByRole('button', { name: 'Filter by pillar' }).click();
    await page.getByRole('option', { name: 'Security' }).click();
    await expect.poll(titles, POLL).toEqual(['HIGH identities']);
    await items.first().locator('[aria-expanded="false"]').first().click();
    await page.getByText('Recommended improvement items').waitFor();
    const practice = (await answer('identities')).Choices![0];
    expect(await page.getByText(practice.Title!, { exact: true }).count()).toBeGreaterThan(0);
    await h.shot('improvement-plan-filtered-expanded');
  });

  it("marks the questions the workload's profile prioritizes, in the review and the improvement plan", async () => {
    const client = h.server.client;
    const template = (await client.send(new GetProfileTemplateCommand({}))).ProfileTemplate!;
    const { ProfileArn } = await client.send(
      new CreateProfileCommand({
        ProfileName: 'Online retail',
        ProfileDescription: 'Customer-facing retail workloads',
        ProfileQuestions: template.TemplateQuestions!.map((q) => ({ QuestionId: q.QuestionId, SelectedChoiceIds: [q.QuestionChoices![0].ChoiceId!] })),
      }),
    );
    const { WorkloadId } = await client.send(
      new CreateWorkloadCommand({
        WorkloadName: 'Checkout service',
        Description: 'Payments and checkout',
        Environment: 'PRODUCTION',
        Lenses: [LENS],
        AwsRegions: ['us-east-1'],
        ProfileArns: [ProfileArn!],
      }),
    );
    const summaries = (await client.send(new ListAnswersCommand({ WorkloadId, LensAlias: LENS, PillarId: 'operationalExcellence' }))).AnswerSummaries!;
    const prioritized = summaries.find((a) => a.QuestionType === 'PRIORITIZED')!;
    const other = summaries.find((a) => a.QuestionType !== 'PRIORITIZED')!;
    for (const q of [prioritized, other]) {
      const none = q.Choices!.find((c) => c.ChoiceId!.endsWith('_no'))!.ChoiceId!;
      await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: LENS, QuestionId: q.QuestionId, SelectedChoices: [none] }));
    }

    await open(`/workloads/${WorkloadId}/lenses/${LENS}/questions/${prioritized.QuestionId}`);
    await page.getByText("Prioritized by the workload's profile").waitFor();
    const navItem = (title: string) => page.getByRole('listitem').filter({ hasText: title });
    expect(await navItem(prioritized.QuestionTitle!).getByText('Prioritized').count()).toBe(1);
    expect(await navItem(other.QuestionTitle!).getByText('Prioritized').count()).toBe(0);
    await h.shot('prioritized-question');

    await open(`/workloads/${WorkloadId}/lenses/${LENS}?tab=improvement-plan`);
    const items = page.locator('[data-improvement-item]');
    await expect.poll(() => items.count(), POLL).toBe(2);
    await page.getByRole('checkbox', { name: 'Prioritized questions only' }).check();
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-question'))), POLL).toEqual([prioritized.QuestionId]);
    await h.shot('improvement-plan-prioritized');
  });

  it('edits the lens notes and continues the review at the first unanswered question', async () => {
    await open(`/workloads/${workloadId}/lenses/${LENS}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Notes').fill('Reviewed with the storefront team.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Lens notes saved.').waitFor();
    await h.shot('lens-overview');
    const review = await h.server.client.send(new GetLensReviewCommand({ WorkloadId: workloadId, LensAlias: LENS }));
    expect(review.LensReview?.Notes).toBe('Reviewed with the storefront team.');
    expect(await page.getByRole('row').filter({ hasText: 'Operational Excellence' }).textContent()).toContain('4/11');
    await page.getByRole('button', { name: 'Continue reviewing' }).click();
    await questionHeading(5).waitFor();
    expect(page.url()).toMatch(/questions\/[^/]+$/);
    expect(await page.getByText('Operational Excellence 4/11').count()).toBe(1);
    await page.goBack();
    await page.getByRole('button', { name: 'Generate report' }).waitFor();
  });

  it('generates the lens report and downloads it as a PDF', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Generate report' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const chunks: Buffer[] = [];
    for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByText('The report was generated and downloaded.').waitFor();
    await h.shot('report-downloaded');
  });

  it('upgrades a workload to the new major version of a custom lens, after showing what changed', async () => {
    const client = h.server.client;
    const doc = JSON.parse(readFileSync('src/lenses/template.json', 'utf8'));
    const { LensArn } = await client.send(new ImportLensCommand({ JSONString: JSON.stringify(doc) }));
    await client.send(new CreateLensVersionCommand({ LensAlias: LensArn, LensVersion: '1.0', IsMajorVersion: true }));
    await client.send(new AssociateLensesCommand({ WorkloadId: workloadId, LensAliases: [LensArn!] }));
    const pillar = doc.pillars[0];
    const model = pillar.questions[0];
    const prefix = (id: string) => `nq_${id}`;
    pillar.questions.push({
      ...model,
      id: 'new_question',
      title: 'Who signs off a risky release?',
      choices: model.choices.map((c: { id: string }) => ({ ...c, id: c.id.endsWith('_no') ? 'nq_no' : prefix(c.id) })),
      riskRules: model.riskRules.map((r: { condition: string }) => ({
        ...r,
        condition: r.condition === 'default' ? r.condition : r.condition.replace(/[a-z_]+/g, (id: string) => prefix(id)),
      })),
    });
    await client.send(new ImportLensCommand({ LensAlias: LensArn, JSONString: JSON.stringify(doc) }));
    await client.send(new CreateLensVersionCommand({ LensAlias: LensArn, LensVersion: '2.0', IsMajorVersion: true }));

    await open('/lens-upgrades');
    const row = page.getByRole('row').filter({ hasText: doc.name });
    await row.waitFor();
    expect(await row.textContent()).toContain('Not current');
    expect(await row.textContent()).toContain('1.0');
    expect(await row.textContent()).toContain('2.0');
    await row.getByRole('radio').check();
    await page.getByRole('button', { name: 'Upgrade lens version' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(pillar.name).first().click();
    await dialog.getByText('Who signs off a risky release?').waitFor();
    const upgrade = dialog.getByRole('button', { name: 'Upgrade lens version' });
    expect(await upgrade.isDisabled()).toBe(true);
    await dialog.getByLabel('Milestone name').fill('ab');
    await dialog.getByRole('checkbox', { name: 'I understand and accept these changes' }).check();
    await h.shot('lens-upgrade-changes');
    await upgrade.click();
    // The API's rule, at the field; the upgrade did not happen.
    await dialog.getByText(/MilestoneName|at least 3/).first().waitFor();
    await h.shot('lens-upgrade-error');
    await dialog.getByLabel('Milestone name').fill('Before platform lens 2.0');
    await upgrade.click();
    await page.getByText('Every workload uses the current version of its lenses.').waitFor();
    await h.shot('lens-upgraded');
    const review = await client.send(new GetLensReviewCommand({ WorkloadId: workloadId, LensAlias: LensArn }));
    expect(review.LensReview?.LensVersion).toBe('2.0');
    const milestones = await client.send(new ListMilestonesCommand({ WorkloadId: workloadId }));
    expect(milestones.MilestoneSummaries?.map((m) => m.MilestoneName)).toContain('Before platform lens 2.0');

    // The custom lens has a Shares tab on its lens details page, for its owner.
    await open(`/workloads/${workloadId}/lenses/${encodeURIComponent(LensArn!)}?tab=shares`);
    await page.getByText('This lens is not shared.').waitFor();
    await h.shot('custom-lens-shares');
  });
});
