import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateMilestoneCommand,
  CreateWorkloadCommand,
  DeleteWorkloadCommand,
  GetLensReviewReportCommand,
  ListCheckSummariesCommand,
  UpdateAnswerCommand,
  UpdateGlobalSettingsCommand,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinLenses } from '../../src/services/lenses/builtin-lenses';
import { createAccount, defaultRoot, startServerWithAccounts, type Actor } from '../support/accounts';
import { importFile } from '../support/check-imports';
import { hasPdftotext, pdfText } from '../support/pdf-text';
import { type TestServer } from '../support/server';
import { accept, shareWorkload } from '../support/shares';
import { signedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * Checks in the review: the lens review's checks with the followed practices they
 * contradict (ListLensReviewChecks), flagged resources (ListCheckResources), the
 * discovery switch, reports in every format, milestones, the workload file, a
 * share's recipient and the workload's deletion - on both stores.
 */

const FRAMEWORK = loadBuiltinLenses().find((l) => l.alias === 'wellarchitected')!.current;
const LENS_ARN = FRAMEWORK.arn;
const FOLLOWED = 'sec_identities_enforce_mechanisms'; // selected, with a failing check: contradicted
const UNFOLLOWED = 'sec_identities_unique'; // not selected, with a warning: not a contradiction
const QUESTION = 'identities';
const A = '111111111111';
const B = '222222222222';

const line = (o: Record<string, unknown>) => JSON.stringify({ Time: '2026-12-01T10:00:00Z', ...o });
const FIRST_SCAN = [
  line({ CheckId: 'iam_user_mfa', Name: 'IAM users have MFA', Status: 'ERROR', AccountId: A, PracticeIds: [FOLLOWED], Resources: [{ Id: 'arn:aws:iam::111111111111:user/alice' }, { Id: 'arn:aws:iam::111111111111:user/bob' }] }),
  line({ CheckId: 'iam_user_mfa', Name: 'IAM users have MFA', Status: 'OKAY', AccountId: B, PracticeIds: [FOLLOWED] }),
  line({ CheckId: 'root_mfa', Name: 'Root user has MFA', Status: 'OKAY', AccountId: A, PracticeIds: [FOLLOWED] }),
  line({ CheckId: 'access_keys_rotated', Name: 'Access keys rotated', Status: 'WARNING', AccountId: A, PracticeIds: [UNFOLLOWED], Resources: [{ Id: 'key-1', Region: 'eu-west-1' }] }),
].join('\n');
/** Account A fixed its users: a later scan of A says so. */
const SECOND_SCAN = [
  line({ CheckId: 'iam_user_mfa', Name: 'IAM users have MFA', Status: 'OKAY', AccountId: A, PracticeIds: [FOLLOWED] }),
  line({ CheckId: 'root_mfa', Name: 'Root user has MFA', Status: 'OKAY', AccountId: A, PracticeIds: [FOLLOWED] }),
].join('\n');

interface PracticeEntry {
  ChoiceId: string;
  Selected: boolean;
  Contradicted: boolean;
  CheckSummaries: Array<{ Id: string; Provider: string; Status: string; AccountSummary: Record<string, number>; FlaggedResources: number }>;
}

describe.each(storeKinds())('checks in the review on %s', (kind) => {
  let server: TestServer;
  let owner: Actor;
  let workloadId: string;
  let dir: string;

  const call = (actor: Actor, p: string, query?: Record<string, string>) =>
    signedFetch(server.url, { method: 'GET', path: p, query, credentials: actor.credentials });
  const reviewChecks = async (actor: Actor, id: string, query?: Record<string, string>) => {
    const res = await call(actor, `/_plumbline/workloads/${id}/lensReviews/wellarchitected/checks`, query);
    expect(res.status, res.text).toBe(200);
    return res.json as { DiscoveryIntegrationStatus: string; MilestoneNumber?: number; Practices: PracticeEntry[] };
  };
  const practice = (out: { Practices: PracticeEntry[] }, choiceId: string) => out.Practices.find((p) => p.ChoiceId === choiceId)!;
  const exportText = (format: string, query: Record<string, string> = {}) =>
    call(owner, `/_plumbline/export/workloads/${workloadId}/lensReviews/wellarchitected`, { Format: format, ...query });
  const scan = async (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const result = await importFile(server, workloadId, file, { Format: 'JSONL', Source: 'Scanner' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    return result.json;
  };
  const setDiscovery = (actor: Actor, status: 'ENABLED' | 'DISABLED') =>
    actor.client.send(new UpdateGlobalSettingsCommand({ DiscoveryIntegrationStatus: status }));

  beforeAll(async () => {
    server = await startServerWithAccounts(kind);
    owner = defaultRoot(server);
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-checks-review-'));
    const created = await owner.client.send(
      new CreateWorkloadCommand({ WorkloadName: `Checked ${kind}`, Description: 'Checks in the review', Environment: 'PRODUCTION', AwsRegions: ['eu-west-1'], ReviewOwner: 'owner@example.com', Lenses: ['wellarchitected'] }),
    );
    workloadId = created.WorkloadId!;
    await owner.client.send(new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: QUESTION, SelectedChoices: [FOLLOWED] }));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says an import is hidden while the discovery switch is off, and lists the checks with their contradictions', async () => {
    const result = await scan('first.jsonl', FIRST_SCAN);
    // One result per check, account and practice.
    expect(result).toMatchObject({ CheckResults: 4, DiscoveryIntegrationStatus: 'DISABLED' });
    expect(result.Notice).toContain('update-global-settings --discovery-integration-status ENABLED');

    const out = await reviewChecks(owner, workloadId);
    expect(out.DiscoveryIntegrationStatus).toBe('DISABLED');
    expect(out.Practices.map((p) => p.ChoiceId)).toEqual([FOLLOWED, UNFOLLOWED]);
    const followed = practice(out, FOLLOWED);
    expect(followed).toMatchObject({ Selected: true, Contradicted: true });
    expect(followed.CheckSummaries).toEqual([
      expect.objectContaining({ Id: 'iam_user_mfa', Provider: 'Scanner', Status: 'ERROR', AccountSummary: { ERROR: 1, OKAY: 1 }, FlaggedResources: 2 }),
      expect.objectContaining({ Id: 'root_mfa', Status: 'OKAY', AccountSummary: { OKAY: 1 }, FlaggedResources: 0 }),
    ]);
    expect(practice(out, UNFOLLOWED)).toMatchObject({ Selected: false, Contradicted: false, CheckSummaries: [expect.objectContaining({ Status: 'WARNING' })] });
    // One question's practices only.
    expect((await reviewChecks(owner, workloadId, { QuestionId: 'permissions' })).Practices).toEqual([]);

    // The API lists checks whatever the switch says.
    const summaries = await owner.client.send(
      new ListCheckSummariesCommand({ WorkloadId: workloadId, LensArn: LENS_ARN, PillarId: 'security', QuestionId: QUESTION, ChoiceId: FOLLOWED }),
    );
    expect(summaries.CheckSummaries?.map((s) => s.Status)).toEqual(['ERROR', 'OKAY']);
  });

  it('pages through the resources a check flagged, through the model', async () => {
    const first = await call(owner, `/_plumbline/workloads/${workloadId}/checks/iam_user_mfa/resources`, { AccountId: A, Provider: 'Scanner', MaxResults: '1' });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ FlaggedResources: [{ Id: 'arn:aws:iam::111111111111:user/alice', Status: 'ERROR' }] });
    const second = await call(owner, `/_plumbline/workloads/${workloadId}/checks/iam_user_mfa/resources`, {
      AccountId: A,
      Provider: 'Scanner',
      NextToken: first.json!.NextToken as string,
    });
    expect(second.json).toMatchObject({ FlaggedResources: [{ Id: 'arn:aws:iam::111111111111:user/bob' }] });
    expect(second.json!.NextToken).toBeUndefined();
    const missing = await call(owner, `/_plumbline/workloads/${workloadId}/checks/iam_user_mfa/resources`, { AccountId: A });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('Provider');
  });

  it('leaves checks out of the reports while the switch is off, and puts them in every format once it is on', async () => {
    expect((await exportText('MARKDOWN')).text).not.toContain('Checks from scanners');
    const hiddenCsv = (await exportText('CSV')).text.split('\r\n');
    expect(hiddenCsv.find((l) => l.includes(`,${FOLLOWED},`))).toMatch(/,,,$/);

    await setDiscovery(owner, 'ENABLED');
    expect((await reviewChecks(owner, workloadId)).DiscoveryIntegrationStatus).toBe('ENABLED');
    const csv = (await exportText('CSV')).text.split('\r\n');
    const row = csv.find((l) => l.includes(`,${FOLLOWED},`))!;
    expect(row).toContain(',Error,"IAM users have MFA (Scanner): Error; accounts: 1 error, 1 okay; 2 flagged resources | Root user has MFA (Scanner): Okay; accounts: 1 okay",IAM users have MFA');
    expect(csv.find((l) => l.includes(`,${UNFOLLOWED},`))).toMatch(/,Warning,Access keys rotated \(Scanner\): Warning; accounts: 1 warning; 1 flagged resource,$/);

    const md = (await exportText('MARKDOWN')).text;
    expect(md).toContain('3 check results on 2 best practices, 2 reporting a problem; 1 practice marked as followed is contradicted by them.');
    expect(md).toContain('- **Use strong sign-in mechanisms: Marked as followed, but contradicted by: IAM users have MFA (Error)**');

    if (!hasPdftotext) return;
    const report = await owner.client.send(new GetLensReviewReportCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected' }));
    const text = await pdfText(Buffer.from(report.LensReviewReport!.Base64String!, 'base64'));
    expect(text).toContain('Checks from scanners');
    expect(text).toContain('Use strong sign-in mechanisms - IAM users have MFA (Scanner): Error; accounts: 1 error, 1 okay; 2 flagged resources');
    expect(text).toContain('Marked as followed, but contradicted by: IAM users have MFA (Error)');
  });

  it('keeps the checks in a milestone as they were when it was saved', async () => {
    const { MilestoneNumber } = await owner.client.send(new CreateMilestoneCommand({ WorkloadId: workloadId, MilestoneName: 'Before the fix' }));
    await scan('second.jsonl', SECOND_SCAN);
    const now = await reviewChecks(owner, workloadId);
    expect(practice(now, FOLLOWED)).toMatchObject({ Contradicted: false, CheckSummaries: [expect.objectContaining({ Id: 'iam_user_mfa', Status: 'OKAY', AccountSummary: { OKAY: 2 } }), expect.anything()] });
    // Account A's earlier warning went with the new scan of A.
    expect(practice(now, UNFOLLOWED)).toBeUndefined();

    const then = await reviewChecks(owner, workloadId, { MilestoneNumber: String(MilestoneNumber) });
    expect(then.MilestoneNumber).toBe(MilestoneNumber);
    expect(practice(then, FOLLOWED)).toMatchObject({ Contradicted: true, CheckSummaries: [expect.objectContaining({ Status: 'ERROR', AccountSummary: { ERROR: 1, OKAY: 1 } }), expect.anything()] });
    expect(practice(then, UNFOLLOWED).CheckSummaries[0].Status).toBe('WARNING');
    const md = (await exportText('MARKDOWN', { MilestoneNumber: String(MilestoneNumber) })).text;
    expect(md).toContain('contradicted by: IAM users have MFA (Error)');
    expect((await exportText('MARKDOWN')).text).not.toContain('contradicted by: IAM users have MFA');
  });

  it('carries the checks, the milestone checks and the flagged resources through an export and an import', async () => {
    // Another scanner's failing check in account B, with a flagged resource.
    const other = path.join(dir, 'other.jsonl');
    writeFileSync(other, line({ CheckId: 'bucket_public', Name: 'Public buckets', Status: 'ERROR', AccountId: B, PracticeIds: [UNFOLLOWED], Resources: [{ Id: 'arn:aws:s3:::open', Region: 'eu-west-1', Type: 'AwsS3Bucket' }] }));
    expect((await importFile(server, workloadId, other, { Format: 'JSONL', Source: 'Other' })).status).toBe(200);
    const exported = await call(owner, `/_plumbline/export/workloads/${workloadId}`);
    expect(exported.status).toBe(200);
    const doc = exported.json as { Checks: unknown[]; FlaggedResources: unknown[]; Milestones: Array<{ Checks: unknown[] }> };
    expect(doc.Checks).toHaveLength(4);
    expect(doc.FlaggedResources).toHaveLength(1);
    expect(doc.Milestones[0].Checks).toHaveLength(4);
    const imported = await signedFetch(server.url, { method: 'POST', path: '/_plumbline/import/workloads', query: { WorkloadName: `Checked copy ${kind}` }, body: exported.text });
    expect(imported.status, imported.text).toBe(200);
    const copy = imported.json!.WorkloadId as string;
    const strip = (o: Record<string, unknown>) => ({ ...o, WorkloadId: undefined });
    expect(strip(await reviewChecks(owner, copy))).toEqual(strip(await reviewChecks(owner, workloadId)));
    const m = { MilestoneNumber: '1' };
    expect(strip(await reviewChecks(owner, copy, m))).toEqual(strip(await reviewChecks(owner, workloadId, m)));
    const resources = await call(owner, `/_plumbline/workloads/${copy}/checks/bucket_public/resources`, { AccountId: B, Provider: 'Other' });
    expect(resources.json!.FlaggedResources).toEqual([{ Id: 'arn:aws:s3:::open', Region: 'eu-west-1', Type: 'AwsS3Bucket', Status: 'ERROR' }]);

    // A file whose check names a practice the lens does not have is refused whole, by its place.
    const bad = JSON.parse(exported.text) as { Checks: Array<{ ChoiceId: string }> };
    bad.Checks[1].ChoiceId = 'no_such_practice';
    const refused = await signedFetch(server.url, { method: 'POST', path: '/_plumbline/import/workloads', query: { WorkloadName: `Refused ${kind}` }, body: JSON.stringify(bad) });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Checks[1].ChoiceId');
  });

  it("shows a shared workload's checks to its recipient, under the recipient's own switch", async () => {
    const recipient = await createAccount(server, '444455556666');
    await shareWorkload(owner, workloadId, recipient, 'READONLY');
    await accept(recipient, workloadId);
    const out = await reviewChecks(recipient, workloadId);
    expect(out.DiscoveryIntegrationStatus).toBe('DISABLED');
    expect(practice(out, FOLLOWED).CheckSummaries.map((c) => c.Id)).toEqual(['iam_user_mfa', 'root_mfa']);
    const summaries = await recipient.client.send(
      new ListCheckSummariesCommand({ WorkloadId: workloadId, LensArn: LENS_ARN, PillarId: 'security', QuestionId: QUESTION, ChoiceId: FOLLOWED }),
    );
    expect(summaries.CheckSummaries).toHaveLength(2);
    // A reader may not import.
    const file = path.join(dir, 'recipient.jsonl');
    writeFileSync(file, SECOND_SCAN);
    expect((await importFile(server, workloadId, file, { Format: 'JSONL', Source: 'Scanner' }, recipient.credentials)).status).toBe(403);
  });

  it('deletes the checks, milestone checks and flagged resources with the workload', async () => {
    const db = server.built.services.store.db;
    const count = async (table: 'check_results' | 'check_resources' | 'milestone_check_results') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workload_id', '=', workloadId).executeTakeFirstOrThrow()).n);
    await scan('third.jsonl', FIRST_SCAN);
    expect(await count('check_results')).toBeGreaterThan(0);
    expect(await count('check_resources')).toBeGreaterThan(0);
    expect(await count('milestone_check_results')).toBeGreaterThan(0);
    await owner.client.send(new DeleteWorkloadCommand({ WorkloadId: workloadId, ClientRequestToken: `delete-${kind}` }));
    expect(await count('check_results')).toBe(0);
    expect(await count('check_resources')).toBe(0);
    expect(await count('milestone_check_results')).toBe(0);
    await setDiscovery(owner, 'DISABLED');
  });
});
