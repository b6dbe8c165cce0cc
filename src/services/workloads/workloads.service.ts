import { workloadArn } from '../../domain/arn';
import { ConflictError, ValidationError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import { nameKey } from '../../domain/names';
import { addCounts, emptyCounts } from '../../domain/review/risk';
import { isUniqueViolation, type Trx } from '../../store/database';
import type { LensReviewRecord, WorkloadRecord } from '../../store/records';
import { listLensReviews, listLensReviewsOf, upsertLensReview } from '../../store/reviews.repo';
import { hasAcceptedWorkloadShares } from '../../store/shares.repo';
import { listTags, listWorkloadTags, putTags } from '../../store/tags.repo';
import {
  countWorkloads,
  deleteWorkload as deleteWorkloadRow,
  findWorkloadByNameKey,
  insertWorkload,
  listWorkloadPage,
  tallyWorkloadRisks,
  updateWorkload as updateWorkloadRow,
} from '../../store/workloads.repo';
import { changeOwnWorkload, workloadFor } from '../access';
import { checkAccountQuota, newResourceId } from '../account-resources';
import { workloadGrant } from '../shares/recipient-access';
import { mutate, mutateRequest, read, type ServiceContext } from '../context';
import { decodeToken, encodeToken } from '../pagination';
import type { Principal } from '../principal';
import { presentWorkload, presentWorkloadSummary } from './present';
import { checkWorkloadProperties, defaultPillarPriorities, MAX_WORKLOADS_PER_ACCOUNT, type WorkloadProperties } from './rules';
import { applyTemplate, templateForWorkload } from '../templates/apply';
import { priorityMembersFor, priorityMembersOf, workloadPriorities } from '../profiles/priorities';
import { attachProfile } from '../profiles/workload-profiles.service';

export interface CreateWorkloadInput extends WorkloadProperties {
  WorkloadName: string;
  Description: string;
  Environment: string;
  Lenses: string[];
  ReviewOwner?: string;
  ArchitecturalDesign?: string;
  IndustryType?: string;
  Industry?: string;
  Notes?: string;
  ClientRequestToken?: string;
  DiscoveryConfig?: Record<string, unknown>;
  Applications?: string[];
  ProfileArns?: string[];
  ReviewTemplateArns?: string[];
  JiraConfiguration?: Record<string, unknown>;
}

const FRAMEWORK = 'wellarchitected';

const WORKLOADS = { max: MAX_WORKLOADS_PER_ACCOUNT, plural: 'workloads', resourceType: 'WORKLOAD', count: countWorkloads };

/** The properties CreateWorkload and UpdateWorkload both take. */
type WorkloadPropertyInput = Omit<UpdateWorkloadInput, 'WorkloadId' | 'IsReviewOwnerUpdateAcknowledged' | 'ImprovementStatus'>;

/** The record's fields those properties set; a member not given sets nothing. */
function propertyFields(input: WorkloadPropertyInput): Partial<WorkloadRecord> {
  const fields: Partial<WorkloadRecord> = {
    name: input.WorkloadName,
    description: input.Description,
    environment: input.Environment,
    reviewOwner: input.ReviewOwner,
    architecturalDesign: input.ArchitecturalDesign,
    industryType: input.IndustryType,
    industry: input.Industry,
    notes: input.Notes,
    accountIds: input.AccountIds,
    awsRegions: input.AwsRegions,
    nonAwsRegions: input.NonAwsRegions,
    pillarPriorities: input.PillarPriorities,
    applications: input.Applications,
    discoveryConfig: input.DiscoveryConfig,
    jiraConfig: input.JiraConfiguration,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null));
}

/** The framework lens first (it is always applied), then the others as given, once each. */
async function resolveLenses(ctx: ServiceContext, trx: Trx, principal: Principal, aliases: string[]): Promise<CompiledLens[]> {
  const keys = [FRAMEWORK, ...aliases.map((a) => ctx.catalog.reviewKey(a))].filter((k, i, all) => all.indexOf(k) === i);
  const lenses: CompiledLens[] = [];
  for (const key of keys) lenses.push(await ctx.catalog.current(principal, key, trx));
  return lenses;
}

function conflictOnName(name: string, existingId: string) {
  return new ConflictError(`A workload named '${name}' already exists (names ignore spaces and case)`, existingId, 'WORKLOAD');
}

/** After losing a race for a name: the transaction is aborted, so look the holder up outside it. */
async function nameTaken(ctx: ServiceContext, principal: Principal, name: string) {
  const holder = await findWorkloadByNameKey(ctx.store.db, principal.accountId, nameKey(name));
  return conflictOnName(name, holder?.id ?? nameKey(name));
}

export const newLensReview = (workloadId: string, lens: CompiledLens, position: number, now: number): LensReviewRecord => ({
  workloadId,
  lensKey: lens.alias,
  lensVersion: lens.version,
  active: true,
  position,
  notes: null,
  pillarNotes: {},
  riskCounts: { ...emptyCounts(), UNANSWERED: lens.questions.size },
  updatedAt: now,
});

export const sumActiveCounts = (reviews: LensReviewRecord[]) =>
  reviews.filter((r) => r.active).reduce((sum, r) => addCounts(sum, r.riskCounts), emptyCounts());

export async function createWorkload(ctx: ServiceContext, principal: Principal, input: CreateWorkloadInput) {
  return mutateRequest(ctx, principal, 'CreateWorkload', input, (trx) => createWorkloadIn(ctx, trx, principal, input));
}

/** CreateWorkload inside the caller's transaction; `id` lets a caller that authorized actions on the new workload name it first. */
export async function createWorkloadIn(ctx: ServiceContext, trx: Trx, principal: Principal, input: CreateWorkloadInput, id = newResourceId()) {
  const fromTemplate = await templateForWorkload(ctx, trx, principal, input.ReviewTemplateArns);
  const templateLenses = fromTemplate?.lenses.map((l) => l.record.lensKey) ?? [];
  const lenses = await resolveLenses(ctx, trx, principal, [...input.Lenses, ...templateLenses]);
  if (lenses.length > 20) throw ValidationError.field('Lenses', `at most 20 lenses can be applied to a workload (got ${lenses.length})`);
  checkWorkloadProperties(input, lenses);
  const key = nameKey(input.WorkloadName);
  const existing = await findWorkloadByNameKey(trx, principal.accountId, key);
  if (existing) throw conflictOnName(input.WorkloadName, existing.id);
  await checkAccountQuota(trx, principal.accountId, WORKLOADS);
  const now = ctx.now();
  const reviews = lenses.map((lens, i) => newLensReview(id, lens, i, now));
  const workload: WorkloadRecord = {
    id,
    accountId: principal.accountId,
    arn: workloadArn(ctx.region, principal.accountId, id),
    name: input.WorkloadName,
    description: input.Description,
    environment: input.Environment,
    // What a property not given starts as.
    reviewOwner: null,
    architecturalDesign: null,
    industryType: null,
    industry: null,
    notes: fromTemplate?.template.notes ?? null,
    accountIds: [],
    awsRegions: [],
    nonAwsRegions: [],
    pillarPriorities: defaultPillarPriorities(lenses),
    applications: [],
    discoveryConfig: null,
    jiraConfig: null,
    ...propertyFields(input),
    improvementStatus: 'NOT_APPLICABLE',
    isReviewOwnerUpdateAcknowledged: false,
    riskCounts: sumActiveCounts(reviews),
    createdAt: now,
    updatedAt: now,
  };
  try {
    await insertWorkload(trx, workload, key);
  } catch (error) {
    if (isUniqueViolation(error)) throw await nameTaken(ctx, principal, input.WorkloadName);
    throw error;
  }
  for (const review of reviews) await upsertLensReview(trx, review);
  if (input.Tags) await putTags(trx, workload.arn, input.Tags);
  if (input.ProfileArns?.length) await attachProfile(ctx, trx, principal, workload, input.ProfileArns);
  if (fromTemplate) await applyTemplate(ctx, trx, principal, workload, fromTemplate.lenses, 'OVERWRITE');
  return { WorkloadId: id, WorkloadArn: workload.arn };
}

export async function getWorkload(ctx: ServiceContext, principal: Principal, { WorkloadId: workloadId }: { WorkloadId: string }) {
  return read(ctx, async (trx) => {
    // Read at once (one round trip on PostgreSQL); nothing is shown unless the access rule lets the caller see the workload.
    const [workload, reviews, profile, tags] = await Promise.all([
      workloadFor(ctx, trx, principal, workloadId, 'read'),
      listLensReviews(trx, workloadId),
      workloadPriorities(trx, workloadId),
      listWorkloadTags(trx, workloadId),
    ]);
    // A recipient sees the invitation its access comes through.
    const grant = workload.accountId === principal.accountId ? undefined : await workloadGrant(trx, principal, workload.id);
    const priorities = await priorityMembersFor(ctx, trx, workload.id, reviews, profile);
    const presented = presentWorkload(workload, reviews, tags, priorities);
    return { Workload: { ...presented, ShareInvitationId: grant?.invitationId } };
  });
}

export interface UpdateWorkloadInput extends WorkloadProperties {
  WorkloadId: string;
  Description?: string;
  Environment?: string;
  ArchitecturalDesign?: string;
  ReviewOwner?: string;
  IsReviewOwnerUpdateAcknowledged?: boolean;
  IndustryType?: string;
  Industry?: string;
  Notes?: string;
  ImprovementStatus?: string;
  DiscoveryConfig?: Record<string, unknown>;
  Applications?: string[];
  JiraConfiguration?: Record<string, unknown>;
}

export async function updateWorkload(ctx: ServiceContext, principal: Principal, input: UpdateWorkloadInput) {
  return mutate(ctx, { principal, operation: 'UpdateWorkload' }, (trx) => updateWorkloadIn(ctx, trx, principal, input));
}

/** UpdateWorkload inside the caller's transaction. */
export async function updateWorkloadIn(ctx: ServiceContext, trx: Trx, principal: Principal, input: UpdateWorkloadInput) {
  const current = await workloadFor(ctx, trx, principal, input.WorkloadId, 'own', { lock: true });
  const reviews = await listLensReviews(trx, current.id);
  await ctx.catalog.prepare(trx, reviews);
  const lenses = await Promise.all(reviews.filter((r) => r.active).map((r) => ctx.catalog.version(r.lensKey, r.lensVersion)));
  checkWorkloadProperties(input, lenses);
  const key = nameKey(input.WorkloadName ?? current.name);
  if (input.WorkloadName !== undefined && key !== nameKey(current.name)) {
    const existing = await findWorkloadByNameKey(trx, principal.accountId, key);
    if (existing) throw conflictOnName(input.WorkloadName, existing.id);
  }
  const next: WorkloadRecord = {
    ...current,
    ...propertyFields(input),
    isReviewOwnerUpdateAcknowledged: input.IsReviewOwnerUpdateAcknowledged ?? current.isReviewOwnerUpdateAcknowledged,
    improvementStatus: input.ImprovementStatus ?? current.improvementStatus,
    updatedAt: ctx.now(),
  };
  try {
    await updateWorkloadRow(trx, next, key);
  } catch (error) {
    if (isUniqueViolation(error)) throw await nameTaken(ctx, principal, next.name);
    throw error;
  }
  const priorities = await priorityMembersFor(ctx, trx, next.id, reviews, await workloadPriorities(trx, next.id));
  return { Workload: presentWorkload(next, reviews, await listTags(trx, next.arn), priorities) };
}

export async function deleteWorkload(ctx: ServiceContext, principal: Principal, input: { WorkloadId: string; ClientRequestToken?: string }) {
  return changeOwnWorkload(ctx, principal, 'DeleteWorkload', input, async (trx, workload) => {
    await deleteWorkloadRow(trx, workload.id, workload.arn);
    return {};
  });
}

const isWorkloadPosition = (v: unknown): v is { n: string; i: string } =>
  typeof v === 'object' && v !== null && typeof (v as { n: unknown }).n === 'string' && typeof (v as { i: unknown }).i === 'string';

/** The workloads ListWorkloads shows the caller, as in one recipient's terms. */
async function visibleTo(trx: Trx, principal: Principal) {
  const recipient = { accountId: principal.accountId, userName: principal.userName };
  return { accountIds: [principal.accountId], sharedWith: (await hasAcceptedWorkloadShares(trx, recipient)) ? recipient : undefined };
}

/**
 * GetWorkloadRiskCounts (Plumbline's): the dashboard's counts of the workloads
 * ListWorkloads shows the caller, counted in the store rather than by reading every
 * page of them.
 */
export async function getWorkloadRiskCounts(ctx: ServiceContext, principal: Principal) {
  return read(ctx, async (trx) => {
    const tally = await tallyWorkloadRisks(trx, await visibleTo(trx, principal));
    return { WorkloadCount: tally.total, WorkloadsWithHighRisks: tally.withHighRisks, WorkloadsWithMediumRisks: tally.withMediumRisks };
  });
}

export async function listWorkloads(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadNamePrefix?: string; NextToken?: string; MaxResults?: number },
) {
  const after = decodeToken(input.NextToken, isWorkloadPosition);
  const limit = input.MaxResults ?? 50;
  return read(ctx, async (trx) => {
    const page = await listWorkloadPage(trx, {
      ...(await visibleTo(trx, principal)),
      namePrefixKey: input.WorkloadNamePrefix ? nameKey(input.WorkloadNamePrefix) : undefined,
      after: after ? { nameKey: after.n, id: after.i } : undefined,
      limit: limit + 1,
    });
    const items = page.slice(0, limit);
    const reviews = await listLensReviewsOf(trx, items.map((w) => w.record.id));
    const reviewsOf = (id: string) => reviews.filter((r) => r.workloadId === id);
    const priorities = await priorityMembersOf(ctx, trx, items.map(({ record }) => ({ id: record.id, reviews: reviewsOf(record.id) })));
    const last = items[items.length - 1];
    return {
      WorkloadSummaries: items.map(({ record }) => presentWorkloadSummary(record, reviewsOf(record.id), priorities.get(record.id))),
      NextToken: page.length > limit && last ? encodeToken({ n: last.nameKey, i: last.record.id }) : undefined,
    };
  });
}
