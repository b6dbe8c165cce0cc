import type { LensReviewRecord, WorkloadRecord } from '../../store/records';
import { seconds } from '../pagination';

/** Workloads as the API shapes them (Workload, WorkloadSummary). */

const optional = <T>(value: T | null | undefined) => (value === null || value === undefined ? undefined : value);

export const activeLensAliases = (reviews: LensReviewRecord[]) => reviews.filter((r) => r.active).map((r) => r.lensKey);

/** What a workload's profile adds (Profiles, PrioritizedRiskCounts); empty without one. */
export type PriorityMembers = { Profiles?: Array<{ ProfileArn: string; ProfileVersion: string }>; PrioritizedRiskCounts?: Record<string, number> };

export function presentWorkload(w: WorkloadRecord, reviews: LensReviewRecord[], tags: Record<string, string>, priorities: PriorityMembers = {}) {
  return {
    WorkloadId: w.id,
    WorkloadArn: w.arn,
    WorkloadName: w.name,
    Description: w.description,
    Environment: w.environment,
    UpdatedAt: seconds(w.updatedAt),
    AccountIds: w.accountIds,
    AwsRegions: w.awsRegions,
    NonAwsRegions: w.nonAwsRegions,
    ArchitecturalDesign: optional(w.architecturalDesign),
    ReviewOwner: optional(w.reviewOwner),
    IsReviewOwnerUpdateAcknowledged: w.isReviewOwnerUpdateAcknowledged,
    IndustryType: optional(w.industryType),
    Industry: optional(w.industry),
    Notes: optional(w.notes),
    ImprovementStatus: w.improvementStatus,
    RiskCounts: w.riskCounts,
    PillarPriorities: w.pillarPriorities,
    Lenses: activeLensAliases(reviews),
    Owner: w.accountId,
    Tags: Object.keys(tags).length ? tags : undefined,
    DiscoveryConfig: optional(w.discoveryConfig),
    Applications: w.applications,
    JiraConfiguration: optional(w.jiraConfig),
    ...priorities,
  };
}

export function presentWorkloadSummary(w: WorkloadRecord, reviews: LensReviewRecord[], priorities: PriorityMembers = {}) {
  return {
    WorkloadId: w.id,
    WorkloadArn: w.arn,
    WorkloadName: w.name,
    Owner: w.accountId,
    UpdatedAt: seconds(w.updatedAt),
    Lenses: activeLensAliases(reviews),
    RiskCounts: w.riskCounts,
    ImprovementStatus: w.improvementStatus,
    ...priorities,
  };
}
