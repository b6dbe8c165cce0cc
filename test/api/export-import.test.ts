import {
  CreateMilestoneCommand,
  CreateWorkloadCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  GetWorkloadCommand,
  ListWorkloadsCommand,
  UpdateAnswerCommand,
  UpdateLensReviewCommand,
  WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { signedFetch, unsignedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

const PRIORITIES = {
  QuestionId: 'priorities',
  SelectedChoices: ['ops_priorities_ext_cust_needs', 'ops_priorities_compliance_reqs'],
  ChoiceUpdates: { ops_priorities_int_cust_needs: { Status: 'NOT_APPLICABLE' as const, Reason: 'OUT_OF_SCOPE' as const, Notes: 'no internal users' } },
  Notes: 'Reviewed "quarterly", with finance, ops',
};

describe.each(storeKinds())('export and import (%s)', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let workloadId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
    ({ WorkloadId: workloadId } = (await client.send(
      new CreateWorkloadCommand({
        WorkloadName: 'Payments',
        Description: 'Payment processing',
        Environment: 'PRODUCTION',
        Lenses: ['wellarchitected', 'serverless'],
        AwsRegions: ['eu-west-1'],
        ReviewOwner: 'payments-team',
        Tags: { team: 'payments' },
      }),
    )) as { WorkloadId: string });
    await client.send(new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', ...PRIORITIES }));
    await client.send(
      new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: 'org-culture', IsApplicable: false, Reason: 'BUSINESS_PRIORITIES' }),
    );
    await client.send(
      new UpdateLensReviewCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', LensNotes: 'Lens notes', PillarNotes: { security: 'Security notes' } }),
    );
  });
  afterAll(() => server?.close());

  const exportWorkload = (id: string, query?: Record<string, string>) => signedFetch(server.url, { method: 'GET', path: `/_plumbline/export/workloads/${id}`, query });
  const importWorkload = (body: string, query?: Record<string, string>) =>
    signedFetch(server.url, { method: 'POST', path: '/_plumbline/import/workloads', body, query });

  it('exports a workload as JSON that imports as a new workload with the same answers, notes and risks', async () => {
    const exported = await exportWorkload(workloadId);
    expect(exported.status).toBe(200);
    const doc = exported.json!;
    expect(doc).toMatchObject({ format: 'plumbline-workload', version: 1, source: { WorkloadId: workloadId } });
    expect(doc.Workload).toMatchObject({ WorkloadName: 'Payments', Lenses: ['wellarchitected', 'serverless'], Tags: { team: 'payments' } });

    const imported = await importWorkload(exported.text, { WorkloadName: 'Payments copy' });
    expect(imported.status).toBe(200);
    const copyId = imported.json!.WorkloadId as string;
    expect(copyId).toMatch(/^[0-9a-f]{32}$/);
    expect(copyId).not.toBe(workloadId);

    const [original, copy] = await Promise.all([workloadId, copyId].map((id) => client.send(new GetWorkloadCommand({ WorkloadId: id }))));
    expect(copy.Workload).toMatchObject({ WorkloadName: 'Payments copy', ReviewOwner: 'payments-team', AwsRegions: ['eu-west-1'], Tags: { team: 'payments' } });
    expect(copy.Workload!.RiskCounts).toEqual(original.Workload!.RiskCounts);
    expect(copy.Workload!.Lenses).toEqual(original.Workload!.Lenses);
    for (const lens of ['wellarchitected', 'serverless']) {
      const [a, b] = await Promise.all([workloadId, copyId].map((id) => client.send(new GetLensReviewCommand({ WorkloadId: id, LensAlias: lens }))));
      expect(b.LensReview!.RiskCounts).toEqual(a.LensReview!.RiskCounts);
      expect(b.LensReview!.Notes).toEqual(a.LensReview!.Notes);
      expect(b.LensReview!.PillarReviewSummaries).toEqual(a.LensReview!.PillarReviewSummaries);
    }
    for (const QuestionId of ['priorities', 'org-culture']) {
      const [a, b] = await Promise.all(
        [workloadId, copyId].map((id) => client.send(new GetAnswerCommand({ WorkloadId: id, LensAlias: 'wellarchitected', QuestionId }))),
      );
      expect(b.Answer).toEqual(a.Answer);
    }
  });

  it('refuses a second import under the same name, and leaves nothing behind when an answer is invalid', async () => {
    const exported = await exportWorkload(workloadId);
    const conflict = await importWorkload(exported.text);
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('x-amzn-ErrorType')).toMatch(/ConflictException/);

    const doc = JSON.parse(exported.text);
    doc.LensReviews[0].Answers[0].SelectedChoices = ['no_such_choice'];
    const bad = await importWorkload(JSON.stringify(doc), { WorkloadName: 'Broken import' });
    expect(bad.status).toBe(400);
    expect((bad.json!.Fields as Array<{ Name: string }>)[0].Name).toBe('LensReviews[0].Answers[0].SelectedChoices[0]');
    const { WorkloadSummaries } = await client.send(new ListWorkloadsCommand({ WorkloadNamePrefix: 'Broken' }));
    expect(WorkloadSummaries).toEqual([]);
  });

  it('checks the file against the model and the format', async () => {
    const doc = JSON.parse((await exportWorkload(workloadId)).text);
    doc.LensReviews[0].Answers[0].Notes = 'x'.repeat(2085);
    const tooLong = await importWorkload(JSON.stringify(doc), { WorkloadName: 'Too long' });
    expect(tooLong.status).toBe(400);
    expect((tooLong.json!.Fields as Array<{ Name: string }>).map((f) => f.Name)).toContain('LensReviews[0].Answers[0].Notes');
    const notOurs = await importWorkload(JSON.stringify({ format: 'something-else' }));
    expect(notOurs.status).toBe(400);
    expect(notOurs.json!.Fields).toEqual([{ Name: 'format', Message: "must be 'plumbline-workload'" }]);
    const notJson = await importWorkload('{not json');
    expect(notJson.json!.Reason).toBe('CANNOT_PARSE');
  });

  it('exports a milestone as it was saved', async () => {
    const { MilestoneNumber } = await client.send(new CreateMilestoneCommand({ WorkloadId: workloadId, MilestoneName: 'Version 1', ClientRequestToken: 'export-m1' }));
    await client.send(new UpdateLensReviewCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', LensNotes: 'After the milestone' }));
    const doc = (await exportWorkload(workloadId, { MilestoneNumber: String(MilestoneNumber) })).json!;
    expect(doc.source).toMatchObject({ MilestoneNumber });
    expect((doc.LensReviews as Array<{ LensNotes?: string }>)[0].LensNotes).toBe('Lens notes');
  });

  it('exports a lens review as CSV with one row per best practice', async () => {
    const res = await signedFetch(server.url, { method: 'GET', path: `/_plumbline/export/workloads/${workloadId}/lensReviews/wellarchitected`, query: { Format: 'CSV' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe(
      'Pillar,Question ID,Question,Risk,Question applicable,Question reason,Question notes,Choice ID,Best practice,Status,Reason,Choice notes,Improvement plan,Improvement plan URL,Check status,Checks,Contradicted by checks',
    );
    const row = (choice: string) => lines.find((l) => l.includes(`,${choice},`))!;
    expect(row('ops_priorities_ext_cust_needs')).toContain(',SELECTED,');
    expect(row('ops_priorities_int_cust_needs')).toContain(',NOT_APPLICABLE,OUT_OF_SCOPE,no internal users,');
    // Notes with quotes and commas are quoted the CSV way.
    expect(row('ops_priorities_ext_cust_needs')).toContain('"Reviewed ""quarterly"", with finance, ops"');
    // A practice not followed on a question at risk carries its improvement plan.
    expect(row('ops_priorities_eval_threat_landscape')).toMatch(/,UNSELECTED,,,[^,]+/);
    expect(lines.filter((l) => l.includes(',org-culture,')).every((l) => l.includes(',NOT_APPLICABLE,false,BUSINESS_PRIORITIES,'))).toBe(true);
  });

  it('exports a lens review as Markdown and as PDF', async () => {
    const md = await signedFetch(server.url, { method: 'GET', path: `/_plumbline/export/workloads/${workloadId}/lensReviews/wellarchitected`, query: { Format: 'MARKDOWN' } });
    expect(md.status).toBe(200);
    expect(md.text).toMatch(/^# Payments: Well-Architected Framework/);
    expect(md.text).toContain('## Risk summary');
    expect(md.text).toMatch(/\| Security \| \d+ \| 0 \| 0 \| 0 \| 0 \|/);
    expect(md.text).toContain('Pillar notes: Security notes');
    expect(md.text).toMatch(/- \[x\] Evaluate external customer needs/);
    expect(md.text).toMatch(/- \[ \] Evaluate internal customer needs \(not applicable: OUT_OF_SCOPE\) - no internal users/);
    expect(md.text).toContain('## Improvement plan');
    const pdf = await fetchBytes(server.url, `/_plumbline/export/workloads/${workloadId}/lensReviews/serverless`, 'PDF');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses bad formats, unknown lenses and unsigned calls', async () => {
    const badFormat = await signedFetch(server.url, { method: 'GET', path: `/_plumbline/export/workloads/${workloadId}/lensReviews/wellarchitected`, query: { Format: 'XLS' } });
    expect(badFormat.status).toBe(400);
    expect(badFormat.json!.Fields).toEqual([{ Name: 'Format', Message: 'must be one of CSV, MARKDOWN, PDF' }]);
    const unknown = await signedFetch(server.url, { method: 'GET', path: `/_plumbline/export/workloads/${workloadId}/lensReviews/saas`, query: { Format: 'CSV' } });
    // As GetLensReviewReport answers a lens not applied (the hosted service's ValidationException).
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toContain('No lens review for lens alias saas');
    const badId = await exportWorkload('not-an-id');
    expect(badId.status).toBe(400);
    const unsigned = await unsignedFetch(server.url, { method: 'GET', path: `/_plumbline/export/workloads/${workloadId}` });
    expect(unsigned.status).toBe(403);
  });
});

async function fetchBytes(url: string, path: string, format: string): Promise<Buffer> {
  const res = await signedFetch(url, { method: 'GET', path, query: { Format: format } });
  expect(res.status).toBe(200);
  // signedFetch reads text; a PDF's header survives that, which is all this checks.
  return Buffer.from(res.text, 'latin1');
}
