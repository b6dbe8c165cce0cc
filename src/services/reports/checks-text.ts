import type { CheckStatus } from '../../domain/checks/finding';
import { accountSummaryText, type CheckOverAccounts } from '../../domain/checks/summaries';
import type { ReviewedPracticeChecks } from '../checks/lens-review-checks.service';
import type { LensReviewReportData } from './lens-review-data';

/** How the lens review reports (PDF, CSV, Markdown) word the checks, in one place. */

export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = { ERROR: 'Error', WARNING: 'Warning', OKAY: 'Okay', NOT_AVAILABLE: 'Not available' };

/** "Root account MFA (Prowler): Error; accounts: 1 error, 2 okay; 3 flagged resources" */
export function checkLine(c: CheckOverAccounts): string {
  const flagged = c.flaggedResources ? `; ${c.flaggedResources} flagged resource${c.flaggedResources === 1 ? '' : 's'}` : '';
  return `${c.name} (${c.source}): ${CHECK_STATUS_LABELS[c.status]}; accounts: ${accountSummaryText(c.accountSummary)}${flagged}`;
}

/** "Marked as followed, but contradicted by: A (Error), B (Warning)" */
export const contradictionLine = (p: ReviewedPracticeChecks) =>
  `Marked as followed, but contradicted by: ${p.contradicting.map((c) => `${c.name} (${CHECK_STATUS_LABELS[c.status]})`).join(', ')}`;

/** The practices of one question that have checks, in the lens's order. */
export const questionChecks = (data: LensReviewReportData, questionId: string) => (data.checks ?? []).filter((p) => p.questionId === questionId);

/** How many checks the report shows and how many followed practices they contradict. */
export function checksOverview(checks: readonly ReviewedPracticeChecks[]): string {
  const all = checks.flatMap((p) => p.checks);
  const failing = all.filter((c) => c.status === 'ERROR' || c.status === 'WARNING').length;
  const contradicted = checks.filter((p) => p.contradicting.length).length;
  return (
    `${all.length} check result${all.length === 1 ? '' : 's'} on ${checks.length} best practice${checks.length === 1 ? '' : 's'}, ` +
    `${failing} reporting a problem; ${contradicted} practice${contradicted === 1 ? '' : 's'} marked as followed ${contradicted === 1 ? 'is' : 'are'} contradicted by them.`
  );
}
