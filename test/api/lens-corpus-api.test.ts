import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateLensVersionCommand,
  CreateWorkloadCommand,
  DeleteLensCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  ImportLensCommand,
  UpdateAnswerCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAnswerUpdate, answerRisk, unanswered } from '../../src/domain/review/answer';
import { compileCustomLens } from '../../src/services/lenses/custom-lens-source';
import { corpusDir, expectations, matchesExpected } from '../corpus/lens-corpus-expectations';
import { expectError } from '../support/api-errors';
import { startServer, TEST_ACCOUNT, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * Every lens of the corpus through the API, with the outcome (and reason) stated in
 * lens-corpus-expectations.ts: a lens that imports (warnings or not) publishes, is
 * applied to a workload and answered, with each answer's risk the one its own risk
 * rules give, a question without a default rule unanswered until answered, and an
 * empty url never sent back; a lens that breaks the format is refused with exactly
 * the violations expected, each as a field naming the JSON path, the question it is in
 * and ending with the rule. Each lens is deleted after its case, so the corpus fits the
 * account's quota of custom lenses.
 */

const corpusPresent = existsSync(corpusDir);
const token = () => randomBytes(8).toString('hex');
const ruleOf = (message: string | undefined) => /\[(\w+)\]$/.exec(message ?? '')?.[1];

describe.skipIf(!corpusPresent && Boolean(process.env.PLUMBLINE_SKIP_CORPUS)).each(storeKinds())('lens corpus through the API on %s', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
  });
  afterAll(() => server?.close());

  it.each(Object.entries(expectations))('%s', async (file, expected) => {
    const text = readFileSync(path.join(corpusDir, file), 'utf8');
    const importing = client.send(new ImportLensCommand({ JSONString: text, ClientRequestToken: token() }));
    if (!expected.valid) {
      const error = await expectError(importing, 'ValidationException');
      expect(error.Reason).toBe('FIELD_VALIDATION_FAILED');
      const findings = (error.Fields ?? []).map((f) => ({ path: f.Name!, rule: ruleOf(f.Message)! }));
      const check = { equal: (a: unknown, b: unknown) => expect(a, expected.reason).toEqual(b), matches: (at: string, re: RegExp) => expect(at).toMatch(re) };
      matchesExpected(findings, expected.findings, check);
      for (const field of error.Fields ?? []) {
        if (field.Name?.includes('questions[')) expect(field.Message).toMatch(/\(question \w+\) \[\w+\]$/);
      }
      return;
    }
    const { LensArn } = await importing;
    await client.send(new CreateLensVersionCommand({ LensAlias: LensArn!, LensVersion: '1.0', ClientRequestToken: token() }));
    const { WorkloadId } = await client.send(
      new CreateWorkloadCommand({ WorkloadName: `Corpus ${file}`, Description: expected.reason.slice(0, 250), Environment: 'PRODUCTION', Lenses: ['wellarchitected', LensArn!] }),
    );
    const lens = compileCustomLens(LensArn!, '1.0', TEST_ACCOUNT, text);
    const warned = (rule: string) =>
      new Set(
        (Array.isArray(expected.warnings) ? expected.warnings : [])
          .filter((w) => w.rule === rule)
          .map((w) => /^pillars\[(\d+)\]\.questions\[(\d+)\]/.exec(w.path)!)
          .map(([, p, q]) => lens.pillars[Number(p)].questions[Number(q)].id),
      );
    const withoutDefault = warned('noDefaultRule');
    // Each pillar's first question and every question without a default rule, answered with
    // its first choice; the lens's own rules say the risk.
    const answered = new Set([...lens.pillars.map((p) => p.questions[0].id), ...withoutDefault]);
    for (const questionId of answered) {
      const question = lens.questions.get(questionId)!;
      if (withoutDefault.has(questionId)) {
        const before = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: LensArn!, QuestionId: questionId }));
        expect(before.Answer?.Risk, `${file} ${questionId} before an answer`).toBe('UNANSWERED');
      }
      const SelectedChoices = [question.choices[0].id];
      const { Answer } = await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: LensArn!, QuestionId: question.id, SelectedChoices }));
      expect(Answer?.Risk, `${file} ${question.id}`).toBe(answerRisk(question, applyAnswerUpdate(question, unanswered(), { SelectedChoices })));
    }
    for (const questionId of warned('emptyUrl')) {
      const { Answer } = await client.send(new GetAnswerCommand({ WorkloadId, LensAlias: LensArn!, QuestionId: questionId }));
      expect(JSON.stringify(Answer), `${file} ${questionId}`).not.toMatch(/"(Url|HelpfulResourceUrl|ImprovementPlanUrl)":""/);
    }
    const { LensReview } = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: LensArn! }));
    expect(LensReview).toMatchObject({ LensVersion: '1.0', LensStatus: 'CURRENT', LensName: lens.name });
    expect(LensReview?.RiskCounts?.UNANSWERED).toBe(lens.questions.size - answered.size);
    await client.send(new DeleteLensCommand({ LensAlias: LensArn!, LensStatus: 'PUBLISHED', ClientRequestToken: token() }));
  });
});
