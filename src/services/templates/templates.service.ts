import { NotFoundError, type FieldProblem, ValidationError } from '../../domain/errors';
import { checkNameCharacters } from '../../domain/names';
import { reviewTemplateArn } from '../../domain/profile/arns';
import type { Trx } from '../../store/database';
import { deleteResourceShares } from '../../store/shares.repo';
import { listTags, putTags } from '../../store/tags.repo';
import {
  countTemplates,
  deleteTemplate,
  deleteTemplateLens,
  findTemplate,
  insertTemplate,
  listTemplateAnswers,
  listTemplateLenses,
  listTemplateLensesOf,
  listTemplates,
  updateTemplate,
  upsertTemplateLens,
  type TemplateLensRecord,
  type TemplateRecord,
} from '../../store/templates.repo';
import { newAccountResource } from '../account-resources';
import { mutate, mutateRequest, read, type ServiceContext } from '../context';
import { pageOf, seconds } from '../pagination';
import type { Principal } from '../principal';
import { resourceGrant, sharedResourceIds } from '../shares/recipient-access';
import { tagProblems } from '../workloads/rules';
import { answersByQuestion, presentTemplate, type LensOfTemplate } from './present';

/**
 * Review templates: answers and notes for up to 20 lenses that new workloads
 * start from (CreateWorkload's ReviewTemplateArns) and that Plumbline can also
 * apply to existing workloads (src/services/templates/apply.ts).
 */

export const MAX_TEMPLATES_PER_ACCOUNT = 500;
export const MAX_LENSES_PER_TEMPLATE = 20;

const TEMPLATES = { arn: reviewTemplateArn, max: MAX_TEMPLATES_PER_ACCOUNT, plural: 'review templates', resourceType: 'REVIEW_TEMPLATE', count: countTemplates };

export const templateNotFound = (arn: string) => new NotFoundError(`Review template ${arn} was not found`, arn, 'REVIEW_TEMPLATE');

/**
 * A template of the principal's account, or not found. With `shared`, a
 * template shared with the principal (accepted) too: recipients read it and
 * create workloads from it but never change it, so only readers ask for that.
 */
export async function templateFor(ctx: ServiceContext, trx: Trx, principal: Principal, arn: string, options: { lock?: boolean; shared?: boolean } = {}) {
  const template = await findTemplate(trx, arn, options.lock ? ctx.store.dialect : undefined);
  if (!template) throw templateNotFound(arn);
  if (template.accountId !== principal.accountId && !(options.shared && (await resourceGrant(trx, principal, 'TEMPLATE', template.arn)))) {
    throw templateNotFound(arn);
  }
  return template;
}

/** The template's lenses with their compiled versions, status and answers. */
export async function lensesOfTemplate(ctx: ServiceContext, trx: Trx, arn: string, records?: TemplateLensRecord[]): Promise<LensOfTemplate[]> {
  const lenses = records ?? (await listTemplateLenses(trx, arn));
  await ctx.catalog.prepare(trx, lenses);
  const answers = await listTemplateAnswers(trx, arn);
  const result: LensOfTemplate[] = [];
  for (const record of lenses) {
    result.push({
      record,
      lens: await ctx.catalog.version(record.lensKey, record.lensVersion),
      status: await ctx.catalog.reviewStatus(record.lensKey, record.lensVersion),
      answers: answersByQuestion(answers.filter((a) => a.lensKey === record.lensKey)),
    });
  }
  return result;
}

/** The rules of Create/UpdateReviewTemplate that need nothing but the request. */
export function templateProblems(input: { TemplateName?: string; Tags?: Record<string, string> }): FieldProblem[] {
  return [...(input.TemplateName !== undefined ? checkNameCharacters('TemplateName', input.TemplateName) : []), ...tagProblems(input.Tags)];
}

function tooManyLenses(field: string, count: number) {
  return ValidationError.field(field, `a review template can have at most ${MAX_LENSES_PER_TEMPLATE} lenses (would have ${count})`);
}

export async function createReviewTemplate(
  ctx: ServiceContext,
  principal: Principal,
  input: { TemplateName: string; Description: string; Lenses: string[]; Notes?: string; Tags?: Record<string, string>; ClientRequestToken?: string },
) {
  return mutateRequest(ctx, principal, 'CreateReviewTemplate', input, async (trx) => {
    const keys = [...new Set(input.Lenses.map((alias) => ctx.catalog.reviewKey(alias)))];
    if (keys.length === 0) throw ValidationError.field('Lenses', 'a review template needs at least one lens');
    if (keys.length > MAX_LENSES_PER_TEMPLATE) throw tooManyLenses('Lenses', keys.length);
    const now = ctx.now();
    const template: TemplateRecord = {
      ...(await newAccountResource(ctx, trx, principal, TEMPLATES, now)),
      name: input.TemplateName,
      description: input.Description,
      notes: input.Notes ?? null,
    };
    await insertTemplate(trx, template);
    for (const [position, key] of keys.entries()) {
      const lens = await ctx.catalog.current(principal, key, trx);
      await upsertTemplateLens(trx, { templateArn: template.arn, lensKey: lens.alias, lensVersion: lens.version, position, notes: null, pillarNotes: {}, updatedAt: now });
    }
    if (input.Tags) await putTags(trx, template.arn, input.Tags);
    return { TemplateArn: template.arn };
  });
}

export async function getReviewTemplate(ctx: ServiceContext, principal: Principal, input: { TemplateArn: string }) {
  return read(ctx, async (trx) => {
    const template = await templateFor(ctx, trx, principal, input.TemplateArn, { shared: true });
    return { ReviewTemplate: presentTemplate(template, await lensesOfTemplate(ctx, trx, template.arn), await listTags(trx, template.arn)) };
  });
}

export async function updateReviewTemplate(
  ctx: ServiceContext,
  principal: Principal,
  input: { TemplateArn: string; TemplateName?: string; Description?: string; Notes?: string; LensesToAssociate?: string[]; LensesToDisassociate?: string[] },
) {
  return mutate(ctx, { principal, operation: 'UpdateReviewTemplate' }, async (trx) => {
    const template = await templateFor(ctx, trx, principal, input.TemplateArn, { lock: true });
    const now = ctx.now();
    const lenses = await listTemplateLenses(trx, template.arn);
    const problems: FieldProblem[] = [];
    const removed = new Set<string>();
    for (const [i, alias] of (input.LensesToDisassociate ?? []).entries()) {
      const key = ctx.catalog.reviewKey(alias);
      if (!lenses.some((l) => l.lensKey === key)) problems.push({ Name: `LensesToDisassociate[${i}]`, Message: `lens ${alias} is not in the template` });
      else removed.add(key);
    }
    if (problems.length) throw ValidationError.fields(problems);
    let position = Math.max(0, ...lenses.map((l) => l.position)) + 1;
    const kept = lenses.filter((l) => !removed.has(l.lensKey));
    for (const alias of input.LensesToAssociate ?? []) {
      const key = ctx.catalog.reviewKey(alias);
      if (kept.some((l) => l.lensKey === key)) continue;
      const lens = await ctx.catalog.current(principal, key, trx);
      const record = { templateArn: template.arn, lensKey: lens.alias, lensVersion: lens.version, position: position++, notes: null, pillarNotes: {}, updatedAt: now };
      kept.push(record);
      await upsertTemplateLens(trx, record);
    }
    if (kept.length > MAX_LENSES_PER_TEMPLATE) throw tooManyLenses('LensesToAssociate', kept.length);
    if (kept.length === 0) throw ValidationError.field('LensesToDisassociate', 'a review template must keep at least one lens');
    for (const key of removed) await deleteTemplateLens(trx, template.arn, key);
    const next: TemplateRecord = {
      ...template,
      name: input.TemplateName ?? template.name,
      description: input.Description ?? template.description,
      notes: input.Notes ?? template.notes,
      updatedAt: now,
    };
    await updateTemplate(trx, next);
    return { ReviewTemplate: presentTemplate(next, await lensesOfTemplate(ctx, trx, next.arn), await listTags(trx, next.arn)) };
  });
}

/** Deletes the template with its lenses, answers, tags and shares; workloads created from it keep what they got. */
export async function deleteReviewTemplate(ctx: ServiceContext, principal: Principal, input: { TemplateArn: string; ClientRequestToken?: string }) {
  await mutateRequest(ctx, principal, 'DeleteReviewTemplate', input, async (trx) => {
    const template = await templateFor(ctx, trx, principal, input.TemplateArn, { lock: true });
    await deleteTemplate(trx, template.arn);
    await deleteResourceShares(trx, 'TEMPLATE', template.arn);
    return {};
  });
  return {};
}

export async function listReviewTemplates(ctx: ServiceContext, principal: Principal, input: { NextToken?: string; MaxResults?: number }) {
  return read(ctx, async (trx) => {
    // The account's own templates first, then those shared with it, each in creation order.
    const shared = [];
    for (const arn of await sharedResourceIds(trx, principal, 'TEMPLATE')) {
      const template = await findTemplate(trx, arn);
      if (template) shared.push(template);
    }
    shared.sort((x, y) => x.createdAt - y.createdAt || (x.arn < y.arn ? -1 : 1));
    const page = pageOf([...(await listTemplates(trx, principal.accountId)), ...shared], input.NextToken, input.MaxResults);
    const lenses = await listTemplateLensesOf(trx, page.items.map((t) => t.arn));
    await ctx.catalog.prepare(trx, lenses);
    const summaries = [];
    for (const t of page.items) {
      const own = lenses.filter((l) => l.templateArn === t.arn);
      const statuses = await Promise.all(own.map((l) => ctx.catalog.reviewStatus(l.lensKey, l.lensVersion)));
      summaries.push({
        TemplateArn: t.arn,
        TemplateName: t.name,
        Description: t.description,
        Lenses: own.map((l) => l.lensKey),
        Owner: t.accountId,
        UpdatedAt: seconds(t.updatedAt),
        UpdateStatus: statuses.every((s) => s === 'CURRENT') ? 'CURRENT' : 'LENS_NOT_CURRENT',
      });
    }
    return { ReviewTemplates: summaries, NextToken: page.nextToken };
  });
}
