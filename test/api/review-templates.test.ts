import { randomBytes } from 'node:crypto';
import {
  CreateLensVersionCommand,
  CreateReviewTemplateCommand,
  CreateWorkloadCommand,
  DeleteReviewTemplateCommand,
  GetAnswerCommand,
  GetLensReviewCommand,
  GetReviewTemplateAnswerCommand,
  GetReviewTemplateCommand,
  GetReviewTemplateLensReviewCommand,
  GetWorkloadCommand,
  ImportLensCommand,
  ListReviewTemplateAnswersCommand,
  ListReviewTemplatesCommand,
  UpdateAnswerCommand,
  UpdateReviewTemplateAnswerCommand,
  UpdateReviewTemplateCommand,
  UpdateReviewTemplateLensReviewCommand,
  UpgradeReviewTemplateLensReviewCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTemplatesCommand } from '../../src/cli/templates-command';
import { MAX_TEMPLATES_PER_ACCOUNT } from '../../src/services/templates/templates.service';
import { expectError, expectFieldErrors } from '../support/api-errors';
import { lensJson, type PillarSpec } from '../support/lens-files';
import { collectPages } from '../support/paging';
import { rootEnvironment, startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { createTestUser } from '../support/identities';
import { signedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * Review templates through the official SDK: answers and notes kept per lens,
 * a workload created from a template, a template applied to existing workloads
 * (`plumbline templates apply`, OVERWRITE and FILL), a template upgraded after a
 * lens's major version, and every quota and validation rule.
 */

const token = () => randomBytes(8).toString('hex');
const PRIORITIES = ['ops_priorities_ext_cust_needs', 'ops_priorities_int_cust_needs'];
const OPS_MODEL = ['ops_ops_model_def_resource_owners'];

const V1: PillarSpec[] = [{ id: 'delivery', questions: [{ id: 'q_deploy' }, { id: 'q_rollback' }, { id: 'q_retire' }] }];
/** q_retire gone, q_rollback loses its second practice, a new question. */
const V2: PillarSpec[] = [
  { id: 'delivery', questions: [{ id: 'q_deploy' }, { id: 'q_rollback', choices: ['q_rollback_a', 'q_rollback_c'] }, { id: 'q_observe' }] },
];

describe.each(storeKinds())('review templates on %s', (kind) => {
  let server: TestServer;
  let client: WellArchitectedClient;
  let names = 0;
  beforeAll(async () => {
    server = await startServer(kind);
    client = server.client;
  });
  afterAll(() => server?.close());

  const createTemplate = async (Lenses = ['wellarchitected'], extra: Record<string, unknown> = {}) =>
    (
      await client.send(
        new CreateReviewTemplateCommand({ TemplateName: `Template ${++names}`, Description: 'Baseline answers', Lenses, ClientRequestToken: token(), ...extra }),
      )
    ).TemplateArn!;
  const answerTemplate = (TemplateArn: string, QuestionId: string, SelectedChoices: string[], LensAlias = 'wellarchitected', Notes?: string) =>
    client.send(new UpdateReviewTemplateAnswerCommand({ TemplateArn, LensAlias, QuestionId, SelectedChoices, Notes }));
  const createWorkload = async (extra: Record<string, unknown> = {}) =>
    (
      await client.send(
        new CreateWorkloadCommand({ WorkloadName: `Templated ${++names}`, Description: 'Templates', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: [TEST_REGION], ...extra }),
      )
    ).WorkloadId!;
  const answerOf = async (WorkloadId: string, QuestionId: string, LensAlias = 'wellarchitected') =>
    (await client.send(new GetAnswerCommand({ WorkloadId, LensAlias, QuestionId }))).Answer!;
  const apply = async (TemplateArn: string, mode: string, ...workloadIds: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = rootEnvironment(server);
    const code = await runTemplatesCommand(['apply', '--template-arn', TemplateArn, '--mode', mode, ...workloadIds], (s) => out.push(s), (s) => err.push(s), env);
    return { code, out, err };
  };

  it('keeps answers and notes per lens, with question counts', async () => {
    const TemplateArn = await createTemplate(['wellarchitected', 'serverless'], { Notes: 'Team defaults', Tags: { team: 'platform' } });
    const fresh = (await client.send(new GetReviewTemplateCommand({ TemplateArn }))).ReviewTemplate!;
    expect(fresh).toMatchObject({ Lenses: ['wellarchitected', 'serverless'], Notes: 'Team defaults', Owner: TEST_ACCOUNT, UpdateStatus: 'CURRENT', Tags: { team: 'platform' } });
    const total = fresh.QuestionCounts!.UNANSWERED!;
    expect(fresh.QuestionCounts).toEqual({ UNANSWERED: total, ANSWERED: 0 });

    const answered = await answerTemplate(TemplateArn, 'priorities', PRIORITIES, 'wellarchitected', 'We ask customers');
    expect(answered.Answer).toMatchObject({ QuestionId: 'priorities', SelectedChoices: PRIORITIES, AnswerStatus: 'ANSWERED', Notes: 'We ask customers' });
    expect(answered.Answer?.ChoiceAnswers?.find((c) => c.ChoiceId === PRIORITIES[0])?.Status).toBe('SELECTED');
    expect((await client.send(new GetReviewTemplateAnswerCommand({ TemplateArn, LensAlias: 'wellarchitected', QuestionId: 'ops-model' }))).Answer?.AnswerStatus).toBe('UNANSWERED');
    expect((await client.send(new GetReviewTemplateCommand({ TemplateArn }))).ReviewTemplate?.QuestionCounts).toEqual({ UNANSWERED: total - 1, ANSWERED: 1 });

    await client.send(new UpdateReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: 'wellarchitected', LensNotes: 'Lens notes', PillarNotes: { security: 'Pillar notes' } }));
    const review = (await client.send(new GetReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: 'wellarchitected' }))).LensReview!;
    expect(review).toMatchObject({ LensAlias: 'wellarchitected', LensStatus: 'CURRENT', Notes: 'Lens notes' });
    const ops = review.PillarReviewSummaries?.find((p) => p.PillarId === 'operationalExcellence');
    expect(ops?.QuestionCounts?.ANSWERED).toBe(1);
    expect(review.PillarReviewSummaries?.find((p) => p.PillarId === 'security')?.Notes).toBe('Pillar notes');

    const pages = await collectPages(async (NextToken) => {
      const page = await client.send(new ListReviewTemplateAnswersCommand({ TemplateArn, LensAlias: 'wellarchitected', PillarId: 'operationalExcellence', MaxResults: 4, NextToken }));
      return { items: page.AnswerSummaries, NextToken: page.NextToken };
    });
    const summaries = pages.flat();
    expect(pages[0].length).toBe(4);
    expect(summaries.every((s) => s.PillarId === 'operationalExcellence')).toBe(true);
    expect(summaries.filter((s) => s.AnswerStatus === 'ANSWERED').map((s) => s.QuestionId)).toEqual(['priorities']);

    await client.send(new UpdateReviewTemplateCommand({ TemplateArn, LensesToDisassociate: ['serverless'], TemplateName: 'Renamed template' }));
    expect((await client.send(new GetReviewTemplateCommand({ TemplateArn }))).ReviewTemplate).toMatchObject({ Lenses: ['wellarchitected'], TemplateName: 'Renamed template' });
    await expectError(client.send(new GetReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: 'serverless' })), 'ResourceNotFoundException');
  });

  it('gives a workload created from it the answers, notes and risks', async () => {
    const TemplateArn = await createTemplate(['wellarchitected', 'serverless'], { Notes: 'From the template' });
    await answerTemplate(TemplateArn, 'priorities', PRIORITIES);
    await answerTemplate(TemplateArn, 'ops-model', ['ops_ops_model_no']);
    await client.send(new UpdateReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: 'wellarchitected', LensNotes: 'Template lens notes' }));

    const WorkloadId = await createWorkload({ ReviewTemplateArns: [TemplateArn] });
    // The same answer given directly gives the same risk.
    const direct = await createWorkload();
    await client.send(new UpdateAnswerCommand({ WorkloadId: direct, LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: PRIORITIES }));
    const expectedRisk = (await answerOf(direct, 'priorities')).Risk;

    const workload = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!;
    expect(workload.Lenses).toEqual(['wellarchitected', 'serverless']);
    expect(workload.Notes).toBe('From the template');
    expect(await answerOf(WorkloadId, 'priorities')).toMatchObject({ SelectedChoices: PRIORITIES, Risk: expectedRisk });
    expect((await answerOf(WorkloadId, 'ops-model')).Risk).toBe('HIGH');
    const review = (await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected' }))).LensReview!;
    expect(review.Notes).toBe('Template lens notes');
    const sum = (c: Record<string, number | undefined>) => Object.values(c).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(review.RiskCounts?.UNANSWERED).toBe(sum(review.RiskCounts!) - 2);
    expect(review.RiskCounts?.HIGH).toBeGreaterThanOrEqual(1);
    const serverless = (await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'serverless' }))).LensReview!;
    expect(workload.RiskCounts).toEqual(
      Object.fromEntries(Object.keys(review.RiskCounts!).map((k) => [k, (review.RiskCounts as Record<string, number>)[k] + (serverless.RiskCounts as Record<string, number>)[k]])),
    );
    await expectError(
      client.send(new CreateWorkloadCommand({ WorkloadName: `Two templates ${++names}`, Description: 'x', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: [TEST_REGION], ReviewTemplateArns: [TemplateArn, TemplateArn] })),
      'ValidationException',
    );
  });

  it('applies to existing workloads, filling or overwriting (plumbline templates apply)', async () => {
    const TemplateArn = await createTemplate(['wellarchitected', 'serverless']);
    await answerTemplate(TemplateArn, 'priorities', PRIORITIES);
    await answerTemplate(TemplateArn, 'ops-model', OPS_MODEL);
    await client.send(new UpdateReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: 'wellarchitected', LensNotes: 'Template notes' }));
    const WorkloadId = await createWorkload();
    await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: ['ops_priorities_no'] }));

    const fill = await apply(TemplateArn, 'FILL', WorkloadId);
    expect(fill.err).toEqual([]);
    expect(fill.code).toBe(0);
    expect(fill.out).toEqual([`${WorkloadId}: 1 answer(s) updated; lenses applied: serverless`]);
    expect((await answerOf(WorkloadId, 'priorities')).SelectedChoices).toEqual(['ops_priorities_no']);
    expect((await answerOf(WorkloadId, 'ops-model')).SelectedChoices).toEqual(OPS_MODEL);
    const afterFill = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!;
    expect(afterFill.Lenses).toEqual(['wellarchitected', 'serverless']);
    expect((await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: 'wellarchitected' }))).LensReview?.Notes).toBe('Template notes');

    const overwrite = await apply(TemplateArn, 'OVERWRITE', WorkloadId);
    expect(overwrite.out).toEqual([`${WorkloadId}: 1 answer(s) updated`]);
    const priorities = await answerOf(WorkloadId, 'priorities');
    expect(priorities.SelectedChoices).toEqual(PRIORITIES);
    const after = (await client.send(new GetWorkloadCommand({ WorkloadId }))).Workload!;
    // The "None of these" answer was high risk; the template's answer is not.
    expect(after.RiskCounts!.HIGH).toBe(afterFill.RiskCounts!.HIGH! - 1 + (priorities.Risk === 'HIGH' ? 1 : 0));
    expect((await apply(TemplateArn, 'OVERWRITE', WorkloadId)).out).toEqual([`${WorkloadId}: 0 answer(s) updated`]);

    const badMode = await apply(TemplateArn, 'SOMETIMES', WorkloadId);
    expect(badMode.code).toBe(1);
    expect(badMode.err.join('\n')).toMatch(/ValidationException[\s\S]*Mode: must be one of OVERWRITE, FILL/);
    const missing = await apply(TemplateArn, 'FILL', '0'.repeat(32));
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/ResourceNotFoundException/);
    expect(await runTemplatesCommand(['apply', WorkloadId], () => {}, () => {}, {})).toBe(2);
  });

  it('FILL keeps the notes of a question with notes and no choices; OVERWRITE keeps notes the template does not replace', async () => {
    const TemplateArn = await createTemplate();
    await answerTemplate(TemplateArn, 'priorities', PRIORITIES, 'wellarchitected', 'Template notes');
    await answerTemplate(TemplateArn, 'ops-model', OPS_MODEL);
    const prepared = async () => {
      const WorkloadId = await createWorkload();
      await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: 'priorities', Notes: 'Our priorities notes' }));
      await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: 'ops-model', SelectedChoices: ['ops_ops_model_no'], Notes: 'Our ops notes' }));
      return WorkloadId;
    };

    const filled = await prepared();
    expect((await apply(TemplateArn, 'FILL', filled)).out).toEqual([`${filled}: 1 answer(s) updated`]);
    expect(await answerOf(filled, 'priorities')).toMatchObject({ SelectedChoices: PRIORITIES, Notes: 'Our priorities notes' });
    expect(await answerOf(filled, 'ops-model')).toMatchObject({ SelectedChoices: ['ops_ops_model_no'], Notes: 'Our ops notes' });

    const overwritten = await prepared();
    expect((await apply(TemplateArn, 'OVERWRITE', overwritten)).out).toEqual([`${overwritten}: 2 answer(s) updated`]);
    expect(await answerOf(overwritten, 'priorities')).toMatchObject({ SelectedChoices: PRIORITIES, Notes: 'Template notes' });
    expect(await answerOf(overwritten, 'ops-model')).toMatchObject({ SelectedChoices: OPS_MODEL, Notes: 'Our ops notes' });
  });

  it('authorizes every action applying a template performs (answers, notes, lenses)', async () => {
    const TemplateArn = await createTemplate(['wellarchitected', 'serverless']);
    await answerTemplate(TemplateArn, 'priorities', PRIORITIES);
    await client.send(new UpdateReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: 'wellarchitected', LensNotes: 'Template notes' }));
    const WorkloadId = await createWorkload();
    // plumbline:ApplyReviewTemplate lets the application be asked for; each change it makes needs its own action.
    const allow = (actions: string[]) => ({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['plumbline:ApplyReviewTemplate', ...actions.map((a) => `wellarchitected:${a}`)], Resource: '*' }],
    });
    const applyAs = async (actions: string[]) => {
      const user = await createTestUser(server, `applier-${++names}`, { inline: { p: allow(actions) } });
      return signedFetch(server.url, { method: 'POST', path: '/_plumbline/templates/apply', body: JSON.stringify({ TemplateArn, WorkloadIds: [WorkloadId], Mode: 'FILL' }), credentials: user.credentials });
    };
    for (const missing of ['UpdateLensReview', 'AssociateLenses']) {
      const denied = await applyAs(['GetReviewTemplate', 'UpdateAnswer', 'UpdateLensReview', 'AssociateLenses'].filter((a) => a !== missing));
      expect(denied.status).toBe(403);
      expect(denied.json!.Message).toContain(missing);
    }
    expect((await answerOf(WorkloadId, 'priorities')).SelectedChoices).toEqual([]);
    const allowed = await applyAs(['GetReviewTemplate', 'UpdateAnswer', 'UpdateLensReview', 'AssociateLenses']);
    expect(allowed.status).toBe(200);
    expect((await answerOf(WorkloadId, 'priorities')).SelectedChoices).toEqual(PRIORITIES);
  });

  it('shows LENS_NOT_CURRENT after a major lens version and upgrades keeping remaining answers', async () => {
    const LensArn = (await client.send(new ImportLensCommand({ JSONString: lensJson('Template lens', V1), ClientRequestToken: token() }))).LensArn!;
    await client.send(new CreateLensVersionCommand({ LensAlias: LensArn, LensVersion: '1.0', IsMajorVersion: true, ClientRequestToken: token() }));
    const TemplateArn = await createTemplate(['wellarchitected', LensArn]);
    await answerTemplate(TemplateArn, 'q_rollback', ['q_rollback_a', 'q_rollback_b'], LensArn);
    await answerTemplate(TemplateArn, 'q_retire', ['q_retire_a'], LensArn);
    await client.send(new UpdateReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: LensArn, PillarNotes: { delivery: 'Kept' } }));
    await expectFieldErrors(client.send(new UpgradeReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: LensArn })), [['LensAlias', /latest version/]]);

    await client.send(new ImportLensCommand({ JSONString: lensJson('Template lens', V2), LensAlias: LensArn, ClientRequestToken: token() }));
    await client.send(new CreateLensVersionCommand({ LensAlias: LensArn, LensVersion: '2.0', IsMajorVersion: true, ClientRequestToken: token() }));
    expect((await client.send(new GetReviewTemplateCommand({ TemplateArn }))).ReviewTemplate?.UpdateStatus).toBe('LENS_NOT_CURRENT');
    expect((await client.send(new ListReviewTemplatesCommand({}))).ReviewTemplates?.find((t) => t.TemplateArn === TemplateArn)?.UpdateStatus).toBe('LENS_NOT_CURRENT');
    expect((await client.send(new GetReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: LensArn }))).LensReview).toMatchObject({ LensVersion: '1.0', LensStatus: 'NOT_CURRENT' });

    await client.send(new UpgradeReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: LensArn, ClientRequestToken: token() }));
    const review = (await client.send(new GetReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: LensArn }))).LensReview!;
    expect(review).toMatchObject({ LensVersion: '2.0', LensStatus: 'CURRENT', QuestionCounts: { ANSWERED: 1, UNANSWERED: 2 } });
    expect(review.PillarReviewSummaries?.[0].Notes).toBe('Kept');
    const rollback = (await client.send(new GetReviewTemplateAnswerCommand({ TemplateArn, LensAlias: LensArn, QuestionId: 'q_rollback' }))).Answer!;
    expect(rollback.SelectedChoices).toEqual(['q_rollback_a']);
    await expectFieldErrors(client.send(new GetReviewTemplateAnswerCommand({ TemplateArn, LensAlias: LensArn, QuestionId: 'q_retire' })), [['QuestionId', /No question with ID q_retire was found/]]);
    expect((await client.send(new GetReviewTemplateCommand({ TemplateArn }))).ReviewTemplate?.UpdateStatus).toBe('CURRENT');
  });

  it('checks names, descriptions, lenses, answers and tags', async () => {
    const create = (over: Record<string, unknown>) =>
      client.send(new CreateReviewTemplateCommand({ TemplateName: `Valid ${++names}`, Description: 'Valid description', Lenses: ['wellarchitected'], ClientRequestToken: token(), ...over }));
    await expectFieldErrors(create({ TemplateName: 'ab' }), [['TemplateName', /./]]);
    await expectFieldErrors(create({ TemplateName: 'n'.repeat(101) }), [['TemplateName', /./]]);
    await expectFieldErrors(create({ TemplateName: 'Bad <name>' }), [['TemplateName', /./]]);
    await expectFieldErrors(create({ TemplateName: ' a  b ' }), [['TemplateName', /at least 3 characters/]]);
    await expectFieldErrors(create({ Description: 'ab' }), [['Description', /./]]);
    await expectFieldErrors(create({ Description: 'd'.repeat(251) }), [['Description', /./]]);
    await expectFieldErrors(create({ Description: 'Semicolons; are not allowed' }), [['Description', /./]]);
    await expectFieldErrors(create({ Notes: 'n'.repeat(2085) }), [['Notes', /./]]);
    await expectFieldErrors(create({ Tags: { 'aws:owner': 'me' } }), [[/^Tags/, /reserved/]]);
    await expectFieldErrors(create({ Lenses: [] }), [['Lenses', /at least one lens/]]);
    await expectFieldErrors(create({ Lenses: Array.from({ length: 21 }, (_, i) => `lens-${i}`) }), [['Lenses', /at most 20 lenses/]]);
    await expectError(create({ Lenses: ['no-such-lens'] }), 'ResourceNotFoundException');

    const TemplateArn = await createTemplate();
    await expectFieldErrors(client.send(new UpdateReviewTemplateCommand({ TemplateArn, LensesToDisassociate: ['serverless'] })), [['LensesToDisassociate[0]', /not in the template/]]);
    await expectFieldErrors(client.send(new UpdateReviewTemplateCommand({ TemplateArn, LensesToDisassociate: ['wellarchitected'] })), [['LensesToDisassociate', /at least one lens/]]);
    await expectFieldErrors(client.send(new UpdateReviewTemplateCommand({ TemplateArn, LensesToAssociate: Array.from({ length: 11 }, (_, i) => `lens-${i}`) })), [['LensesToAssociate', /./]]);
    await expectFieldErrors(answerTemplate(TemplateArn, 'priorities', ['bogus']), [['SelectedChoices[0]', /not a choice/]]);
    // As UpdateAnswer: "None of these" beside a practice is stored as sent.
    expect((await answerTemplate(TemplateArn, 'priorities', ['ops_priorities_no', PRIORITIES[0]])).Answer?.SelectedChoices).toEqual([PRIORITIES[0], 'ops_priorities_no']);
    await expectFieldErrors(answerTemplate(TemplateArn, 'no-such-question', []), [['QuestionId', /No question with ID no-such-question was found/]]);
    await expectFieldErrors(
      client.send(new UpdateReviewTemplateLensReviewCommand({ TemplateArn, LensAlias: 'wellarchitected', PillarNotes: { nowhere: 'x' } })),
      [['PillarNotes.nowhere', /not a pillar/]],
    );
    await expectFieldErrors(client.send(new ListReviewTemplateAnswersCommand({ TemplateArn, LensAlias: 'wellarchitected', PillarId: 'nowhere' })), [['PillarId', /not a pillar/]]);
    const other = TemplateArn.replace(/[a-f0-9]{32}$/, '0'.repeat(32));
    await expectError(client.send(new GetReviewTemplateCommand({ TemplateArn: other })), 'ResourceNotFoundException');
    await expectError(createWorkload({ ReviewTemplateArns: [other] }), 'ResourceNotFoundException');

    await client.send(new DeleteReviewTemplateCommand({ TemplateArn, ClientRequestToken: token() }));
    await expectError(client.send(new GetReviewTemplateCommand({ TemplateArn })), 'ResourceNotFoundException');
  });

  it(`refuses more than ${MAX_TEMPLATES_PER_ACCOUNT} templates per account, and lists them a page at a time`, async () => {
    const count = async () =>
      (
        await collectPages(async (NextToken) => {
          const page = await client.send(new ListReviewTemplatesCommand({ NextToken, MaxResults: 50 }));
          return { items: page.ReviewTemplates, NextToken: page.NextToken };
        })
      ).flat();
    const existing = (await count()).length;
    for (let i = existing; i < MAX_TEMPLATES_PER_ACCOUNT; i++) await createTemplate();
    const listed = await count();
    expect(listed.length).toBe(MAX_TEMPLATES_PER_ACCOUNT);
    expect(new Set(listed.map((t) => t.TemplateArn)).size).toBe(MAX_TEMPLATES_PER_ACCOUNT);
    const error = await expectError(createTemplate(), 'ServiceQuotaExceededException');
    expect(error.QuotaCode).toBe('review-templates-per-account');
    await client.send(new DeleteReviewTemplateCommand({ TemplateArn: listed[0].TemplateArn, ClientRequestToken: token() }));
    await createTemplate();
  }, 120_000);
});
