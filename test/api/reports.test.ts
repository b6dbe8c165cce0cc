import {
  CreateMilestoneCommand,
  CreateWorkloadCommand,
  GetConsolidatedReportCommand,
  GetLensReviewReportCommand,
  ListAnswersCommand,
  UpdateAnswerCommand,
  UpdateLensReviewCommand,
  WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expectError, expectFieldErrors } from '../support/api-errors';
import { startServer, type TestServer } from '../support/server';
import { createAccount, defaultRoot, startServerWithAccounts } from '../support/accounts';
import { accept, shareWorkload } from '../support/shares';
import { signedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

const STANDARD_FONTS = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

/** The text of each page of a PDF, as a reader's copy-and-paste would give it. */
async function pdfPages(base64: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

async function newWorkload(client: WellArchitectedClient, name: string, lenses = ['wellarchitected']) {
  const { WorkloadId } = await client.send(
    new CreateWorkloadCommand({
      WorkloadName: name,
      Description: `${name} description`,
      Environment: 'PRODUCTION',
      Lenses: lenses,
      AwsRegions: ['us-east-1'],
      ReviewOwner: 'owner@example.com',
    }),
  );
  return WorkloadId!;
}

describe.each(storeKinds())('reports (%s)', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let workloadId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
    workloadId = await newWorkload(client, 'Retail Website');
    // priorities: one practice followed, one marked not applicable with a reason, the rest not followed.
    await client.send(
      new UpdateAnswerCommand({
        WorkloadId: workloadId,
        LensAlias: 'wellarchitected',
        QuestionId: 'priorities',
        SelectedChoices: ['ops_priorities_ext_cust_needs'],
        ChoiceUpdates: { ops_priorities_int_cust_needs: { Status: 'NOT_APPLICABLE', Reason: 'OUT_OF_SCOPE', Notes: 'internal teams are out of scope' } },
        Notes: 'Priorities are reviewed every quarter.',
      }),
    );
    await client.send(
      new UpdateLensReviewCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', LensNotes: 'Reviewed with the platform team.' }),
    );
  });
  afterAll(() => server?.close());

  it('renders the lens review as a PDF with cover, contents, risks, answers, notes and improvement plan', async () => {
    const out = await client.send(new GetLensReviewReportCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected' }));
    expect(out.WorkloadId).toBe(workloadId);
    expect(out.MilestoneNumber).toBeUndefined();
    expect(out.LensReviewReport?.LensAlias).toBe('wellarchitected');
    expect(out.LensReviewReport?.LensArn).toMatch(/^arn:aws:wellarchitected::aws:lens\/wellarchitected$/);
    const base64 = out.LensReviewReport!.Base64String!;
    if (process.env.PLUMBLINE_REPORT_DIR) writeFileSync(`${process.env.PLUMBLINE_REPORT_DIR}/lens-review-${kind}.pdf`, Buffer.from(base64, 'base64'));
    expect(Buffer.from(base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(base64);
    const all = pages.join('\n');
    // Cover
    expect(pages[0]).toContain('Retail Website');
    expect(pages[0]).toContain('owner@example.com');
    expect(pages[0]).toContain('Well-Architected Framework');
    expect(pages[0]).toMatch(/Report date \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(pages[0]).toContain('None: the review as it is now');
    // Contents with page numbers that point at the sections
    expect(pages[1]).toContain('Contents');
    const contents = /Risk summary \.+ (\d+)/.exec(pages[1]);
    expect(contents).not.toBeNull();
    expect(pages[Number(contents![1]) - 1]).toMatch(/^Risk summary|Risk summary/);
    const improvementsPage = Number(/Improvement plan \.+ (\d+)/.exec(pages[1])![1]);
    expect(pages[improvementsPage - 1]).toContain('Improvement plan');
    // Page numbers on every page but the cover
    pages.slice(1).forEach((text, i) => expect(text).toContain(`Page ${i + 2} of ${pages.length}`));
    // Risk summary per pillar
    expect(all).toContain('Operational Excellence');
    expect(all).toContain('Sustainability');
    expect(all).toContain('Reviewed with the platform team.');
    // The answered question with followed, not followed and not-applicable practices, reasons and notes
    const answers = await client.send(new ListAnswersCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', PillarId: 'operationalExcellence' }));
    const priorities = answers.AnswerSummaries!.find((a) => a.QuestionId === 'priorities')!;
    const title = (id: string) => priorities.Choices!.find((c) => c.ChoiceId === id)!.Title!;
    expect(all).toContain(priorities.QuestionTitle!);
    expect(all).toContain('Best practices followed');
    expect(all).toContain(title('ops_priorities_ext_cust_needs'));
    expect(all).toContain('Best practices marked not applicable');
    expect(all).toContain(`${title('ops_priorities_int_cust_needs')} (reason: out of scope)`);
    expect(all).toContain('Best practices not followed');
    expect(all).toContain('Priorities are reviewed every quarter.');
    expect(all).toContain('internal teams are out of scope');
    // The improvement plan lists the question at risk
    expect(pages.slice(improvementsPage - 1).join(' ')).toContain(priorities.QuestionTitle!);
  });

  it('renders a milestone as it was saved', async () => {
    const { MilestoneNumber } = await client.send(new CreateMilestoneCommand({ WorkloadId: workloadId, MilestoneName: 'Before launch', ClientRequestToken: 'report-m1' }));
    await client.send(new UpdateLensReviewCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', LensNotes: 'Changed after the milestone.' }));
    const out = await client.send(new GetLensReviewReportCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', MilestoneNumber }));
    expect(out.MilestoneNumber).toBe(MilestoneNumber);
    const pages = await pdfPages(out.LensReviewReport!.Base64String!);
    expect(pages[0]).toContain(`${MilestoneNumber} - Before launch`);
    expect(pages.join(' ')).toContain('Reviewed with the platform team.');
    expect(pages.join(' ')).not.toContain('Changed after the milestone.');
  });

  it('refuses unknown workloads, lenses and milestones', async () => {
    await expectError(client.send(new GetLensReviewReportCommand({ WorkloadId: '0'.repeat(32), LensAlias: 'wellarchitected' })), 'ResourceNotFoundException');
    const notApplied = await expectError(client.send(new GetLensReviewReportCommand({ WorkloadId: workloadId, LensAlias: 'serverless' })), 'ValidationException');
    expect(notApplied.message).toContain('No lens review for lens alias serverless');
    await expectError(client.send(new GetLensReviewReportCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', MilestoneNumber: 99 })), 'ResourceNotFoundException');
  });

  describe('consolidated report', () => {
    let client2: WellArchitectedClient;
    let server2: TestServer;
    const names = ['Alpha', 'Bravo', 'Charlie'];
    const ids: string[] = [];

    beforeAll(async () => {
      server2 = await startServer(kind);
      client2 = server2.client;
      for (const name of names) ids.push(await newWorkload(client2, name, name === 'Bravo' ? ['serverless'] : []));
      await client2.send(
        new UpdateAnswerCommand({ WorkloadId: ids[0], LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: ['ops_priorities_ext_cust_needs'] }),
      );
    });
    afterAll(() => server2?.close());

    it('gives each workload its counts per lens and pillar as numbers, paged', async () => {
      const first = await client2.send(new GetConsolidatedReportCommand({ Format: 'JSON', MaxResults: 2 }));
      expect(first.Base64String).toBeUndefined();
      expect(first.Metrics!.map((m) => m.WorkloadName)).toEqual(['Alpha', 'Bravo']);
      expect(first.NextToken).toBeTruthy();
      const second = await client2.send(new GetConsolidatedReportCommand({ Format: 'JSON', MaxResults: 2, NextToken: first.NextToken }));
      expect(second.Metrics!.map((m) => m.WorkloadName)).toEqual(['Charlie']);
      expect(second.NextToken).toBeUndefined();

      const [alpha, bravo] = first.Metrics!;
      expect(alpha).toMatchObject({ MetricType: 'WORKLOAD', WorkloadId: ids[0], LensesAppliedCount: 1 });
      expect(alpha.WorkloadArn).toMatch(new RegExp(`workload/${ids[0]}$`));
      expect(alpha.UpdatedAt).toBeInstanceOf(Date);
      expect(bravo.LensesAppliedCount).toBe(2);
      const framework = alpha.Lenses![0];
      expect(framework.LensArn).toBe('arn:aws:wellarchitected::aws:lens/wellarchitected');
      expect(framework.RiskCounts!.HIGH).toBe(1);
      const ops = framework.Pillars!.find((p) => p.PillarId === 'operationalExcellence')!;
      expect(ops.RiskCounts!.HIGH).toBe(1);
      expect(ops.Questions).toEqual([
        expect.objectContaining({ QuestionId: 'priorities', Risk: 'HIGH', BestPractices: expect.arrayContaining([expect.objectContaining({ ChoiceId: 'ops_priorities_int_cust_needs' })]) }),
      ]);
      expect(alpha.RiskCounts!.HIGH).toBe(1);
    });

    it('sends numbers as JSON numbers on the wire', async () => {
      const response = await signedFetch(server2.url, { method: 'GET', path: '/consolidatedReport', query: { Format: 'JSON', MaxResults: '1' } });
      expect(response.status).toBe(200);
      const raw = response.text;
      expect(raw).toMatch(/"LensesAppliedCount":1[,}]/);
      expect(raw).toMatch(/"HIGH":1[,}]/);
    });

    it('renders the same workloads as a PDF', async () => {
      const out = await client2.send(new GetConsolidatedReportCommand({ Format: 'PDF' }));
      expect(out.Metrics).toBeUndefined();
      if (process.env.PLUMBLINE_REPORT_DIR) writeFileSync(`${process.env.PLUMBLINE_REPORT_DIR}/consolidated-${kind}.pdf`, Buffer.from(out.Base64String!, 'base64'));
      const pages = await pdfPages(out.Base64String!);
      const all = pages.join(' ');
      for (const name of names) expect(all).toContain(name);
      expect(pages[0]).toContain('Consolidated report');
      expect(all).toContain('Serverless Lens');
      pages.slice(1).forEach((text, i) => expect(text).toContain(`Page ${i + 2} of ${pages.length}`));
    });

    it('checks Format and MaxResults against the model', async () => {
      await expectFieldErrors(client2.send(new GetConsolidatedReportCommand({ Format: 'JSON', MaxResults: 16 })), [['MaxResults', /15/]]);
      await expectFieldErrors(client2.send(new GetConsolidatedReportCommand({ Format: 'CSV' as 'JSON' })), [['Format', /PDF/]]);
      await expectError(client2.send(new GetConsolidatedReportCommand({ Format: 'JSON', NextToken: 'bm90LWEtdG9rZW4' })), 'ValidationException');
    });
  });

  describe('consolidated report with shared workloads', () => {
    let shared: TestServer;
    afterAll(() => shared?.close());

    it('includes workloads shared with the caller only when IncludeSharedResources is true', async () => {
      shared = await startServerWithAccounts(kind);
      const me = defaultRoot(shared);
      const other = await createAccount(shared, '444455556666');
      await newWorkload(me.client, 'Mine');
      const theirs = await newWorkload(other.client, 'Theirs');
      await shareWorkload(other, theirs, me, 'READONLY');
      await accept(me, theirs);
      const without = await me.client.send(new GetConsolidatedReportCommand({ Format: 'JSON' }));
      expect(without.Metrics!.map((m) => m.WorkloadName)).toEqual(['Mine']);
      const withShared = await me.client.send(new GetConsolidatedReportCommand({ Format: 'JSON', IncludeSharedResources: true }));
      expect(withShared.Metrics!.map((m) => m.WorkloadName)).toEqual(['Mine', 'Theirs']);
      expect(withShared.Metrics![1].WorkloadArn).toContain(':444455556666:workload/');
      const report = await me.client.send(new GetLensReviewReportCommand({ WorkloadId: theirs, LensAlias: 'wellarchitected' }));
      expect((await pdfPages(report.LensReviewReport!.Base64String!))[0]).toContain('Theirs');
    });
  });
});
