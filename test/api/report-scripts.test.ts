import {
  CreateWorkloadCommand,
  GetConsolidatedReportCommand,
  GetLensReviewReportCommand,
  UpdateAnswerCommand,
  UpdateLensReviewCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { signedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';
import { hasPdftotext, pdfText } from '../support/pdf-text';

/**
 * Reports in every script teams write notes in: the lens review report, the
 * consolidated report and `export --format pdf` read back with poppler's
 * pdftotext must give the notes as written - Latin with accents, Greek,
 * Cyrillic, CJK, Hebrew and Arabic (right to left, read back in logical
 * order) - an emoji as the visible replacement U+FFFD, and stay small.
 */

// CI installs poppler-utils (.ci/run); elsewhere the test says how to run it.
if (!hasPdftotext && !process.env.CI) console.warn('PDF script tests skipped: install poppler-utils (apt-get install poppler-utils) to run them.');

const NOTES = {
  mixed: 'Zürich — 東京 — Ελλάδα — Привет',
  // Long enough to wrap: its lines must come back in reading order.
  hebrew: 'שלום עולם אחת שתיים שלוש ארבע חמש שש שבע שמונה תשע עשר אחת עשרה שתים עשרה שלוש עשרה ארבע עשרה חמש עשרה שש עשרה שבע עשרה שמונה עשרה תשע עשרה עשרים',
  arabic: 'مرحبا بالعالم',
  emoji: 'Deploys 🚀 daily',
};

describe.each(storeKinds())('PDF reports in every script (%s)', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let WorkloadId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
    WorkloadId = (
      await client.send(
        new CreateWorkloadCommand({ WorkloadName: 'Ελλάδα 東京 Привет', Description: 'Notes in many scripts', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: ['us-east-1'] }),
      )
    ).WorkloadId!;
    const answer = (QuestionId: string, Notes: string) =>
      client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId, SelectedChoices: ['ops_priorities_ext_cust_needs'].filter(() => QuestionId === 'priorities'), Notes }));
    await answer('priorities', NOTES.mixed);
    await answer('ops-model', NOTES.hebrew);
    await answer('org-culture', NOTES.arabic);
    await client.send(new UpdateLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected', LensNotes: NOTES.emoji }));
  });
  afterAll(() => server?.close());

  const readBack = async (pdf: Buffer) => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    return pdfText(pdf);
  };

  it.skipIf(!hasPdftotext && !process.env.CI)('the lens review report gives back every script, right-to-left in reading order', async () => {
    const out = await client.send(new GetLensReviewReportCommand({ WorkloadId, LensAlias: 'wellarchitected' }));
    const pdf = Buffer.from(out.LensReviewReport!.Base64String!, 'base64');
    const text = await readBack(pdf);
    expect(text).toContain(NOTES.mixed);
    expect(text).toContain(NOTES.hebrew);
    expect(text).toContain(NOTES.arabic);
    expect(text).toContain('Deploys \uFFFD daily');
    expect(text).toContain('Ελλάδα 東京 Привет');
    // Fonts are subset: a report with CJK, Arabic and Hebrew stays well under a megabyte.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it.skipIf(!hasPdftotext && !process.env.CI)('export --format pdf and the consolidated report do too', async () => {
    const exported = await signedFetch(server.url, { method: 'GET', path: `/_plumbline/export/workloads/${WorkloadId}/lensReviews/wellarchitected`, query: { Format: 'PDF' } });
    expect(exported.status).toBe(200);
    const text = await readBack(exported.bytes);
    for (const note of [NOTES.mixed, NOTES.hebrew, NOTES.arabic]) expect(text).toContain(note);

    const consolidated = await client.send(new GetConsolidatedReportCommand({ Format: 'PDF' }));
    expect(await readBack(Buffer.from(consolidated.Base64String!, 'base64'))).toContain('Ελλάδα 東京 Привет');
  });
});
