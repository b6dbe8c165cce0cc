import { usePlumbline } from '../../api/plumbline-client';
import { useLoad } from './use-load';

/**
 * The checks from scanners on a lens review's best practices (Plumbline's
 * ListLensReviewChecks), now or at a milestone. `shown` follows the signed-in
 * account's discovery switch: while it is off, pages show no checks.
 */

export type CheckStatus = 'OKAY' | 'WARNING' | 'ERROR' | 'NOT_AVAILABLE';

export interface CheckSummaryView {
  Id: string;
  Name: string;
  Description: string;
  Provider: string;
  Status: CheckStatus;
  AccountSummary: Partial<Record<CheckStatus, number>>;
  FlaggedResources: number;
  UpdatedAt: number;
}

export interface PracticeChecks {
  PillarId: string;
  QuestionId: string;
  ChoiceId: string;
  /** Marked as followed in the saved answer. */
  Selected: boolean;
  Contradicted: boolean;
  CheckSummaries: CheckSummaryView[];
}

export interface LensReviewChecks {
  LensArn: string;
  shown: boolean;
  practices: PracticeChecks[];
  /** By choice id (unique within a question) for one question's page; by "question/choice" otherwise. */
  byChoice: Map<string, PracticeChecks>;
}

export function useLensReviewChecks(workloadId: string, lensAlias: string | undefined, scope: { questionId?: string; milestoneNumber?: number } = {}) {
  const plumbline = usePlumbline();
  const { questionId, milestoneNumber } = scope;
  return useLoad<LensReviewChecks | undefined>(async () => {
    if (!lensAlias) return undefined;
    const out = (await plumbline('ListLensReviewChecks', { WorkloadId: workloadId, LensAlias: lensAlias, QuestionId: questionId, MilestoneNumber: milestoneNumber })) as {
      LensArn: string;
      DiscoveryIntegrationStatus: string;
      Practices: PracticeChecks[];
    };
    const key = (p: PracticeChecks) => (questionId ? p.ChoiceId : `${p.QuestionId}/${p.ChoiceId}`);
    return {
      LensArn: out.LensArn,
      shown: out.DiscoveryIntegrationStatus === 'ENABLED',
      practices: out.Practices,
      byChoice: new Map(out.Practices.map((p) => [key(p), p])),
    };
  }, [plumbline, workloadId, lensAlias, questionId, milestoneNumber]);
}

/** A check reports a problem: a practice marked as followed with such a check is contradicted. */
export const reportsProblem = (status: CheckStatus) => status === 'ERROR' || status === 'WARNING';

const ACCOUNT_WORDS: Array<[CheckStatus, string]> = [
  ['ERROR', 'error'],
  ['WARNING', 'warning'],
  ['OKAY', 'okay'],
  ['NOT_AVAILABLE', 'not available'],
];

/** "1 error, 2 okay (3 accounts)" */
export function accountCounts(summary: Partial<Record<CheckStatus, number>>): string {
  const parts = ACCOUNT_WORDS.filter(([s]) => summary[s]).map(([s, word]) => `${summary[s]} ${word}`);
  const total = Object.values(summary).reduce<number>((n, c) => n + (c ?? 0), 0);
  return `${parts.join(', ')} (${total} account${total === 1 ? '' : 's'})`;
}
