import { NotFoundError, ValidationError } from '../../domain/errors';
import { applyAnswerUpdate, carryAnswerOver, unanswered, type AnswerUpdate } from '../../domain/review/answer';
import type { Trx } from '../../store/database';
import { deleteTemplateAnswers, listTemplateAnswers, updateTemplate, upsertTemplateAnswer, upsertTemplateLens } from '../../store/templates.repo';
import { mutate, mutateRequest, read, type ServiceContext } from '../context';
import { customLenses } from '../lenses/custom-lens-source';
import { pageOf } from '../pagination';
import type { Principal } from '../principal';
import { presentTemplateAnswer, presentTemplateAnswerSummary, presentTemplateLensReview, type LensOfTemplate } from './present';
import { lensesOfTemplate, templateFor } from './templates.service';

/** The lens reviews of a review template: notes, answers, and upgrades to a lens's latest version. */

interface TemplateLensRef {
  TemplateArn: string;
  LensAlias: string;
}

async function templateLens(ctx: ServiceContext, trx: Trx, principal: Principal, ref: TemplateLensRef, lock = false): Promise<LensOfTemplate> {
  const template = await templateFor(ctx, trx, principal, ref.TemplateArn, { lock });
  const key = ctx.catalog.reviewKey(ref.LensAlias);
  const found = (await lensesOfTemplate(ctx, trx, template.arn)).find((l) => l.record.lensKey === key);
  if (!found) throw new NotFoundError(`Lens ${ref.LensAlias} is not in review template ${template.arn}`, ref.LensAlias, 'LENS_REVIEW');
  return found;
}

function questionOf(l: LensOfTemplate, questionId: string) {
  const question = l.lens.questions.get(questionId);
  if (!question) throw ValidationError.field('QuestionId', `No question with ID ${questionId} was found in lens ${l.record.lensKey} version ${l.record.lensVersion}`);
  return question;
}

export async function getReviewTemplateLensReview(ctx: ServiceContext, principal: Principal, input: TemplateLensRef) {
  return read(ctx, async (trx) => ({ TemplateArn: input.TemplateArn, LensReview: presentTemplateLensReview(await templateLens(ctx, trx, principal, input)) }));
}

export async function updateReviewTemplateLensReview(
  ctx: ServiceContext,
  principal: Principal,
  input: TemplateLensRef & { LensNotes?: string; PillarNotes?: Record<string, string> },
) {
  return mutate(ctx, { principal, operation: 'UpdateReviewTemplateLensReview' }, async (trx) => {
    const l = await templateLens(ctx, trx, principal, input, true);
    const pillarIds = new Set(l.lens.pillars.map((p) => p.id));
    const unknown = Object.keys(input.PillarNotes ?? {}).filter((id) => !pillarIds.has(id));
    if (unknown.length) {
      throw ValidationError.fields(unknown.map((id) => ({ Name: `PillarNotes.${id}`, Message: `'${id}' is not a pillar of lens ${l.record.lensKey}` })));
    }
    const now = ctx.now();
    const record = { ...l.record, notes: input.LensNotes ?? l.record.notes, pillarNotes: { ...l.record.pillarNotes, ...(input.PillarNotes ?? {}) }, updatedAt: now };
    await upsertTemplateLens(trx, record);
    await touchTemplate(ctx, trx, principal, input.TemplateArn, now);
    return { TemplateArn: input.TemplateArn, LensReview: presentTemplateLensReview({ ...l, record }) };
  });
}

async function touchTemplate(ctx: ServiceContext, trx: Trx, principal: Principal, arn: string, now: number) {
  const template = await templateFor(ctx, trx, principal, arn);
  await updateTemplate(trx, { ...template, updatedAt: now });
}

export async function getReviewTemplateAnswer(ctx: ServiceContext, principal: Principal, input: TemplateLensRef & { QuestionId: string }) {
  return read(ctx, async (trx) => {
    const l = await templateLens(ctx, trx, principal, input);
    const question = questionOf(l, input.QuestionId);
    return { TemplateArn: input.TemplateArn, LensAlias: l.record.lensKey, Answer: presentTemplateAnswer(question, l.answers.get(question.id) ?? unanswered()) };
  });
}

export async function updateReviewTemplateAnswer(
  ctx: ServiceContext,
  principal: Principal,
  input: TemplateLensRef & { QuestionId: string } & AnswerUpdate,
) {
  return mutate(ctx, { principal, operation: 'UpdateReviewTemplateAnswer' }, async (trx) => {
    const l = await templateLens(ctx, trx, principal, input, true);
    const question = questionOf(l, input.QuestionId);
    const state = applyAnswerUpdate(question, l.answers.get(question.id) ?? unanswered(), input);
    const now = ctx.now();
    await upsertTemplateAnswer(trx, { templateArn: input.TemplateArn, lensKey: l.record.lensKey, questionId: question.id, state, updatedAt: now });
    await touchTemplate(ctx, trx, principal, input.TemplateArn, now);
    return { TemplateArn: input.TemplateArn, LensAlias: l.record.lensKey, Answer: presentTemplateAnswer(question, state) };
  });
}

export async function listReviewTemplateAnswers(
  ctx: ServiceContext,
  principal: Principal,
  input: TemplateLensRef & { PillarId?: string; NextToken?: string; MaxResults?: number },
) {
  return read(ctx, async (trx) => {
    const l = await templateLens(ctx, trx, principal, input);
    if (input.PillarId && !l.lens.pillars.some((p) => p.id === input.PillarId)) {
      throw ValidationError.field('PillarId', `'${input.PillarId}' is not a pillar of lens ${l.record.lensKey}`);
    }
    const questions = [...l.lens.questions.values()].filter((q) => !input.PillarId || q.pillarId === input.PillarId);
    const page = pageOf(questions, input.NextToken, input.MaxResults);
    return {
      TemplateArn: input.TemplateArn,
      LensAlias: l.record.lensKey,
      AnswerSummaries: page.items.map((q) => presentTemplateAnswerSummary(q, l.answers.get(q.id) ?? unanswered())),
      NextToken: page.nextToken,
    };
  });
}

/** The latest version of a template lens, when the template is not on it. */
async function latestVersion(ctx: ServiceContext, trx: Trx, l: LensOfTemplate) {
  if (l.status !== 'NOT_CURRENT') return undefined;
  const builtin = ctx.catalog.official(l.record.lensKey);
  if (builtin) return builtin.current;
  const latest = await ctx.catalog.custom?.latestVersion(l.record.lensKey);
  return latest ? (await customLenses(ctx)).versionIn(trx, l.record.lensKey, latest) : undefined;
}

/** Moves a template lens to its latest version: answers to questions that remain are kept (minus choices that are gone). */
export async function upgradeReviewTemplateLensReview(ctx: ServiceContext, principal: Principal, input: TemplateLensRef & { ClientRequestToken?: string }) {
  await mutateRequest(ctx, principal, 'UpgradeReviewTemplateLensReview', input, async (trx) => {
    const l = await templateLens(ctx, trx, principal, input, true);
    const target = await latestVersion(ctx, trx, l);
    if (!target) {
      throw ValidationError.field('LensAlias', `no upgrade is available: lens ${input.LensAlias} of review template ${input.TemplateArn} is ${l.status === 'DELETED' ? 'deleted' : 'on its latest version'}`);
    }
    const now = ctx.now();
    const dropped: string[] = [];
    for (const answer of await listTemplateAnswers(trx, input.TemplateArn, l.record.lensKey)) {
      const question = target.questions.get(answer.questionId);
      if (!question) dropped.push(answer.questionId);
      else await upsertTemplateAnswer(trx, { ...answer, state: carryAnswerOver(question, answer.state), updatedAt: now });
    }
    await deleteTemplateAnswers(trx, input.TemplateArn, l.record.lensKey, dropped);
    const pillarIds = new Set(target.pillars.map((p) => p.id));
    const pillarNotes = Object.fromEntries(Object.entries(l.record.pillarNotes).filter(([id]) => pillarIds.has(id)));
    await upsertTemplateLens(trx, { ...l.record, lensVersion: target.version, pillarNotes, updatedAt: now });
    await touchTemplate(ctx, trx, principal, input.TemplateArn, now);
    return {};
  });
  return {};
}
