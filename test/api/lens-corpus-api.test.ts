import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateLensVersionCommand,
  CreateWorkloadCommand,
  GetLensReviewCommand,
  ImportLensCommand,
  UpdateAnswerCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAnswerUpdate, answerRisk, unanswered } from '../../src/domain/review/answer';
import { compileCustomLens } from '../../src/services/lenses/custom-lens-source';
import { corpusDir, expectations } from '../corpus/lens-corpus-expectations';
import { expectError } from '../support/api-errors';
import { startServer, TEST_ACCOUNT, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * Every lens of the corpus through the API, with the outcome (and reason) stated in
 * lens-corpus-expectations.ts: a conforming lens imports, publishes, is applied to a
 * workload and answered, with each answer's risk the one its own risk rules give;
 * a lens that breaks the format is refused with exactly the violations expected,
 * each as a field naming the JSON path and ending with the rule.
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
      const findings = (error.Fields ?? []).map((f) => ({ path: f.Name, rule: ruleOf(f.Message) }));
      if ('findings' in expected) {
        expect(findings, expected.reason).toEqual(expected.findings);
      } else {
        expect(findings.length, expected.reason).toBe(expected.count);
        expect([...new Set(findings.map((f) => f.rule))]).toEqual(expected.rules);
        for (const finding of findings) expect(finding.path).toMatch(expected.everyPath);
      }
      return;
    }
    const { LensArn } = await importing;
    await client.send(new CreateLensVersionCommand({ LensAlias: LensArn!, LensVersion: '1.0', ClientRequestToken: token() }));
    const { WorkloadId } = await client.send(
      new CreateWorkloadCommand({ WorkloadName: `Corpus ${file}`, Description: expected.reason, Environment: 'PRODUCTION', Lenses: ['wellarchitected', LensArn!] }),
    );
    // Each pillar's first question, answered with its first choice; the lens's own rules say the risk.
    const lens = compileCustomLens(LensArn!, '1.0', TEST_ACCOUNT, text);
    for (const pillar of lens.pillars) {
      const question = pillar.questions[0];
      const SelectedChoices = [question.choices[0].id];
      const { Answer } = await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: LensArn!, QuestionId: question.id, SelectedChoices }));
      expect(Answer?.Risk, `${file} ${question.id}`).toBe(answerRisk(question, applyAnswerUpdate(question, unanswered(), { SelectedChoices })));
    }
    const { LensReview } = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: LensArn! }));
    expect(LensReview).toMatchObject({ LensVersion: '1.0', LensStatus: 'CURRENT', LensName: lens.name });
    expect(LensReview?.RiskCounts?.UNANSWERED).toBe(lens.questions.size - lens.pillars.length);
  });
});
