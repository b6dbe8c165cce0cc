import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateMilestoneCommand, CreateWorkloadCommand, GetGlobalSettingsCommand, UpdateAnswerCommand } from '@aws-sdk/client-wellarchitected';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importFile } from '../support/check-imports';
import { describeConsole, NARROW_VIEWPORT, signInWithKey, startConsole, type ConsoleHarness } from './support';
import { ROOT_KEY } from '../support/server';

/**
 * Checks from scanners in the console (issue 18): an imported file with a failing
 * check on a practice marked as followed, hidden until the account's discovery
 * switch is turned on in Settings, then shown under the practice with the
 * contradiction flagged, its flagged resources on demand, the improvement plan
 * and a milestone. Screenshots at 1280x800 and at 800 px wide.
 */

const LENS = 'wellarchitected';
const QUESTION = 'identities';
const POLL = { timeout: 10_000 };
const FINDINGS = [
  { CheckId: 'iam_user_mfa', Name: 'IAM users have MFA', Description: 'Every IAM user with a password has MFA', Status: 'ERROR', AccountId: '111111111111', PracticeIds: ['sec_identities_enforce_mechanisms'], Resources: [{ Id: 'arn:aws:iam::111111111111:user/alice', Region: 'us-east-1' }, { Id: 'arn:aws:iam::111111111111:user/bob', Region: 'us-east-1' }], Message: 'User has no MFA device' },
  { CheckId: 'iam_user_mfa', Name: 'IAM users have MFA', Status: 'OKAY', AccountId: '222222222222', PracticeIds: ['sec_identities_enforce_mechanisms'] },
  { CheckId: 'root_mfa', Name: 'Root user has MFA', Status: 'OKAY', AccountId: '111111111111', PracticeIds: ['sec_identities_enforce_mechanisms'] },
  { CheckId: 'access_keys_rotated', Name: 'Access keys rotated within 90 days', Status: 'WARNING', AccountId: '111111111111', PracticeIds: ['sec_identities_audit'], Resources: [{ Id: 'AKIAEXAMPLE' }] },
];

describeConsole('console checks from scanners', () => {
  let h: ConsoleHarness;
  let page: Page;
  let workloadId: string;
  let dir: string;
  const open = (p: string) => page.goto(`/console${p}`);
  const questionPage = `/workloads/${'%s'}/lenses/${LENS}/questions/${QUESTION}`;
  const openQuestion = (p = page) => p.goto(`/console${questionPage.replace('%s', workloadId)}`);
  const contradiction = () => page.getByText('Checks contradict practices marked as followed');

  beforeAll(async () => {
    h = await startConsole(import.meta.url);
    page = h.page;
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-console-checks-'));
    const created = await h.server.client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Payments', Description: 'Card payments', Environment: 'PRODUCTION', Lenses: [LENS], AwsRegions: ['us-east-1'] }),
    );
    workloadId = created.WorkloadId!;
    await h.server.client.send(
      new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: LENS, QuestionId: QUESTION, SelectedChoices: ['sec_identities_enforce_mechanisms'] }),
    );
    const file = path.join(dir, 'scan.jsonl');
    writeFileSync(file, FINDINGS.map((f) => JSON.stringify(f)).join('\n'));
    const imported = await importFile(h.server, workloadId, file, { Format: 'JSONL', Source: 'Prowler' });
    expect(imported.status, JSON.stringify(imported.json)).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides the checks while discovery integration is off and says where to turn it on', async () => {
    await openQuestion();
    await page.getByText('Checks from scanners are hidden').waitFor(POLL);
    expect(await page.getByText('IAM users have MFA').count()).toBe(0);
    expect(await contradiction().count()).toBe(0);
    await h.shot('question-checks-hidden');
    await page.getByRole('link', { name: 'Settings' }).last().click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByText('Show checks from scanners').click();
    await page.getByText('Discovery integration turned on.').waitFor(POLL);
    expect((await h.server.client.send(new GetGlobalSettingsCommand({}))).DiscoveryIntegrationStatus).toBe('ENABLED');
    await h.shot('settings-discovery-on');
  });

  it('shows the checks under each practice and flags the followed practice they contradict', async () => {
    await openQuestion();
    await contradiction().waitFor(POLL);
    const alert = page.getByRole('list', { name: 'Contradicted practices' });
    expect(await alert.innerText()).toContain('Use strong sign-in mechanisms: IAM users have MFA (Error in 1 account)');
    const followed = page.locator('[data-practice-checks="sec_identities_enforce_mechanisms"]');
    expect(await followed.locator('[data-check="iam_user_mfa"]').innerText()).toMatch(/Error\s*IAM users have MFA \(Prowler\)\s*Accounts: 1 error, 1 okay \(2 accounts\)\s*2 flagged resources/);
    expect(await followed.locator('[data-check="root_mfa"]').innerText()).toContain('Okay');
    expect(await page.getByText('Contradicted by checks').count()).toBe(1);
    // A warning on a practice not followed is shown, but contradicts nothing.
    expect(await page.locator('[data-practice-checks="sec_identities_audit"]').innerText()).toContain('Warning');
    await h.shot('question-checks-contradicted');

    // The flagged resources, on demand.
    await page.getByRole('button', { name: 'Flagged resources of IAM users have MFA' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('arn:aws:iam::111111111111:user/bob').waitFor(POLL);
    expect(await dialog.getByText('arn:aws:iam::111111111111:user/alice').count()).toBe(1);
    expect(await dialog.getByText('User has no MFA device').count()).toBe(2);
    await h.shot('flagged-resources');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Unticking the practice (not saved yet) lifts the flag; ticking it again brings it back.
    const practice = page.getByRole('checkbox', { name: 'Use strong sign-in mechanisms' });
    await practice.uncheck();
    expect(await contradiction().count()).toBe(0);
    await practice.check();
    await contradiction().waitFor();
    expect(h.pageErrors).toEqual([]);
  });

  it('marks the contradicted question in the improvement plan and keeps the checks in a milestone', async () => {
    await open(`/workloads/${workloadId}/lenses/${LENS}?tab=improvement-plan`);
    const list = page.getByRole('list', { name: 'Practices contradicted by checks' });
    await list.waitFor(POLL);
    expect(await list.innerText()).toMatch(/How do you manage authentication for people and machines\?\s*Use strong sign-in mechanisms: IAM users have MFA \(Error\)/);
    await h.shot('improvement-plan-contradicted');

    const { MilestoneNumber } = await h.server.client.send(new CreateMilestoneCommand({ WorkloadId: workloadId, MilestoneName: 'Before MFA rollout' }));
    await open(`/workloads/${workloadId}/milestones/${MilestoneNumber}`);
    await page.getByRole('heading', { name: /Checks at this milestone/ }).waitFor(POLL);
    const first = page.getByRole('row').filter({ hasText: 'Contradicted' });
    expect(await first.innerText()).toContain('IAM users have MFA (Prowler)');
    await h.shot('milestone-checks');
  });

  it('shows the checks and the flag at 800 px wide', async () => {
    const narrow = await h.newPage(NARROW_VIEWPORT);
    await signInWithKey(narrow, ROOT_KEY);
    await openQuestion(narrow);
    await narrow.getByText('Checks contradict practices marked as followed').waitFor(POLL);
    await narrow.locator('[data-check="iam_user_mfa"]').first().waitFor();
    await h.shot('question-checks-800px', narrow);
  });
});
