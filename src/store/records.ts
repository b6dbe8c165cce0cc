import type { AnswerState } from '../domain/review/answer';
import type { Risk, RiskCounts } from '../domain/review/risk';

/** What the repositories hand to services: rows with JSON columns parsed. */

export interface WorkloadRecord {
  id: string;
  accountId: string;
  arn: string;
  name: string;
  description: string;
  environment: string;
  reviewOwner: string | null;
  architecturalDesign: string | null;
  industryType: string | null;
  industry: string | null;
  notes: string | null;
  improvementStatus: string;
  accountIds: string[];
  awsRegions: string[];
  nonAwsRegions: string[];
  pillarPriorities: string[];
  applications: string[];
  discoveryConfig: Record<string, unknown> | null;
  jiraConfig: Record<string, unknown> | null;
  isReviewOwnerUpdateAcknowledged: boolean;
  riskCounts: RiskCounts;
  createdAt: number;
  updatedAt: number;
}

export interface LensReviewRecord {
  workloadId: string;
  lensKey: string;
  lensVersion: string;
  active: boolean;
  position: number;
  notes: string | null;
  pillarNotes: Record<string, string>;
  riskCounts: RiskCounts;
  updatedAt: number;
}

export interface AnswerRecord {
  workloadId: string;
  lensKey: string;
  questionId: string;
  state: AnswerState;
  risk: Risk;
  updatedAt: number;
}

/** The whole workload as it was when a milestone was saved. */
export interface WorkloadSnapshot {
  workload: WorkloadRecord;
  lensReviews: LensReviewRecord[];
  answers: AnswerRecord[];
  /** Absent in snapshots saved before tags were kept. */
  tags?: Record<string, string>;
}

export interface MilestoneRecord {
  workloadId: string;
  number: number;
  name: string;
  recordedAt: number;
}
