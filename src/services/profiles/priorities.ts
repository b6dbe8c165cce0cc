import { PRIORITIZED_LENS, prioritizedQuestions, prioritizedRiskCounts } from '../../domain/profile/profile-template';
import type { Risk } from '../../domain/review/risk';
import type { Trx } from '../../store/database';
import { findProfileSelections, findWorkloadProfile, listFrameworkRisksOf, listWorkloadProfilesOf, type WorkloadProfileRecord } from '../../store/profiles.repo';
import type { LensReviewRecord } from '../../store/records';
import { listAnswers } from '../../store/reviews.repo';
import type { ServiceContext } from '../context';
import { PROFILE_TEMPLATE } from './profile-template';

/**
 * What a workload's profile makes of its review, computed when read from the
 * answers and the profile version the workload is on (never stored, so
 * answering a question costs nothing more).
 */
export interface WorkloadPriorities {
  /** The Profiles member of workloads and lens reviews. */
  profiles: Array<{ ProfileArn: string; ProfileVersion: string }>;
  /** Prioritized question ids of the framework lens. */
  prioritized: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

async function prioritiesOf(trx: Trx, link: WorkloadProfileRecord, cache = new Map<string, ReadonlySet<string>>()): Promise<WorkloadPriorities> {
  const key = `${link.profileArn}#${link.profileVersion}`;
  let prioritized = cache.get(key);
  if (!prioritized) {
    const selections = await findProfileSelections(trx, link.profileArn, link.profileVersion);
    prioritized = selections ? prioritizedQuestions(PROFILE_TEMPLATE, selections) : NONE;
    cache.set(key, prioritized);
  }
  return { profiles: [{ ProfileArn: link.profileArn, ProfileVersion: String(link.profileVersion) }], prioritized };
}

/** The workload's priorities, or undefined when it has no profile. */
export async function workloadPriorities(trx: Trx, workloadId: string): Promise<WorkloadPriorities | undefined> {
  const link = await findWorkloadProfile(trx, workloadId);
  return link ? prioritiesOf(trx, link) : undefined;
}

/** The questions of a lens review that are prioritized: only the framework lens's questions are. */
export const prioritizedIn = (priorities: WorkloadPriorities | undefined, lensKey: string): ReadonlySet<string> =>
  priorities && lensKey === PRIORITIZED_LENS ? priorities.prioritized : NONE;

/** Profiles and PrioritizedRiskCounts of a workload, for workloads without a profile nothing. */
export async function workloadPriorityMembers(
  ctx: ServiceContext,
  priorities: WorkloadPriorities | undefined,
  frameworkReview: LensReviewRecord | undefined,
  riskOf: (questionId: string) => Risk | undefined,
) {
  if (!priorities) return {};
  const lens = frameworkReview ? await ctx.catalog.version(frameworkReview.lensKey, frameworkReview.lensVersion) : undefined;
  return {
    Profiles: priorities.profiles,
    PrioritizedRiskCounts: prioritizedRiskCounts(lens ? lens.questions.keys() : [], priorities.prioritized, riskOf),
  };
}

/** Profiles and PrioritizedRiskCounts of one workload as it is now (nothing without a profile). */
export async function priorityMembersFor(
  ctx: ServiceContext,
  trx: Trx,
  workloadId: string,
  reviews: LensReviewRecord[],
  priorities: WorkloadPriorities | undefined,
) {
  if (!priorities) return {};
  const risks = new Map((await listAnswers(trx, workloadId, PRIORITIZED_LENS)).map((a) => [a.questionId, a.risk]));
  const review = reviews.find((r) => r.lensKey === PRIORITIZED_LENS && r.active);
  return workloadPriorityMembers(ctx, priorities, review, (q) => risks.get(q));
}

/** The same for a page of workloads: one query for their profiles, more only for those that have one. */
export async function priorityMembersOf(ctx: ServiceContext, trx: Trx, workloads: Array<{ id: string; reviews: LensReviewRecord[] }>) {
  const links = await listWorkloadProfilesOf(trx, workloads.map((w) => w.id));
  const members = new Map<string, Awaited<ReturnType<typeof workloadPriorityMembers>>>();
  if (!links.length) return members;
  const risks = await listFrameworkRisksOf(trx, links.map((l) => l.workloadId), PRIORITIZED_LENS);
  const cache = new Map<string, ReadonlySet<string>>();
  for (const link of links) {
    const reviews = workloads.find((w) => w.id === link.workloadId)?.reviews ?? [];
    const review = reviews.find((r) => r.lensKey === PRIORITIZED_LENS && r.active);
    const priorities = await prioritiesOf(trx, link, cache);
    members.set(link.workloadId, await workloadPriorityMembers(ctx, priorities, review, (q) => risks.get(`${link.workloadId}/${q}`)));
  }
  return members;
}
